import ContainModel
import ContainTenancy
import Foundation

/// The example platform and helpers shared by the tests.
enum Fixtures {
    /// The package root, found from this file's path (tests read files via `#filePath`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The golden-file directory next to this file.
    static let goldenDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Golden")

    struct Example: Sendable {
        var clusters: [Cluster]
        var tenants: [Tenant]
    }

    /// `examples/platform.yaml`, typed.
    static let example: Example = {
        let url = packageRoot.appendingPathComponent("examples/platform.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let set = ManifestLoader().load(text, file: url.path)
        return Example(
            clusters: set.manifests.compactMap { $0.object.typed(as: Cluster.self) },
            tenants: set.manifests.compactMap { $0.object.typed(as: Tenant.self) })
    }()

    static func cluster(_ name: String) -> Cluster? { example.clusters.first { $0.name == name } }
    static func tenant(_ name: String) -> Tenant? { example.tenants.first { $0.name == name } }

    /// The tenants of the example placed on `cluster`.
    static func tenants(on cluster: Cluster) -> [Tenant] {
        example.tenants.filter { $0.spec.clusters.contains(cluster.name) }
    }

    /// The example's desired state for a tenant on a cluster.
    static func state(_ tenant: Tenant, _ cluster: Cluster, defaults: PlatformDefaults = .standard) -> DesiredState {
        TenancyPlanner.desiredState(tenant: tenant, cluster: cluster, tenantsOnCluster: tenants(on: cluster), defaults: defaults)
    }

    /// Every (tenant, cluster) pair of the example where the tenant is placed on the cluster.
    static var placements: [(Tenant, Cluster)] {
        example.tenants.flatMap { tenant in
            example.clusters.filter { tenant.spec.clusters.contains($0.name) }.map { (tenant, $0) }
        }
    }

    static func makeTenant(_ name: String, clusters: [String], namespaces: [String], quota: TenantQuota? = nil,
                       isolation: TenantIsolation? = nil, network: TenantNetwork? = nil) -> Tenant {
        Tenant(metadata: ObjectMeta(name: name), spec: TenantSpec(
            owners: [TenantSubject(kind: .group, name: "\(name)-admins")], clusters: clusters,
            namespaces: namespaces.map { TenantNamespace(name: $0) }, quota: quota, isolation: isolation, network: network))
    }

    static func makeCluster(_ name: String, podCIDR: String? = "10.244.0.0/16", serviceCIDR: String? = "10.96.0.0/12") -> Cluster {
        Cluster(metadata: ObjectMeta(name: name), spec: ClusterSpec(
            environment: .dev, tier: .devTest, provider: .local, kubernetesVersion: "1.34", zones: ["a"],
            controlPlane: ControlPlane(count: 1, vcpu: 4, memory: "8Gi"),
            nodePools: [NodePool(name: "workers", count: 3, vcpu: 8, memory: "32Gi")],
            network: ClusterNetwork(podCIDR: podCIDR, serviceCIDR: serviceCIDR)))
    }
}

extension DesiredState {
    var networkPolicies: [NetworkPolicy] {
        objects.compactMap { if case .networkPolicy(let policy) = $0 { policy } else { nil } }
    }
    var quotas: [ResourceQuota] {
        objects.compactMap { if case .resourceQuota(let quota) = $0 { quota } else { nil } }
    }
    var runtimeClasses: [RuntimeClass] {
        objects.compactMap { if case .runtimeClass(let runtimeClass) = $0 { runtimeClass } else { nil } }
    }
    var namespaces: [Namespace] {
        objects.compactMap { if case .namespace(let namespace) = $0 { namespace } else { nil } }
    }
    var roleBindings: [RoleBinding] {
        objects.compactMap { if case .roleBinding(let binding) = $0 { binding } else { nil } }
    }
    var limitRanges: [LimitRange] {
        objects.compactMap { if case .limitRange(let range) = $0 { range } else { nil } }
    }
}
