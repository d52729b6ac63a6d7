import ContainModel
import ContainStore

/// One resource the API serves: its discovery description, whether it has a `status`
/// subresource, and the typed kind that validates it (nil for unstructured-only types).
public struct APIResource: Sendable {
    /// Group, version, kind, names and scope.
    public var type: ResourceType
    /// Whether `/status` is served and the main endpoint ignores `.status`.
    public var hasStatusSubresource: Bool
    /// The Swift type bodies are strictly decoded into, when there is one.
    public var typedKind: (any KubeObject.Type)?
    /// How the kind's lists merge; built-in kinds also accept strategic merge patches.
    public var listRules: ListMergeRules
    /// Whether `application/strategic-merge-patch+json` is served (built-in kinds only, as upstream).
    public var supportsStrategicMerge: Bool

    /// A resource described by `type`.
    public init(type: ResourceType, hasStatusSubresource: Bool = false, typedKind: (any KubeObject.Type)? = nil) {
        self.type = type
        self.hasStatusSubresource = hasStatusSubresource
        self.typedKind = typedKind
        let builtIn = ListMergeRules.builtIn(group: type.group, kind: type.kind)
        listRules = builtIn ?? .customResource
        supportsStrategicMerge = builtIn != nil
    }

    /// Field ownership for this resource's objects.
    public var fieldManager: FieldManager {
        FieldManager(rules: listRules, apiVersion: type.apiVersion, hasStatusSubresource: hasStatusSubresource)
    }

    /// The store's key for this resource's collection.
    public var key: ResourceKey { ResourceKey(group: type.group, resource: type.plural) }

    /// `tenants.platform.contain.dev`, or `namespaces` for the core group.
    public var qualifiedName: String { type.group.isEmpty ? type.plural : "\(type.plural).\(type.group)" }

    /// `Tenant.platform.contain.dev`, or `Namespace` for the core group, as Invalid messages name kinds.
    public var qualifiedKind: String { type.group.isEmpty ? type.kind : "\(type.kind).\(type.group)" }

    /// The verbs discovery advertises.
    public static let verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
}
