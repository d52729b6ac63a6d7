import ContainModel

/// Everything that must exist on one workload cluster for one tenant, in a stable order:
/// cluster-scoped shared objects first (RuntimeClass), then for each namespace in name order its
/// Namespace, ServiceAccount, RoleBindings, ResourceQuota, LimitRange and NetworkPolicies.
///
/// The same input always gives an equal value and byte-identical ``yaml()``.
public struct DesiredState: Sendable, Hashable {
    /// The objects, in apply order.
    public var objects: [DesiredObject]
    /// Problems that made the planner leave something out or fall back to a safer choice
    /// (for example a `dedicatedNodes` pool missing from the cluster). Sorted, not part of ``yaml()``.
    public var warnings: [String]

    /// Creates a desired state.
    public init(objects: [DesiredObject] = [], warnings: [String] = []) {
        self.objects = objects
        self.warnings = warnings
    }

    /// The empty desired state: nothing of the tenant belongs on the cluster.
    public static let empty = DesiredState()

    /// Whether nothing is to be created.
    public var isEmpty: Bool { objects.isEmpty }

    /// The names of the namespaces planned, in order.
    public var namespaceNames: [String] {
        objects.compactMap { if case .namespace(let namespace) = $0 { namespace.name } else { nil } }
    }

    /// The objects as a multi-document YAML stream (`---` between documents), encoded with
    /// `ValueEncoder` and written with `YAMLWriter`: byte-identical for equal states. An empty
    /// state gives an empty string.
    public func yaml() -> String {
        let values = objects.map { object -> JSONValue in
            do {
                return try object.encoded()
            } catch {
                // The planned kinds are plain Codable structs; this is unreachable in practice,
                // but an encoding failure must never be silent.
                return .object(["error": .string("cannot encode \(object.reference): \(error)")])
            }
        }
        return YAMLWriter.documents(values)
    }
}
