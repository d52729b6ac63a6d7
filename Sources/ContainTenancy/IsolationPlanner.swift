import ContainModel

/// What a tenant's isolation tier and runtime add to its namespaces and cluster.
struct IsolationPlan: Sendable {
    /// Cluster-scoped objects (the sandbox RuntimeClass), shared by every tenant using it.
    var clusterScoped: [DesiredObject] = []
    /// Annotations on each of the tenant's namespaces.
    var namespaceAnnotations: [String: String] = [:]
}

/// Plans isolation tiers and sandbox runtimes:
///
/// - a sandboxed runtime (gVisor, Kata, Kata+Firecracker) gets its RuntimeClass, named after
///   the runtime (`gvisor`, `kata`, `kata-firecracker`) with the CRI handler of
///   `SandboxRuntime.handler`, labelled platform-managed rather than owned by the tenant, and
///   the namespace annotation `platform.contain.dev/runtime-class: <name>` for admission;
/// - `dedicatedNodes` gets the node pool's labels as the PodNodeSelector annotation
///   (`scheduler.alpha.kubernetes.io/node-selector`) and tolerations for its taints as
///   `platform.contain.dev/tolerations` and `scheduler.alpha.kubernetes.io/defaultTolerations`;
/// - `virtualCluster` marks each namespace as the host of the tenant's virtual control plane.
public enum IsolationPlanner {
    /// The RuntimeClass a sandboxed runtime needs; `nil` for `runc`.
    public static func runtimeClass(for runtime: SandboxRuntime) -> RuntimeClass? {
        guard let handler = runtime.handler else { return nil }
        return RuntimeClass(
            metadata: ObjectMeta(name: runtime.rawValue, labels: TenancyLabels.shared), handler: handler)
    }

    /// The tolerations that let pods onto nodes with `taints`, in the taints' order, deduplicated.
    public static func tolerations(for taints: [Taint]) -> [Toleration] {
        var seen = Set<Toleration>()
        return taints.compactMap { taint in
            let toleration = taint.value.map {
                Toleration(key: taint.key, operator: .equal, value: $0, effect: taint.effect)
            } ?? Toleration(key: taint.key, operator: .exists, effect: taint.effect)
            return seen.insert(toleration).inserted ? toleration : nil
        }
    }

    /// `k=v,k2=v2` in key order, as the PodNodeSelector admission plugin reads it.
    public static func nodeSelectorText(_ labels: [String: String]) -> String {
        labels.keys.sorted(by: byteOrder).map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    }

    static func plan(_ placement: TenantPlacement, warnings: inout [String]) -> IsolationPlan {
        var plan = IsolationPlan()
        if let runtimeClass = runtimeClass(for: placement.runtime) {
            plan.clusterScoped.append(.runtimeClass(runtimeClass))
            plan.namespaceAnnotations[TenancyLabels.runtimeClassAnnotation] = runtimeClass.name
        }
        switch placement.tier {
        case .dedicatedNodes:
            dedicatedNodes(placement, into: &plan, warnings: &warnings)
        case .virtualCluster:
            plan.namespaceAnnotations[TenancyLabels.virtualClusterAnnotation] = placement.tenantName
        case .namespace, .dedicatedCluster:
            break
        }
        return plan
    }

    private static func dedicatedNodes(_ placement: TenantPlacement, into plan: inout IsolationPlan,
                                       warnings: inout [String]) {
        let tenant = placement.tenantName
        let cluster = placement.clusterName
        guard let poolName = placement.isolation.nodePool else {
            warnings.append("tenant \(tenant): dedicatedNodes without isolation.nodePool; no node selector on cluster \(cluster)")
            return
        }
        guard let pool = placement.cluster.spec.nodePools.first(where: { $0.name == poolName }) else {
            warnings.append("tenant \(tenant): node pool \(poolName) not found on cluster \(cluster); no node selector")
            return
        }
        let labels = pool.labels ?? [:]
        if labels.isEmpty {
            warnings.append("tenant \(tenant): node pool \(poolName) on cluster \(cluster) has no labels to select it by")
        } else {
            plan.namespaceAnnotations[TenancyLabels.nodeSelectorAnnotation] = nodeSelectorText(labels)
        }
        let tolerations = tolerations(for: pool.taints ?? [])
        if !tolerations.isEmpty {
            let text: String
            do {
                text = JSONWriter.compact(try ValueEncoder().encode(tolerations))
            } catch {
                warnings.append("tenant \(tenant): cannot encode tolerations: \(error)")
                return
            }
            plan.namespaceAnnotations[TenancyLabels.tolerationsAnnotation] = text
            plan.namespaceAnnotations[TenancyLabels.defaultTolerationsAnnotation] = text
        }
    }
}
