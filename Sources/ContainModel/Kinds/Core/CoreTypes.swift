/// `core/v1.ResourceList`: quantities by resource name (`cpu`, `memory`, `storage`,
/// `ephemeral-storage`, `hugepages-2Mi`, `nvidia.com/gpu`, …).
public typealias ResourceList = [String: Quantity]

/// `core/v1.Protocol`: the network protocol of a port.
public enum PortProtocol: String, StringEnum {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
}

/// `core/v1.PullPolicy`: when the kubelet pulls an image.
public enum PullPolicy: String, StringEnum {
    case always = "Always"
    case never = "Never"
    case ifNotPresent = "IfNotPresent"
}

/// `core/v1.RestartPolicy` (and `ContainerRestartPolicy`): when containers are restarted after they exit.
public enum RestartPolicy: String, StringEnum {
    case always = "Always"
    case onFailure = "OnFailure"
    case never = "Never"
}

/// `core/v1.ObjectReference`: enough to inspect or modify the referred object.
public struct ObjectReference: Codable, Sendable, Hashable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    /// The specific `resourceVersion` referred to, if any.
    public var resourceVersion: String?
    /// A part of the object, such as `spec.containers{name}`.
    public var fieldPath: String?

    public init(
        kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil,
        apiVersion: String? = nil, resourceVersion: String? = nil, fieldPath: String? = nil
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }
}

/// `core/v1.LocalObjectReference`: an object by name in the same namespace.
public struct LocalObjectReference: Codable, Sendable, Hashable {
    /// Effectively required; empty only for backwards compatibility.
    public var name: String?

    public init(name: String? = nil) {
        self.name = name
    }
}

/// `core/v1.TypedLocalObjectReference`: a typed object in the same namespace.
public struct TypedLocalObjectReference: Codable, Sendable, Hashable {
    /// The API group; absent for the core group.
    public var apiGroup: String?
    public var kind: String
    public var name: String

    public init(apiGroup: String? = nil, kind: String, name: String) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
    }
}

/// `core/v1.TypedObjectReference`: a typed object, possibly in another namespace.
public struct TypedObjectReference: Codable, Sendable, Hashable {
    /// The API group; absent for the core group.
    public var apiGroup: String?
    public var kind: String
    public var name: String
    /// Requires the CrossNamespaceVolumeDataSource feature and a ReferenceGrant.
    public var namespace: String?

    public init(apiGroup: String? = nil, kind: String, name: String, namespace: String? = nil) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }
}

/// `core/v1.SecretReference`: a Secret in any namespace.
public struct SecretReference: Codable, Sendable, Hashable {
    public var name: String?
    public var namespace: String?

    public init(name: String? = nil, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

/// `core/v1.KeyToPath`: maps a ConfigMap or Secret key to a file path in a volume.
public struct KeyToPath: Codable, Sendable, Hashable {
    public var key: String
    /// Relative path of the file; may not contain `..`.
    public var path: String
    /// File mode bits (0000–0777 octal, 0–511 decimal); defaults to the volume's `defaultMode`.
    public var mode: Int32?

    public init(key: String, path: String, mode: Int32? = nil) {
        self.key = key
        self.path = path
        self.mode = mode
    }
}

/// `core/v1.ObjectFieldSelector`: a field of the pod (downward API).
public struct ObjectFieldSelector: Codable, Sendable, Hashable {
    /// Version of the schema `fieldPath` is written in; defaults to `v1`.
    public var apiVersion: String?
    /// For example `metadata.name` or `status.podIP`.
    public var fieldPath: String

    public init(apiVersion: String? = nil, fieldPath: String) {
        self.apiVersion = apiVersion
        self.fieldPath = fieldPath
    }
}

/// `core/v1.ResourceFieldSelector`: a container resource limit or request (downward API).
public struct ResourceFieldSelector: Codable, Sendable, Hashable {
    /// Required for volumes, optional for environment variables.
    public var containerName: String?
    /// For example `limits.cpu` or `requests.memory`.
    public var resource: String
    /// The unit the value is expressed in; defaults to `1`.
    public var divisor: Quantity?

    public init(containerName: String? = nil, resource: String, divisor: Quantity? = nil) {
        self.containerName = containerName
        self.resource = resource
        self.divisor = divisor
    }
}
