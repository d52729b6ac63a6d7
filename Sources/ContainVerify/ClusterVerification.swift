/// What `contain verify` checked on one workload cluster.
public struct ClusterVerification: Sendable, Hashable, Codable {
    /// The cluster's name.
    public var name: String
    /// The tenants with namespaces on it, sorted.
    public var tenants: [String]
    /// Tenant namespaces on it.
    public var namespaces: Int
    /// Pods placed: probes, DNS, ingress controllers, and pods or workloads from the input.
    public var pods: Int
    /// NetworkPolicies in force: planned by Contain, plus those from the input.
    public var policies: Int
    /// Port classes checked (each stands for every port the policies treat alike).
    public var portClasses: Int
    /// Ordered pairs of pods in different tenants checked, per port class.
    public var tenantPairsChecked: Int
    /// Connections to DNS checked (one per tenant namespace and protocol).
    public var dnsChecks: Int
    /// Connections from ingress controllers checked (one per exposed namespace and class).
    public var ingressChecks: Int
    /// Whether the cluster has no findings.
    public var passed: Bool
}
