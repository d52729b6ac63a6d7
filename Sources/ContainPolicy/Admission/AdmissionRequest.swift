import ContainModel

/// The operation an admission request is about, as `admission.k8s.io/v1` names it.
public enum AdmissionOperation: String, Sendable, Hashable, CaseIterable {
    case create = "CREATE"
    case update = "UPDATE"
    case delete = "DELETE"
    case connect = "CONNECT"
}

/// An API group, version and kind (`apps/v1 Deployment`); the core group is empty.
public struct GroupVersionKind: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    /// A kind in `group` at `version`.
    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// `apiVersion, Kind=kind`, as Kubernetes prints it.
    public var description: String { "\(apiVersion), Kind=\(kind)" }
}

/// Who sent the request: the authenticated user name and groups.
public struct AdmissionUser: Sendable, Hashable {
    public var username: String
    public var groups: [String]

    /// A user called `username` in `groups`.
    public init(username: String = "", groups: [String] = []) {
        self.username = username
        self.groups = groups
    }
}

/// One write to admit: what `admission.k8s.io/v1` `AdmissionRequest` carries, with the objects
/// already decoded.
public struct AdmissionRequest: Sendable {
    /// Echoed in the response so the API server can match it.
    public var uid: String
    /// The kind of `object`.
    public var kind: GroupVersionKind
    /// `status`, `ephemeralcontainers`, `exec`…; nil for the main resource.
    public var subResource: String?
    public var name: String?
    public var namespace: String?
    public var operation: AdmissionOperation
    public var user: AdmissionUser
    /// The new object (CREATE, UPDATE; CONNECT options); nil for DELETE.
    public var object: AdmissionObject?
    /// The object before the change (UPDATE, DELETE).
    public var oldObject: AdmissionObject?
    /// Whether the request is a dry run; the decision is the same, but nothing is recorded.
    public var dryRun: Bool

    /// A request; only `kind`, `operation` and `object` are needed for most evaluations.
    public init(uid: String = "", kind: GroupVersionKind, subResource: String? = nil, name: String? = nil,
                namespace: String? = nil, operation: AdmissionOperation, user: AdmissionUser = AdmissionUser(),
                object: AdmissionObject?, oldObject: AdmissionObject? = nil, dryRun: Bool = false) {
        self.uid = uid
        self.kind = kind
        self.subResource = subResource
        self.name = name
        self.namespace = namespace
        self.operation = operation
        self.user = user
        self.object = object
        self.oldObject = oldObject
        self.dryRun = dryRun
    }

    /// A CREATE of a typed object, taking kind, name and namespace from it.
    public static func create<T: KubeObject>(_ object: T, user: AdmissionUser = AdmissionUser()) -> AdmissionRequest {
        AdmissionRequest(kind: GroupVersionKind(group: T.resourceType.group, version: T.resourceType.version, kind: T.resourceType.kind),
                         name: object.metadata.name, namespace: object.metadata.namespace, operation: .create, user: user,
                         object: AdmissionObject(object))
    }
}
