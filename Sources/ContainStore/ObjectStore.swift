import ContainModel

/// A collection of objects of one kind: API group and plural resource name, as URLs and
/// RBAC name them (`tenants` in `platform.contain.dev`, `namespaces` in the core group "").
public struct ResourceKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var group: String
    public var resource: String

    public init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }

    /// The key of a typed kind's collection.
    public init(_ type: ResourceType) {
        self.init(group: type.group, resource: type.plural)
    }

    /// `tenants.platform.contain.dev`, or just `namespaces` for the core group, as kubectl prints it.
    public var description: String { group.isEmpty ? resource : "\(resource).\(group)" }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        (lhs.group, lhs.resource) < (rhs.group, rhs.resource)
    }
}

/// One object's identity in the store. `namespace` is empty for cluster-scoped objects.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var resource: ResourceKey
    public var namespace: String
    public var name: String

    public init(resource: ResourceKey, namespace: String = "", name: String) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    public var description: String {
        namespace.isEmpty ? "\(resource)/\(name)" : "\(resource)/\(namespace)/\(name)"
    }

    /// Store order: by resource, then namespace, then name (as etcd orders its keys).
    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.resource, lhs.namespace, lhs.name) < (rhs.resource, rhs.namespace, rhs.name)
    }
}

/// An object as stored: its JSON bytes, which always carry `metadata.resourceVersion` equal to
/// `revision`, so a list can be served by copying bytes without decoding them.
public struct StoredObject: Sendable, Hashable {
    public var key: ObjectKey
    /// The revision of the write that produced this state (its resourceVersion).
    public var revision: Int64
    /// The revision at which the object was created.
    public var createRevision: Int64
    /// Compact JSON of the whole object.
    public var data: [UInt8]

    public init(key: ObjectKey, revision: Int64, createRevision: Int64, data: [UInt8]) {
        self.key = key
        self.revision = revision
        self.createRevision = createRevision
        self.data = data
    }
}

/// The outcome of a create: a conflict is a value, not an error.
public enum CreateResult: Sendable, Hashable {
    case created(StoredObject)
    /// An object with this key exists; here it is.
    case alreadyExists(StoredObject)
}

/// The outcome of an update.
public enum UpdateResult: Sendable, Hashable {
    case updated(StoredObject)
    /// The stored revision is not the expected one; here is the current object.
    case conflict(current: StoredObject)
    case notFound
}

/// The outcome of a delete.
public enum DeleteResult: Sendable, Hashable {
    /// Deleted; the object's last state, with `revision` set to the deletion's revision.
    case deleted(StoredObject)
    case conflict(current: StoredObject)
    case notFound
}

/// A change seen by a watch.
public struct StoreEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    public var kind: Kind
    /// The new state; for a deletion, the last state with `revision` set to the deletion's revision.
    public var object: StoredObject

    public init(kind: Kind, object: StoredObject) {
        self.kind = kind
        self.object = object
    }
}

/// What to list.
public struct ListRequest: Sendable {
    public var resource: ResourceKey
    /// Only this namespace; `nil` for all namespaces (and for cluster-scoped resources).
    public var namespace: String?
    /// Only the object of this name (`fieldSelector=metadata.name=…`).
    public var name: String?
    /// Page size; `nil` for everything.
    public var limit: Int?
    /// The token from the previous page's result.
    public var continueToken: String?
    /// Read at this revision (a consistent snapshot); `nil` for the latest. Ignored with a
    /// continue token, which carries the first page's revision.
    public var revision: Int64?
    /// Keep only objects that pass (label selectors); applied before `limit` counts.
    public var filter: (@Sendable (StoredObject) -> Bool)?

    public init(resource: ResourceKey, namespace: String? = nil, name: String? = nil, limit: Int? = nil,
                continueToken: String? = nil, revision: Int64? = nil, filter: (@Sendable (StoredObject) -> Bool)? = nil) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.limit = limit
        self.continueToken = continueToken
        self.revision = revision
        self.filter = filter
    }
}

/// One page of a list.
public struct ListResult: Sendable {
    /// Objects in store order.
    public var items: [StoredObject]
    /// The snapshot revision the page was read at.
    public var revision: Int64
    /// Present when more objects follow.
    public var continueToken: String?
    /// How many objects follow, when known.
    public var remainingItemCount: Int64?

    public init(items: [StoredObject], revision: Int64, continueToken: String? = nil, remainingItemCount: Int64? = nil) {
        self.items = items
        self.revision = revision
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
    }
}

/// Failures of the store itself (conflicts are results, not errors).
public enum StoreError: Error, Sendable, Hashable {
    /// The requested revision (watch start, list snapshot, continue token) is older than the
    /// retained history: the client must re-list (HTTP 410 Expired).
    case expired(requested: Int64, oldestAvailable: Int64)
    /// A continue token that this store did not issue.
    case invalidContinueToken(String)
    /// The backend failed (disk, connection); the message says how.
    case backend(String)
}

/// A revisioned object store in the manner of kine/etcd: every write gets the next value of one
/// global, strictly increasing revision, which is the written object's `resourceVersion`.
/// Objects are stored as JSON; the store sets `metadata.resourceVersion` itself.
public protocol ObjectStore: Sendable {
    /// The revision of the latest write (0 for an empty store).
    func currentRevision() async throws -> Int64

    /// The oldest revision still retained for watches and snapshot reads.
    func compactedRevision() async throws -> Int64

    /// The object, or `nil`.
    func get(_ key: ObjectKey) async throws -> StoredObject?

    /// Objects of a resource in store order, one page at a time.
    func list(_ request: ListRequest) async throws -> ListResult

    /// Stores a new object. `object` is the whole object; its `metadata.resourceVersion` is set
    /// to the new revision.
    func create(_ key: ObjectKey, object: JSONObject) async throws -> CreateResult

    /// Replaces an object if its stored revision is `expectedRevision` (any revision when `nil`).
    func update(_ key: ObjectKey, object: JSONObject, expectedRevision: Int64?) async throws -> UpdateResult

    /// Deletes an object if its stored revision is `expectedRevision` (any revision when `nil`).
    func delete(_ key: ObjectKey, expectedRevision: Int64?) async throws -> DeleteResult

    /// Changes after `revision`, in revision order, for one resource (all resources when `nil`)
    /// and optionally one namespace. Throws `StoreError.expired` when `revision` is older than
    /// the retained history; the sequence ends with that error if the watcher falls so far
    /// behind that its events are no longer retained.
    func watch(_ resource: ResourceKey?, namespace: String?, after revision: Int64) async throws
        -> AsyncThrowingStream<StoreEvent, any Error>

    /// Forgets history older than the newest `keepRevisions` revisions (current objects are kept).
    func compact(keepRevisions: Int64) async throws

    /// Applies `writes` atomically and in order: either all of them commit (each with its own,
    /// consecutive revision, published to watchers together) or none does. A reader never sees
    /// some of them without the others. `.check` steps guard the transaction with the current
    /// revisions of objects it does not write.
    func transact(_ writes: [StoreWrite]) async throws -> TransactionResult
}
