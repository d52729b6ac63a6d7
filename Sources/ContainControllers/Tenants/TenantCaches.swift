import ContainModel
import ContainTenancy
import KubeClient

/// The informers the tenant controller reads: Tenants, Clusters, and every kind it owns
/// (namespaces unfiltered, so it can tell a foreign namespace from a missing one; the rest only
/// with `app.kubernetes.io/managed-by=contain`), each indexed by owning tenant.
public struct TenantCaches: Sendable {
    /// Tenant names by the tenants their `spec.network.allowFrom` names.
    public static let allowFromIndex = "allowFrom"
    /// Tenant names by cluster.
    public static let clusterIndex = "cluster"
    /// Owned objects by the `platform.contain.dev/tenant` label.
    public static let tenantIndex = "tenant"

    /// The kinds ``TenancyPlanner`` produces.
    public static let ownedResources: [KubeResource] = [
        .namespaces,
        KubeResource(group: "", version: "v1", plural: "serviceaccounts", kind: "ServiceAccount", namespaced: true),
        KubeResource(group: "", version: "v1", plural: "resourcequotas", kind: "ResourceQuota", namespaced: true),
        KubeResource(group: "", version: "v1", plural: "limitranges", kind: "LimitRange", namespaced: true),
        KubeResource(group: "rbac.authorization.k8s.io", version: "v1", plural: "rolebindings", kind: "RoleBinding", namespaced: true),
        KubeResource(group: "networking.k8s.io", version: "v1", plural: "networkpolicies", kind: "NetworkPolicy", namespaced: true),
        KubeResource(group: "node.k8s.io", version: "v1", plural: "runtimeclasses", kind: "RuntimeClass", namespaced: false),
    ]

    public let tenants: Informer
    public let clusters: Informer
    public let owned: [KubeResource: Informer]

    public init(client: KubeClient) async {
        tenants = Informer(client: client, resource: .of(Tenant.self))
        clusters = Informer(client: client, resource: .of(Cluster.self))
        var owned: [KubeResource: Informer] = [:]
        for resource in Self.ownedResources {
            owned[resource] = Informer(client: client, resource: resource,
                                       labelSelector: resource == .namespaces ? nil : "\(TenancyLabels.managedBy)=\(TenancyLabels.managedByValue)")
        }
        self.owned = owned
        await tenants.addIndex(Self.allowFromIndex) { object in
            (object["spec"]?["network"]?["allowFrom"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        await tenants.addIndex(Self.clusterIndex) { object in
            (object["spec"]?["clusters"]?.arrayValue ?? []).compactMap(\.stringValue)
        }
        for informer in owned.values {
            await informer.addIndex(Self.tenantIndex) { object in
                guard object["metadata"]?["labels"]?[TenancyLabels.managedBy]?.stringValue == TenancyLabels.managedByValue,
                      let tenant = object["metadata"]?["labels"]?[TenancyLabels.tenant]?.stringValue else { return [] }
                return [tenant]
            }
        }
    }

    /// Every informer.
    public var all: [Informer] { [tenants, clusters] + Self.ownedResources.compactMap { owned[$0] } }

    /// Waits until every informer has loaded its first list.
    public func waitForSync() async {
        for informer in all { await informer.waitForSync() }
    }
}
