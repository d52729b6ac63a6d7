/// The tenant rules that need the rest of the platform: the clusters a tenant is placed on, and
/// the other tenants that share them.
struct TenantPlacementValidator {
    private let clusters: [String: Cluster]
    private let tenants: [(index: Int, tenant: Tenant)]

    init(context: PlatformValidator.Context) {
        var clusters: [String: Cluster] = [:]
        for index in context.indices(of: Cluster.self) {
            if let cluster = context.manifests[index].object.typed(as: Cluster.self), clusters[cluster.name] == nil {
                clusters[cluster.name] = cluster
            }
        }
        self.clusters = clusters
        tenants = context.indices(of: Tenant.self).compactMap { index in
            context.manifests[index].object.typed(as: Tenant.self).map { (index, $0) }
        }
    }

    func validate(into context: inout PlatformValidator.Context) {
        let tenantNames = Set(tenants.map(\.tenant.name))
        var namespaceOwners: [String: String] = [:]  // "cluster/namespace" -> tenant
        var hostnameOwners: [String: String] = [:]
        var dedicatedPools: [String: String] = [:]  // "cluster/pool" -> tenant
        var clusterTenants: [String: [String]] = [:]
        for (_, tenant) in tenants {
            for cluster in Set(tenant.spec.clusters) { clusterTenants[cluster, default: []].append(tenant.name) }
        }
        for (index, tenant) in tenants {
            let spec = tenant.spec
            let path = FieldPath("spec")
            for (clusterIndex, clusterName) in spec.clusters.enumerated() {
                let clusterPath = path.child("clusters").index(clusterIndex)
                guard let cluster = clusters[clusterName] else {
                    context.report(index, .notFound(clusterPath, .string(clusterName), "no Cluster of this name in the platform"))
                    continue
                }
                if spec.isolation?.effectiveTier == .dedicatedCluster,
                    let other = clusterTenants[clusterName]?.first(where: { $0 != tenant.name })
                {
                    context.report(index, .invalid(clusterPath, .string(clusterName),
                                                   "a dedicatedCluster tenant cannot share the cluster with tenant \"\(other)\""))
                }
                validateGPU(tenant, on: cluster, index: index, context: &context)
                validateDedicatedNodes(tenant, on: cluster, index: index, owners: &dedicatedPools, context: &context)
                validateStorageClasses(tenant, on: cluster, index: index, context: &context)
            }
            for (namespaceIndex, namespace) in spec.namespaces.enumerated() {
                for clusterName in namespace.clusters ?? spec.clusters where clusters[clusterName] != nil {
                    let key = "\(clusterName)/\(namespace.name)"
                    if let owner = namespaceOwners[key], owner != tenant.name {
                        context.report(index, .duplicate(path.child("namespaces").index(namespaceIndex).child("name"),
                                                         .string(namespace.name),
                                                         "tenant \"\(owner)\" already has this namespace on cluster \"\(clusterName)\""))
                    } else {
                        namespaceOwners[key] = tenant.name
                    }
                }
            }
            for (sourceIndex, source) in (spec.network?.allowFrom ?? []).enumerated()
            where source != tenant.name && !tenantNames.contains(source) {
                context.report(index, .notFound(path.child("network").child("allowFrom").index(sourceIndex), .string(source),
                                                "no Tenant of this name in the platform"))
            }
            for (hostIndex, hostname) in (spec.network?.ingress?.hostnames ?? []).enumerated() {
                if let owner = hostnameOwners[hostname], owner != tenant.name {
                    context.report(index, .duplicate(path.child("network").child("ingress").child("hostnames").index(hostIndex),
                                                     .string(hostname), "already claimed by tenant \"\(owner)\""))
                } else {
                    hostnameOwners[hostname] = tenant.name
                }
            }
        }
    }

    private func validateGPU(_ tenant: Tenant, on cluster: Cluster, index: Int, context: inout PlatformValidator.Context) {
        let gpuPools = cluster.spec.nodePools.filter { $0.gpu != nil && $0.count > 0 }
        let offered = Set(gpuPools.flatMap { $0.gpu?.mig?.profiles ?? [] })
        for (profileIndex, profile) in (tenant.spec.gpu?.profiles ?? []).enumerated() where !offered.contains(profile) {
            context.report(index, .invalid(FieldPath("spec", "gpu", "profiles").index(profileIndex), .string(profile),
                                           "cluster \"\(cluster.name)\" has no GPU node pool offering this MIG profile"))
        }
        if let gpus = tenant.spec.quota?.gpus, gpus > 0, !gpuPools.contains(where: { $0.gpu?.mig == nil }) {
            context.report(index, .invalid(FieldPath("spec", "quota", "gpus"), .integer(Int64(gpus)),
                                           "cluster \"\(cluster.name)\" has no node pool with whole (non-MIG) GPUs"))
        }
    }

    private func validateDedicatedNodes(_ tenant: Tenant, on cluster: Cluster, index: Int, owners: inout [String: String],
                                        context: inout PlatformValidator.Context) {
        guard tenant.spec.isolation?.effectiveTier == .dedicatedNodes, let poolName = tenant.spec.isolation?.nodePool else { return }
        let path = FieldPath("spec", "isolation", "nodePool")
        guard let pool = cluster.spec.nodePools.first(where: { $0.name == poolName }) else {
            context.report(index, .notFound(path, .string(poolName), "cluster \"\(cluster.name)\" has no node pool of this name"))
            return
        }
        let key = "\(cluster.name)/\(poolName)"
        if let owner = owners[key], owner != tenant.name {
            context.report(index, .duplicate(path, .string(poolName),
                                             "node pool \"\(poolName)\" on cluster \"\(cluster.name)\" is already dedicated to tenant \"\(owner)\""))
        } else {
            owners[key] = tenant.name
        }
        let repels = (pool.taints ?? []).contains { $0.effect == .noSchedule || $0.effect == .noExecute }
        if !repels {
            context.report(index, .invalid(path, .string(poolName),
                                           "node pool \"\(poolName)\" on cluster \"\(cluster.name)\" has no NoSchedule or NoExecute taint, so other tenants' pods could run on it"))
        }
    }

    private func validateStorageClasses(_ tenant: Tenant, on cluster: Cluster, index: Int,
                                        context: inout PlatformValidator.Context) {
        guard let offered = cluster.spec.storage?.classes else { return }
        for (classIndex, storageClass) in (tenant.spec.storageClasses ?? []).enumerated() where !offered.contains(storageClass) {
            context.report(index, .notFound(FieldPath("spec", "storageClasses").index(classIndex), .string(storageClass),
                                            "cluster \"\(cluster.name)\" offers no storage class of this name"))
        }
    }
}
