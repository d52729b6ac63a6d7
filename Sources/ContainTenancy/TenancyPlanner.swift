import ContainModel

/// Computes what must exist on a workload cluster for a tenant: the pure function behind the
/// operator (which applies it), the GitOps renderer (which writes it to files) and
/// `contain verify` (which checks it offline).
///
/// For each of the tenant's namespaces on the cluster it plans the Namespace (tenant, Pod
/// Security and isolation labels), the GitOps ServiceAccount, RoleBindings, a ResourceQuota with
/// the namespace's share of the tenant quota, a LimitRange, and NetworkPolicies (default deny,
/// DNS, same namespace, same tenant, ingress controllers, allowed tenants, internet egress); a
/// sandboxed tenant also gets its RuntimeClass. See ``QuotaPlanner`` for how quota is split.
///
/// `dedicatedCluster` tenants get nothing on a cluster another tenant is placed on; every tenant
/// gets nothing on a cluster it is not placed on.
public enum TenancyPlanner {
    /// The desired state of `tenant` on `cluster`.
    ///
    /// - Parameters:
    ///   - tenant: the tenant to plan.
    ///   - cluster: the workload cluster.
    ///   - tenantsOnCluster: every tenant on the cluster (the tenant itself may be included; only
    ///     tenants whose `spec.clusters` names the cluster count). Decides whether the cluster is
    ///     shared, and which tenants accept traffic from this one. Order does not matter.
    ///   - defaults: platform facts such as where DNS and ingress controllers run.
    public static func desiredState(
        tenant: Tenant, cluster: Cluster, tenantsOnCluster: [Tenant], defaults: PlatformDefaults = .standard
    ) -> DesiredState {
        let placement = TenantPlacement(
            tenant: tenant, cluster: cluster, tenantsOnCluster: tenantsOnCluster, defaults: defaults)
        guard placement.isPlaced, !placement.namespaces.isEmpty else { return .empty }
        if placement.tier == .dedicatedCluster, !placement.neighbours.isEmpty {
            return .empty
        }

        var warnings: [String] = []
        let isolation = IsolationPlanner.plan(placement, warnings: &warnings)
        for ingressClass in Set(tenant.spec.network?.ingress?.classes ?? [])
        where defaults.ingressControllers[ingressClass] == nil {
            warnings.append("tenant \(tenant.name): no ingress controller known for class \(ingressClass); no ingress allowed from it")
        }
        if let allowed = tenant.spec.quota?.namespaces, placement.namespaces.count > allowed {
            warnings.append("tenant \(tenant.name): \(placement.namespaces.count) namespaces on cluster \(cluster.name) exceed quota.namespaces \(allowed)")
        }
        let quotas = QuotaPlanner.quotas(for: placement)
        let limitRanges = QuotaPlanner.limitRanges(for: placement, quotas: quotas)

        var objects: [DesiredObject] = isolation.clusterScoped
        for (index, tenantNamespace) in placement.namespaces.enumerated() {
            let name = tenantNamespace.name
            objects.append(.namespace(NamespacePlanner.namespace(
                tenantNamespace, placement: placement, isolation: isolation)))
            objects += RBACPlanner.objects(namespace: name, placement: placement)
            objects.append(.resourceQuota(quotas[index]))
            objects.append(.limitRange(limitRanges[index]))
            objects += NetworkPolicyPlanner.policies(namespace: name, placement: placement).map(DesiredObject.networkPolicy)
        }
        return DesiredState(objects: objects, warnings: warnings.sorted(by: byteOrder))
    }
}
