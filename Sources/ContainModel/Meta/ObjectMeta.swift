/// `metav1.ObjectMeta`: the metadata every persisted object carries, with the fields and JSON
/// names Kubernetes clients rely on.
public struct ObjectMeta: Codable, Sendable, Hashable {
    /// Unique within a namespace (or the cluster, for cluster-scoped kinds).
    public var name: String?
    /// A prefix the server completes with a random suffix when `name` is empty.
    public var generateName: String?
    /// The namespace of a namespaced object; empty for cluster-scoped ones.
    public var namespace: String?
    /// Deprecated by Kubernetes; kept so it round-trips.
    public var selfLink: String?
    /// Unique across time and space, set by the server.
    public var uid: String?
    /// Opaque version for optimistic concurrency and watches, set by the server.
    public var resourceVersion: String?
    /// Incremented by the server on every change of the desired state (`spec`).
    public var generation: Int64?
    /// When the server created the object.
    public var creationTimestamp: Time?
    /// When a graceful deletion was requested; the object goes once its finalizers are gone.
    public var deletionTimestamp: Time?
    /// Seconds allowed for graceful termination.
    public var deletionGracePeriodSeconds: Int64?
    /// Identifying key/value pairs, matched by label selectors.
    public var labels: [String: String]?
    /// Non-identifying key/value pairs for tools and people.
    public var annotations: [String: String]?
    /// Objects this object depends on, for garbage collection.
    public var ownerReferences: [OwnerReference]?
    /// Keys that must be removed before the object is deleted.
    public var finalizers: [String]?
    /// Which manager owns which fields (server-side apply).
    public var managedFields: [ManagedFieldsEntry]?

    public init(
        name: String? = nil, generateName: String? = nil, namespace: String? = nil, selfLink: String? = nil,
        uid: String? = nil, resourceVersion: String? = nil, generation: Int64? = nil,
        creationTimestamp: Time? = nil, deletionTimestamp: Time? = nil, deletionGracePeriodSeconds: Int64? = nil,
        labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil, finalizers: [String]? = nil,
        managedFields: [ManagedFieldsEntry]? = nil
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.selfLink = selfLink
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
        self.managedFields = managedFields
    }
}

/// `metav1.OwnerReference`: names an object this one depends on.
public struct OwnerReference: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    /// Whether the owner is the managing controller.
    public var controller: Bool?
    /// Whether the owner cannot be deleted before this object (foreground deletion).
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = nil,
                blockOwnerDeletion: Bool? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}

/// `metav1.ManagedFieldsEntry`: the set of fields one manager owns, as server-side apply records it.
public struct ManagedFieldsEntry: Codable, Sendable, Hashable {
    public var manager: String?
    /// `Apply` or `Update`.
    public var operation: String?
    public var apiVersion: String?
    public var time: Time?
    /// Always `FieldsV1` today.
    public var fieldsType: String?
    /// The field set, in Kubernetes' `f:`/`k:`/`v:` notation, kept as raw JSON.
    public var fieldsV1: JSONValue?
    public var subresource: String?

    public init(manager: String? = nil, operation: String? = nil, apiVersion: String? = nil, time: Time? = nil,
                fieldsType: String? = nil, fieldsV1: JSONValue? = nil, subresource: String? = nil) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.fieldsType = fieldsType
        self.fieldsV1 = fieldsV1
        self.subresource = subresource
    }
}

/// `metav1.TypeMeta`: the `apiVersion` and `kind` every serialized object starts with.
public struct TypeMeta: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?

    public init(apiVersion: String? = nil, kind: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
    }

    /// The group part of `apiVersion` (empty for the core group `v1`).
    public var group: String {
        guard let apiVersion, let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version part of `apiVersion`.
    public var version: String {
        guard let apiVersion else { return "" }
        guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }
}

/// `metav1.ListMeta`: metadata of a list response.
public struct ListMeta: Codable, Sendable, Hashable {
    public var selfLink: String?
    /// The revision the list was read at; a watch from it sees every later change.
    public var resourceVersion: String?
    /// Token for the next page, when the list was paginated.
    public var `continue`: String?
    /// How many items remain after this page, when known.
    public var remainingItemCount: Int64?

    public init(selfLink: String? = nil, resourceVersion: String? = nil, continue: String? = nil,
                remainingItemCount: Int64? = nil) {
        self.selfLink = selfLink
        self.resourceVersion = resourceVersion
        self.continue = `continue`
        self.remainingItemCount = remainingItemCount
    }
}
