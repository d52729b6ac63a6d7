import ContainModel

/// Plans each namespace's ResourceQuota and LimitRange from the tenant's quota.
///
/// `TenantQuota` is tenant-wide per cluster. It is split across the tenant's namespaces on the
/// cluster, in name order, with ``QuantitySplitter``: every namespace gets an equal share and
/// the first namespace also gets the remainder, so the per-namespace values always add up to
/// exactly the tenant's total (never more). A namespace count too large for the total leaves
/// later namespaces with zero.
///
/// Quota keys (`hard`):
/// - `requests.cpu`, `requests.memory`, `limits.cpu`, `limits.memory` (limits default to the
///   requests), `requests.storage`, `pods`, `services` — when set on the tenant;
/// - `services.loadbalancers`, `services.nodeports` — always, `0` unless the tenant allows some;
/// - `requests.nvidia.com/gpu` — always, `0` unless the tenant has GPUs;
/// - `requests.nvidia.com/mig-<profile>` — for every MIG profile the cluster offers, the tenant
///   may use or has a quota for: its share of `quota.migDevices`, else `0`;
/// - `<class>.storageclass.storage.k8s.io/requests.storage: 0` for every storage class of the
///   cluster the tenant may not use (when the tenant lists its classes).
///
/// The LimitRange gives containers without requests or limits the platform defaults, each
/// capped at the namespace's quota share so such a pod still fits, with the default request
/// never above the default limit.
public enum QuotaPlanner {
    /// The name of the ResourceQuota and LimitRange in every tenant namespace.
    public static let objectName = "tenant-quota"

    /// The tenant quota's `hard` list, split into `count` namespace shares.
    public static func hardLimits(quota: TenantQuota?, gpu: TenantGPU?, storageClasses: [String]?,
                                  cluster: Cluster, count: Int) -> [ResourceList] {
        guard count > 0 else { return [] }
        var shares = Array(repeating: ResourceList(), count: count)
        func put(_ key: String, _ total: Quantity?) {
            guard let total else { return }
            for (index, share) in QuantitySplitter.split(total, into: count).enumerated() { shares[index][key] = share }
        }
        func put(_ key: String, _ total: Int?) {
            guard let total else { return }
            for (index, share) in QuantitySplitter.split(total, into: count).enumerated() {
                shares[index][key] = Quantity(Int64(share))
            }
        }
        let quota = quota ?? TenantQuota()
        put("requests.cpu", quota.cpu)
        put("limits.cpu", quota.limitsCPU ?? quota.cpu)
        put("requests.memory", quota.memory)
        put("limits.memory", quota.limitsMemory ?? quota.memory)
        put("requests.storage", quota.storage)
        put("pods", quota.pods)
        put("services", quota.services)
        put("services.loadbalancers", quota.loadBalancers ?? 0)
        put("services.nodeports", quota.nodePorts ?? 0)
        put("requests.nvidia.com/gpu", quota.gpus ?? 0)

        var profiles = Set(quota.migDevices?.keys.map { $0 } ?? [])
        profiles.formUnion(gpu?.profiles ?? [])
        for pool in cluster.spec.nodePools { profiles.formUnion(pool.gpu?.mig?.profiles ?? []) }
        for profile in profiles {
            put("requests.nvidia.com/mig-\(profile)", quota.migDevices?[profile] ?? 0)
        }

        if let allowed = storageClasses {
            for storageClass in cluster.spec.storage?.classes ?? [] where !allowed.contains(storageClass) {
                put("\(storageClass).storageclass.storage.k8s.io/requests.storage", 0)
            }
        }
        return shares
    }

    /// One ResourceQuota per namespace of the placement, in namespace order.
    static func quotas(for placement: TenantPlacement) -> [ResourceQuota] {
        let spec = placement.tenant.spec
        let hard = hardLimits(quota: spec.quota, gpu: spec.gpu, storageClasses: spec.storageClasses,
                              cluster: placement.cluster, count: placement.namespaces.count)
        return zip(placement.namespaces, hard).map { namespace, hard in
            ResourceQuota(
                metadata: TenancyLabels.meta(name: objectName, namespace: namespace.name, tenant: placement.tenantName),
                spec: ResourceQuotaSpec(hard: hard))
        }
    }

    /// The container defaults for a namespace whose quota `hard` list is given.
    public static func containerDefaults(hard: ResourceList, defaults: PlatformDefaults) -> LimitRangeItem {
        var requests: ResourceList = [:]
        var limits: ResourceList = [:]
        for resource in ["cpu", "memory"] {
            var limit = defaults.defaultContainerLimits[resource]
            if let limit_ = limit, let cap = hard["limits.\(resource)"], cap < limit_ { limit = cap }
            var request = defaults.defaultContainerRequests[resource]
            if let request_ = request, let cap = hard["requests.\(resource)"], cap < request_ { request = cap }
            if let request_ = request, let limit, limit < request_ { request = limit }
            requests[resource] = request
            limits[resource] = limit
        }
        return LimitRangeItem(type: "Container", default: limits.isEmpty ? nil : limits,
                              defaultRequest: requests.isEmpty ? nil : requests)
    }

    /// One LimitRange per namespace, matching `quotas`.
    static func limitRanges(for placement: TenantPlacement, quotas: [ResourceQuota]) -> [LimitRange] {
        quotas.map { quota in
            LimitRange(
                metadata: TenancyLabels.meta(name: objectName, namespace: quota.namespace ?? "", tenant: placement.tenantName),
                spec: LimitRangeSpec(limits: [containerDefaults(hard: quota.spec?.hard ?? [:], defaults: placement.defaults)]))
        }
    }
}
