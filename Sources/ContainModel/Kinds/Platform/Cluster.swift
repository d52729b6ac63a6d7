/// A workload cluster of the platform: where it runs, how big it is, and which base components
/// it carries. Cluster-scoped.
///
/// ```yaml
/// apiVersion: platform.contain.dev/v1alpha1
/// kind: Cluster
/// metadata: {name: prod}
/// spec:
///   environment: prod
///   tier: production
///   provider: talos
///   kubernetesVersion: "1.33"
///   zones: [zone-a, zone-b, zone-c]
///   controlPlane: {count: 3, vcpu: 8, memory: 12Gi}
///   nodePools:
///   - {name: workers, role: worker, count: 6, vcpu: 16, memory: 64Gi}
/// ```
public struct Cluster: KubeObject {
    public static let resourceType = ResourceType(
        group: PlatformGroup.name, version: PlatformGroup.version, kind: "Cluster", plural: "clusters",
        shortNames: ["cl"], namespaced: false, categories: ["contain"])

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ClusterSpec
    public var status: ClusterStatus?

    public init(metadata: ObjectMeta, spec: ClusterSpec, status: ClusterStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// The desired shape of a cluster.
public struct ClusterSpec: Codable, Sendable, Hashable {
    /// Which stage of delivery the cluster serves.
    public var environment: ClusterEnvironment
    /// The size class, which sets the availability rules the cluster must meet.
    public var tier: ClusterTier
    /// Where the nodes come from.
    public var provider: ClusterProvider
    /// The provider's region or site, when it has one.
    public var region: String?
    /// Kubernetes minor (`"1.33"`) or patch (`"1.33.4"`) version; must lie in the platform's
    /// supported window.
    public var kubernetesVersion: String
    /// Failure zones the cluster spans: 1 for `devTest`, 3 for `production`.
    public var zones: [String]
    public var controlPlane: ControlPlane
    /// Worker, storage and GPU node pools.
    public var nodePools: [NodePool]
    /// Replicated storage; required in production.
    public var storage: ClusterStorage?
    public var network: ClusterNetwork?
    /// Base components and add-ons to install, by catalogue name, with overrides.
    public var components: [ComponentSelection]?
    /// When disruptive maintenance (upgrades, node rotation) may happen.
    public var maintenanceWindow: MaintenanceWindow?

    public init(environment: ClusterEnvironment, tier: ClusterTier, provider: ClusterProvider, region: String? = nil,
                kubernetesVersion: String, zones: [String], controlPlane: ControlPlane, nodePools: [NodePool],
                storage: ClusterStorage? = nil, network: ClusterNetwork? = nil,
                components: [ComponentSelection]? = nil, maintenanceWindow: MaintenanceWindow? = nil) {
        self.environment = environment
        self.tier = tier
        self.provider = provider
        self.region = region
        self.kubernetesVersion = kubernetesVersion
        self.zones = zones
        self.controlPlane = controlPlane
        self.nodePools = nodePools
        self.storage = storage
        self.network = network
        self.components = components
        self.maintenanceWindow = maintenanceWindow
    }
}

/// The delivery stage a cluster serves.
public enum ClusterEnvironment: String, StringEnum {
    case dev
    case staging
    case prod
}

/// A cluster's size class.
public enum ClusterTier: String, StringEnum {
    /// One zone, one control-plane node, at least three workers.
    case devTest
    /// Three zones, three control-plane nodes, dedicated storage nodes.
    case production
}

/// Where a cluster's machines come from.
public enum ClusterProvider: String, StringEnum {
    /// Talos Linux on premises or bare metal.
    case talos
    /// Amazon EKS.
    case eks
    /// Azure AKS.
    case aks
    /// A local cluster for development (kind, k3d).
    case local
}

/// The control-plane nodes.
public struct ControlPlane: Codable, Sendable, Hashable {
    /// Number of control-plane nodes: 1 for `devTest`, 3 for `production`.
    public var count: Int
    /// vCPUs per node.
    public var vcpu: Int
    /// Memory per node.
    public var memory: Quantity

    public init(count: Int, vcpu: Int, memory: Quantity) {
        self.count = count
        self.vcpu = vcpu
        self.memory = memory
    }
}

/// What a node pool is for.
public enum NodePoolRole: String, StringEnum {
    /// General workloads.
    case worker
    /// Dedicated storage nodes (Rook-Ceph OSDs); tainted so workloads stay off.
    case storage
}

/// A group of identical nodes spread over zones.
public struct NodePool: Codable, Sendable, Hashable {
    /// Unique within the cluster; a DNS-1123 label.
    public var name: String
    /// What the pool is for; defaults to `worker`.
    public var role: NodePoolRole?
    /// Number of nodes across all of the pool's zones.
    public var count: Int
    /// vCPUs per node.
    public var vcpu: Int
    /// Memory per node.
    public var memory: Quantity
    /// Pods per node; at most 110. Defaults to 110.
    public var maxPods: Int?
    /// The zones the pool spans; defaults to all of the cluster's zones.
    public var zones: [String]?
    /// Accelerators on each node.
    public var gpu: GPUConfiguration?
    /// Labels given to each node.
    public var labels: [String: String]?
    /// Taints given to each node (dedicated and GPU pools keep other workloads off with these).
    public var taints: [Taint]?

    public init(name: String, role: NodePoolRole? = nil, count: Int, vcpu: Int, memory: Quantity,
                maxPods: Int? = nil, zones: [String]? = nil, gpu: GPUConfiguration? = nil,
                labels: [String: String]? = nil, taints: [Taint]? = nil) {
        self.name = name
        self.role = role
        self.count = count
        self.vcpu = vcpu
        self.memory = memory
        self.maxPods = maxPods
        self.zones = zones
        self.gpu = gpu
        self.labels = labels
        self.taints = taints
    }

    /// The role, with its default.
    public var effectiveRole: NodePoolRole { role ?? .worker }
}

/// GPUs on each node of a pool, and how they are partitioned.
public struct GPUConfiguration: Codable, Sendable, Hashable {
    /// The accelerator model (`nvidia-a100-80gb`, `nvidia-h100-80gb`).
    public var model: String
    /// Physical GPUs per node.
    public var count: Int
    /// Multi-Instance GPU partitioning, when the model supports it.
    public var mig: MIGConfiguration?

    public init(model: String, count: Int, mig: MIGConfiguration? = nil) {
        self.model = model
        self.count = count
        self.mig = mig
    }
}

/// How GPUs are sliced with NVIDIA Multi-Instance GPU.
public struct MIGConfiguration: Codable, Sendable, Hashable {
    /// How the device plugin advertises slices.
    public enum Strategy: String, StringEnum {
        /// Every GPU of a node is cut into one profile; slices appear as `nvidia.com/gpu`.
        case single
        /// Profiles may be mixed; each appears as `nvidia.com/mig-<profile>`.
        case mixed
    }

    public var strategy: Strategy
    /// The profiles offered (`1g.10gb`, `3g.40gb`), as NVIDIA names them.
    public var profiles: [String]

    public init(strategy: Strategy, profiles: [String]) {
        self.strategy = strategy
        self.profiles = profiles
    }
}

/// Replicated block, file and object storage (Rook-Ceph on premises, the cloud CSI otherwise).
public struct ClusterStorage: Codable, Sendable, Hashable {
    /// Copies of each piece of data; 3 in production, one per zone.
    public var replicas: Int
    /// What the copies are spread over.
    public var failureDomain: FailureDomain?
    /// The node pool holding the storage daemons; required in production.
    public var nodePool: String?
    /// Storage classes offered to tenants; defaults to the provider's set.
    public var classes: [String]?

    /// What replicas are spread over.
    public enum FailureDomain: String, StringEnum {
        case zone
        case host
    }

    public init(replicas: Int, failureDomain: FailureDomain? = nil, nodePool: String? = nil, classes: [String]? = nil) {
        self.replicas = replicas
        self.failureDomain = failureDomain
        self.nodePool = nodePool
        self.classes = classes
    }
}

/// Cluster networking.
public struct ClusterNetwork: Codable, Sendable, Hashable {
    /// Pod address range (CIDR).
    public var podCIDR: String?
    /// Service address range (CIDR).
    public var serviceCIDR: String?
    /// The in-cluster DNS domain; defaults to `cluster.local`.
    public var clusterDomain: String?
    /// The DNS zone ingress hostnames of this cluster live under (`prod.example.com`).
    public var ingressDomain: String?
    /// Source ranges allowed through the `external-secured` ingress class.
    public var securedIngressAllowlist: [String]?

    public init(podCIDR: String? = nil, serviceCIDR: String? = nil, clusterDomain: String? = nil,
                ingressDomain: String? = nil, securedIngressAllowlist: [String]? = nil) {
        self.podCIDR = podCIDR
        self.serviceCIDR = serviceCIDR
        self.clusterDomain = clusterDomain
        self.ingressDomain = ingressDomain
        self.securedIngressAllowlist = securedIngressAllowlist
    }
}

/// A base component or add-on chosen for a cluster, by its catalogue name.
public struct ComponentSelection: Codable, Sendable, Hashable {
    /// Catalogue name (`cert-manager`, `cilium`, `velero`, `kube-prometheus-stack`, …).
    public var name: String
    /// Whether to install it; defaults to true. Lets a cluster switch off a default component.
    public var enabled: Bool?
    /// A chart version overriding the catalogue's pin.
    public var version: String?
    /// Helm values merged over the catalogue's.
    public var values: JSONValue?

    public init(name: String, enabled: Bool? = nil, version: String? = nil, values: JSONValue? = nil) {
        self.name = name
        self.enabled = enabled
        self.version = version
        self.values = values
    }
}

/// A weekly window for disruptive maintenance.
public struct MaintenanceWindow: Codable, Sendable, Hashable {
    /// Days of the week (`Monday` … `Sunday`).
    public var days: [Weekday]
    /// Start time, `HH:MM` in `timeZone`.
    public var start: String
    /// Length of the window, as a Go duration (`4h`, `90m`).
    public var duration: String
    /// IANA time zone; defaults to `UTC`.
    public var timeZone: String?

    public init(days: [Weekday], start: String, duration: String, timeZone: String? = nil) {
        self.days = days
        self.start = start
        self.duration = duration
        self.timeZone = timeZone
    }
}

/// A day of the week.
public enum Weekday: String, StringEnum {
    case monday = "Monday"
    case tuesday = "Tuesday"
    case wednesday = "Wednesday"
    case thursday = "Thursday"
    case friday = "Friday"
    case saturday = "Saturday"
    case sunday = "Sunday"
}

/// What the platform observed of a cluster.
public struct ClusterStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    /// The version the control plane reports.
    public var kubernetesVersion: String?
    /// Nodes that are Ready.
    public var readyNodes: Int?

    public init(observedGeneration: Int64? = nil, conditions: [Condition]? = nil, kubernetesVersion: String? = nil,
                readyNodes: Int? = nil) {
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.kubernetesVersion = kubernetesVersion
        self.readyNodes = readyNodes
    }
}
