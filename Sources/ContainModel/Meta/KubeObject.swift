/// What the API knows about a kind: its group, version, names and scope, as discovery
/// (`kubectl api-resources`) reports them.
public struct ResourceType: Sendable, Hashable {
    /// API group; empty for the core group.
    public var group: String
    public var version: String
    public var kind: String
    /// The lower-case plural used in URLs (`tenants`).
    public var plural: String
    /// The lower-case singular (`tenant`).
    public var singular: String
    public var shortNames: [String]
    /// Whether objects live in a namespace.
    public var namespaced: Bool
    /// Groupings such as `all`, used by `kubectl get all`.
    public var categories: [String]

    public init(group: String, version: String, kind: String, plural: String, singular: String? = nil,
                shortNames: [String] = [], namespaced: Bool, categories: [String] = []) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.shortNames = shortNames
        self.namespaced = namespaced
        self.categories = categories
    }

    /// `group/version`, or just `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
}

/// A typed Kubernetes-style object: `apiVersion`, `kind`, `metadata`, and usually `spec` and
/// `status`. Every typed kind conforms, so stores, codecs and controllers can treat them alike.
public protocol KubeObject: Codable, Sendable, Hashable {
    /// The kind's API description.
    static var resourceType: ResourceType { get }
    var apiVersion: String { get set }
    var kind: String { get set }
    var metadata: ObjectMeta { get set }
}

extension KubeObject {
    /// The object's name, or an empty string when unset.
    public var name: String { metadata.name ?? "" }

    /// The object's namespace, when it has one.
    public var namespace: String? { metadata.namespace }

    /// `Kind/name` or `Kind/namespace/name`, as people refer to objects in messages.
    public var reference: String {
        if let namespace = metadata.namespace, !namespace.isEmpty { return "\(kind)/\(namespace)/\(name)" }
        return "\(kind)/\(name)"
    }
}

/// A list of typed objects, as list responses and `kind: List` files carry them.
public struct ObjectList<Item: KubeObject>: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ListMeta
    public var items: [Item]

    public init(items: [Item], metadata: ListMeta = ListMeta()) {
        self.apiVersion = Item.resourceType.apiVersion
        self.kind = Item.resourceType.kind + "List"
        self.metadata = metadata
        self.items = items
    }
}
