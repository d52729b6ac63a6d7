import ContainModel

/// A generated platform for the render benchmark: production clusters on Talos with storage and
/// GPU pools, each with its own tenants across every isolation tier but `dedicatedCluster`.
public enum SyntheticGitOpsPlatform {
    public static func make(clusters clusterCount: Int, tenantsPerCluster: Int) -> GitOpsInput {
        let platform = Platform(metadata: ObjectMeta(name: "platform"), spec: PlatformSpec(
            domain: "example.com",
            managementPlane: ManagementPlane(
                registry: "registry.example.com", git: "https://git.example.com/platform",
                secretStore: "https://openbao.example.com",
                backup: BackupStorage(endpoint: "https://s3.example.com", bucket: "platform-backups", region: "eu-central"))))
        var clusters: [Cluster] = []
        var tenants: [Tenant] = []
        for c in 0..<clusterCount {
            let name = "cluster-\(c)"
            clusters.append(Cluster(metadata: ObjectMeta(name: name), spec: ClusterSpec(
                environment: .prod, tier: .production, provider: .talos, region: "eu-central", kubernetesVersion: "1.34",
                zones: ["zone-a", "zone-b", "zone-c"],
                controlPlane: ControlPlane(count: 3, vcpu: 8, memory: Quantity(12 * 1024 * 1024 * 1024, format: .binarySI)),
                nodePools: [
                    NodePool(name: "workers", count: 12, vcpu: 16, memory: Quantity(64 * 1024 * 1024 * 1024, format: .binarySI)),
                    NodePool(name: "storage", role: .storage, count: 3, vcpu: 16, memory: Quantity(64 * 1024 * 1024 * 1024, format: .binarySI),
                             taints: [Taint(key: "node-role.contain.dev/storage", effect: .noSchedule)]),
                ],
                storage: ClusterStorage(replicas: 3, failureDomain: .zone, nodePool: "storage"),
                network: ClusterNetwork(ingressDomain: "\(name).example.com", securedIngressAllowlist: ["203.0.113.0/24"]))))
            for t in 0..<tenantsPerCluster {
                let tenant = "t\(c)-\(t)"
                let tier: IsolationTier = t % 20 == 19 ? .virtualCluster : .namespace
                let runtime: SandboxRuntime = [.runc, .gvisor, .kata][t % 3]
                tenants.append(Tenant(metadata: ObjectMeta(name: tenant), spec: TenantSpec(
                    owners: [TenantSubject(kind: .group, name: "\(tenant)-admins")],
                    members: [TenantSubject(kind: .group, name: "\(tenant)-developers")],
                    clusters: [name],
                    namespaces: [TenantNamespace(name: tenant), TenantNamespace(name: "\(tenant)-jobs")],
                    quota: TenantQuota(cpu: Quantity(8), memory: Quantity(16 * 1024 * 1024 * 1024, format: .binarySI), pods: 100),
                    isolation: TenantIsolation(tier: tier, runtime: runtime, podSecurity: .restricted))))
            }
        }
        return GitOpsInput(platform: platform, clusters: clusters, tenants: tenants)
    }
}
