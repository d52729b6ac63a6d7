import ContainTenancy

/// How the tenant operator plans and applies.
public struct TenantOperatorConfiguration: Sendable {
    /// The Cluster (by name) the connected API server is. `nil`: each tenant is provisioned as it
    /// would be on the first cluster its `spec.clusters` names (a local preview of a whole platform).
    public var cluster: String?
    /// Platform facts (DNS, ingress controllers, private ranges).
    public var defaults: PlatformDefaults
    /// The server-side apply field manager.
    public var fieldManager: String
    /// Concurrent reconciles.
    public var workers: Int
    /// Take a Lease before acting (for several replicas against one API).
    public var leaderElection: Bool
    /// The Lease's namespace.
    public var leaseNamespace: String

    public init(cluster: String? = nil, defaults: PlatformDefaults = .standard, fieldManager: String = "contain",
                workers: Int = 4, leaderElection: Bool = true, leaseNamespace: String = "kube-system") {
        self.cluster = cluster
        self.defaults = defaults
        self.fieldManager = fieldManager
        self.workers = workers
        self.leaderElection = leaderElection
        self.leaseNamespace = leaseNamespace
    }
}
