import ContainModel

/// The objects `contain verify` reads: the platform (Clusters and Tenants) and, optionally,
/// NetworkPolicies and pods or workloads that will sit in tenant namespaces beside what
/// Contain plans. A NetworkPolicy with the namespace and name of a planned one replaces it (as
/// applying it would); others are added. Other kinds are ignored.
public struct VerificationInput: Sendable {
    public var clusters: [Cluster]
    public var tenants: [Tenant]
    /// NetworkPolicies from the input, applied on every cluster where their namespace exists.
    public var policies: [NetworkPolicy]
    /// Pods and workloads from the input, placed (as one representative pod each) on every
    /// cluster where their namespace exists.
    public var workloads: [any PodTemplateCarrier]

    /// Creates an input.
    public init(clusters: [Cluster], tenants: [Tenant], policies: [NetworkPolicy] = [], workloads: [any PodTemplateCarrier] = []) {
        self.clusters = clusters
        self.tenants = tenants
        self.policies = policies
        self.workloads = workloads
    }

    /// Sorts loaded manifests into an input.
    public init(manifests: [LoadedManifest]) {
        self.init(clusters: [], tenants: [])
        for manifest in manifests {
            guard case .typed(let object) = manifest.object else { continue }
            if let cluster = object as? Cluster {
                clusters.append(cluster)
            } else if let tenant = object as? Tenant {
                tenants.append(tenant)
            } else if var policy = object as? NetworkPolicy {
                if (policy.metadata.namespace ?? "").isEmpty { policy.metadata.namespace = "default" }
                policies.append(policy)
            } else if let carrier = object as? any PodTemplateCarrier {
                workloads.append(carrier)
            }
        }
    }
}
