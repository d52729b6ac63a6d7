import ContainModel

/// The facts about one tenant on one cluster that every planner works from, resolved once:
/// defaults applied, namespaces filtered to the cluster and sorted by name.
struct TenantPlacement: Sendable {
    var tenant: Tenant
    var cluster: Cluster
    /// Other tenants actually placed on the cluster (their `spec.clusters` names it), by name.
    var neighbours: [Tenant]
    var defaults: PlatformDefaults
    /// The tenant's namespaces on this cluster, sorted by name, duplicates removed.
    var namespaces: [TenantNamespace]

    var tenantName: String { tenant.name }
    var clusterName: String { cluster.name }
    var isolation: TenantIsolation { tenant.spec.isolation ?? TenantIsolation() }
    var tier: IsolationTier { isolation.effectiveTier }
    var runtime: SandboxRuntime { isolation.effectiveRuntime }

    init(tenant: Tenant, cluster: Cluster, tenantsOnCluster: [Tenant], defaults: PlatformDefaults) {
        self.tenant = tenant
        self.cluster = cluster
        self.defaults = defaults
        let clusterName = cluster.name
        var seenTenants = Set<String>()
        self.neighbours = tenantsOnCluster
            .filter { $0.name != tenant.name && $0.spec.clusters.contains(clusterName) }
            .sorted { byteOrder($0.name, $1.name) }
            .filter { seenTenants.insert($0.name).inserted }
        var seenNamespaces = Set<String>()
        self.namespaces = tenant.spec.namespaces
            .filter { ($0.clusters ?? tenant.spec.clusters).contains(clusterName) }
            .sorted { byteOrder($0.name, $1.name) }
            .filter { seenNamespaces.insert($0.name).inserted }
    }

    /// Whether the tenant is placed on the cluster at all.
    var isPlaced: Bool { tenant.spec.clusters.contains(clusterName) }
}
