/// The numbers the platform brief sets for clusters. They are configuration: a platform team
/// with other standards passes its own values instead of editing code.
public struct PlatformRules: Sendable, Hashable {
    /// Zones a production cluster spans.
    public var productionZones = 3
    /// Control-plane nodes of a production cluster.
    public var productionControlPlaneNodes = 3
    /// Minimum vCPUs of a production control-plane node.
    public var productionControlPlaneVCPU = 8
    /// Minimum memory of a production control-plane node.
    public var productionControlPlaneMemory = Quantity(12 * 1024 * 1024 * 1024, format: .binarySI)
    /// Zones of a dev/test cluster.
    public var devTestZones = 1
    /// Control-plane nodes of a dev/test cluster.
    public var devTestControlPlaneNodes = 1
    /// Minimum worker nodes of any cluster.
    public var minimumWorkers = 3
    /// Maximum worker nodes of any cluster.
    public var maximumWorkers = 100
    /// Minimum vCPUs of a production worker node.
    public var minimumWorkerVCPU = 12
    /// Minimum memory of a production worker node.
    public var minimumWorkerMemory = Quantity(24 * 1024 * 1024 * 1024, format: .binarySI)
    /// Maximum pods per node.
    public var maximumPodsPerNode = 110
    /// Storage replicas in production (one per zone).
    public var productionStorageReplicas = 3
    /// The supported Kubernetes versions.
    public var kubernetes = KubernetesSupportWindow.builtIn

    /// The brief's numbers.
    public init() {}
}
