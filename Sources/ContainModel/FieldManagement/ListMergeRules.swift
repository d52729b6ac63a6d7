/// How a list field merges, as the Kubernetes schemas declare it (`x-kubernetes-list-type`,
/// `x-kubernetes-list-map-keys`, and the strategic-merge `patchMergeKey`/`patchStrategy`).
public enum ListMergeRule: Sendable, Hashable {
    /// Replaced whole (the default for lists without a declaration, and for every custom resource list).
    case atomic
    /// A set of scalars: server-side apply owns each value; strategic merge takes the union.
    case set
    /// A list of objects keyed by `keys` (server-side apply); `patchKey` is the strategic merge key.
    case map(keys: [String], patchKey: String)
}

/// The list merge rules of one kind, by field path with list indices left out
/// (`spec.template.spec.containers.ports`).
public struct ListMergeRules: Sendable {
    /// Rules by dotted path.
    public let rules: [String: ListMergeRule]

    public init(rules: [String: ListMergeRule]) { self.rules = rules }

    /// The rule of the list at `path` (field names only); `.atomic` when none is declared.
    public func rule(at path: [String]) -> ListMergeRule {
        rules[path.joined(separator: ".")] ?? .atomic
    }

    /// Rules every object shares: `metadata.ownerReferences` keyed by uid, finalizers as a set.
    static let metadataRules: [String: ListMergeRule] = [
        "metadata.ownerReferences": .map(keys: ["uid"], patchKey: "uid"),
        "metadata.finalizers": .set,
    ]

    /// The rules of the built-in kind `kind` in `group`, read from its schema's list
    /// declarations; `nil` for kinds that are not built in (custom resources), which have no
    /// strategic merge and atomic lists.
    public static func builtIn(group: String, kind: String) -> ListMergeRules? {
        builtInRules["\(group)/\(kind)"]
    }

    /// Rules of every built-in kind the registry knows, by `group/kind`.
    static let builtInRules: [String: ListMergeRules] = {
        let catalog = OpenAPISchemaCatalog.standard
        var result: [String: ListMergeRules] = [:]
        for kind in KindRegistry.coreKinds {
            guard let schema = catalog.schema(for: kind) else { continue }
            let type = kind.resourceType
            result["\(type.group)/\(type.kind)"] = ListMergeRules(rules: BuiltInListRules.rules(from: schema, in: catalog.schemas))
        }
        return result
    }()

    /// The rules of a custom resource: only the shared metadata lists merge.
    public static let customResource = ListMergeRules(rules: metadataRules)

    /// The rules for a kind: built-in when known, custom-resource rules otherwise.
    public static func of(group: String, kind: String) -> ListMergeRules {
        builtIn(group: group, kind: kind) ?? customResource
    }
}
