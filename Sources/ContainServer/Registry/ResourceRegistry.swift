import ContainModel
import ContainStore


/// Every resource the API serves, looked up by group, version and plural (or kind).
public struct ResourceRegistry: Sendable {
    /// Resources in registration order.
    public private(set) var resources: [APIResource] = []

    /// An empty registry.
    public init() {}

    /// Adds a resource; a later registration of the same group/version/plural replaces it.
    public mutating func register(_ resource: APIResource) {
        resources.removeAll {
            $0.type.group == resource.type.group && $0.type.version == resource.type.version
                && $0.type.plural == resource.type.plural
        }
        resources.append(resource)
    }

    /// Adds a typed kind; Contain's own kinds with a `status` get the status subresource.
    public mutating func register(_ kind: any KubeObject.Type, statusSubresource: Bool = false) {
        register(APIResource(type: kind.resourceType, hasStatusSubresource: statusSubresource, typedKind: kind))
    }

    /// The registry every `contain serve` uses: `KindRegistry.standard`, plus `leases` in
    /// `coordination.k8s.io/v1` for leader election, stored unstructured.
    public static let standard: ResourceRegistry = {
        var registry = ResourceRegistry()
        for kind in KindRegistry.standard.allTypes {
            let withStatus = ObjectIdentifier(kind) == ObjectIdentifier(Cluster.self) || ObjectIdentifier(kind) == ObjectIdentifier(Tenant.self)
            registry.register(kind, statusSubresource: withStatus)
        }
        registry.register(APIResource(type: ResourceType(
            group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true)))
        return registry
    }()

    /// The resource served at `group/version/plural`.
    public func resource(group: String, version: String, plural: String) -> APIResource? {
        resources.first { $0.type.group == group && $0.type.version == version && $0.type.plural == plural }
    }

    /// The resource of a kind in an `apiVersion`.
    public func resource(apiVersion: String, kind: String) -> APIResource? {
        resources.first { $0.type.apiVersion == apiVersion && $0.type.kind == kind }
    }

    /// The resource stored under `key`.
    public func resource(for key: ResourceKey) -> APIResource? {
        resources.first { $0.type.group == key.group && $0.type.plural == key.resource }
    }

    /// API groups in first-registration order, the core group ("") included.
    public var groups: [String] {
        var seen: [String] = []
        for resource in resources where !seen.contains(resource.type.group) { seen.append(resource.type.group) }
        return seen
    }

    /// Versions of a group, in first-registration order.
    public func versions(of group: String) -> [String] {
        var seen: [String] = []
        for resource in resources where resource.type.group == group && !seen.contains(resource.type.version) {
            seen.append(resource.type.version)
        }
        return seen
    }

    /// The resources of one group version, sorted by plural.
    public func resources(group: String, version: String) -> [APIResource] {
        resources.filter { $0.type.group == group && $0.type.version == version }.sorted { $0.type.plural < $1.type.plural }
    }
}
