/// A team or customer of the platform: who owns it, where it runs, what it may use, and how
/// strongly it is isolated. Cluster-scoped. Contain turns each tenant into secure-by-default
/// namespaces on every cluster it is placed on.
///
/// ```yaml
/// apiVersion: platform.contain.dev/v1alpha1
/// kind: Tenant
/// metadata: {name: payments}
/// spec:
///   owners: [{kind: Group, name: payments-admins}]
///   clusters: [dev, prod]
///   namespaces: [{name: payments}, {name: payments-jobs}]
///   quota: {cpu: "20", memory: 64Gi, pods: 200}
///   isolation: {tier: namespace, runtime: gvisor, podSecurity: restricted}
/// ```
public struct Tenant: KubeObject {
    public static let resourceType = ResourceType(
        group: PlatformGroup.name, version: PlatformGroup.version, kind: "Tenant", plural: "tenants",
        shortNames: ["tnt"], namespaced: false, categories: ["contain"])

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: TenantSpec
    public var status: TenantStatus?

    public init(metadata: ObjectMeta, spec: TenantSpec, status: TenantStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// The desired state of a tenant.
public struct TenantSpec: Codable, Sendable, Hashable {
    /// A human-readable name for consoles and reports.
    public var displayName: String?
    /// Who administers the tenant; at least one. Owners get the `admin` role unless they say otherwise.
    public var owners: [TenantSubject]
    /// Further users and groups, with `edit` (the default) or `view`.
    public var members: [TenantSubject]?
    /// The clusters the tenant is placed on, by name.
    public var clusters: [String]
    /// The tenant's namespaces; names are unique across all tenants on a cluster.
    public var namespaces: [TenantNamespace]
    /// Tenant-wide limits, per cluster.
    public var quota: TenantQuota?
    public var isolation: TenantIsolation?
    /// Accelerators the tenant may use.
    public var gpu: TenantGPU?
    public var network: TenantNetwork?
    /// Image registries (host, optionally with a path prefix) the tenant may pull from; empty
    /// means the platform's default registry only.
    public var registries: [String]?
    /// Whether images must be referenced by digest (`@sha256:…`).
    public var requireImageDigest: Bool?
    /// Storage classes the tenant's volume claims may use.
    public var storageClasses: [String]?
    /// How admission guardrails treat the tenant (rule modes, default requests and limits).
    public var guardrails: TenantGuardrails?

    public init(displayName: String? = nil, owners: [TenantSubject], members: [TenantSubject]? = nil,
                clusters: [String], namespaces: [TenantNamespace], quota: TenantQuota? = nil,
                isolation: TenantIsolation? = nil, gpu: TenantGPU? = nil, network: TenantNetwork? = nil,
                registries: [String]? = nil, requireImageDigest: Bool? = nil, storageClasses: [String]? = nil,
                guardrails: TenantGuardrails? = nil) {
        self.displayName = displayName
        self.owners = owners
        self.members = members
        self.clusters = clusters
        self.namespaces = namespaces
        self.quota = quota
        self.isolation = isolation
        self.gpu = gpu
        self.network = network
        self.registries = registries
        self.requireImageDigest = requireImageDigest
        self.storageClasses = storageClasses
        self.guardrails = guardrails
    }
}

/// A user or identity-provider group with a role in the tenant.
public struct TenantSubject: Codable, Sendable, Hashable {
    /// Whether `name` is a user or a group, as the identity provider's tokens carry them.
    public enum Kind: String, StringEnum {
        case user = "User"
        case group = "Group"
    }

    public var kind: Kind
    /// The user name or group claim value as the identity provider issues it.
    public var name: String
    /// The Kubernetes role bound in the tenant's namespaces: `admin`, `edit` or `view`.
    public var role: TenantRole?

    public init(kind: Kind, name: String, role: TenantRole? = nil) {
        self.kind = kind
        self.name = name
        self.role = role
    }
}

/// The built-in Kubernetes roles a tenant subject can hold.
public enum TenantRole: String, StringEnum {
    case admin
    case edit
    case view
}

/// One namespace of a tenant.
public struct TenantNamespace: Codable, Sendable, Hashable {
    /// The namespace name; a DNS-1123 label.
    public var name: String
    /// The clusters it exists on; defaults to all of the tenant's clusters.
    public var clusters: [String]?
    /// Extra labels for the namespace (Contain's own labels always win).
    public var labels: [String: String]?
    /// Extra annotations for the namespace.
    public var annotations: [String: String]?

    public init(name: String, clusters: [String]? = nil, labels: [String: String]? = nil,
                annotations: [String: String]? = nil) {
        self.name = name
        self.clusters = clusters
        self.labels = labels
        self.annotations = annotations
    }
}

/// Tenant-wide limits on one cluster, summed over all of the tenant's namespaces there.
public struct TenantQuota: Codable, Sendable, Hashable {
    /// CPU requests.
    public var cpu: Quantity?
    /// Memory requests.
    public var memory: Quantity?
    /// CPU limits; defaults to `cpu`.
    public var limitsCPU: Quantity?
    /// Memory limits; defaults to `memory`.
    public var limitsMemory: Quantity?
    /// Persistent volume storage requested.
    public var storage: Quantity?
    public var pods: Int?
    public var services: Int?
    /// Services of type LoadBalancer; 0 unless set.
    public var loadBalancers: Int?
    /// Services of type NodePort; 0 unless set.
    public var nodePorts: Int?
    /// Whole GPUs (`nvidia.com/gpu`).
    public var gpus: Int?
    /// MIG slices by profile (`1g.10gb: 4` allows four `nvidia.com/mig-1g.10gb`).
    public var migDevices: [String: Int]?
    /// How many namespaces the tenant may have on a cluster, including ones its owners create.
    public var namespaces: Int?

    public init(cpu: Quantity? = nil, memory: Quantity? = nil, limitsCPU: Quantity? = nil,
                limitsMemory: Quantity? = nil, storage: Quantity? = nil, pods: Int? = nil, services: Int? = nil,
                loadBalancers: Int? = nil, nodePorts: Int? = nil, gpus: Int? = nil, migDevices: [String: Int]? = nil,
                namespaces: Int? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.limitsCPU = limitsCPU
        self.limitsMemory = limitsMemory
        self.storage = storage
        self.pods = pods
        self.services = services
        self.loadBalancers = loadBalancers
        self.nodePorts = nodePorts
        self.gpus = gpus
        self.migDevices = migDevices
        self.namespaces = namespaces
    }
}

/// How strongly a tenant is separated from the others.
public struct TenantIsolation: Codable, Sendable, Hashable {
    /// Defaults to `namespace`.
    public var tier: IsolationTier?
    /// The container runtime its pods must use; defaults to `runc`.
    public var runtime: SandboxRuntime?
    /// The Pod Security Standard enforced in its namespaces; defaults to `restricted`.
    public var podSecurity: PodSecurityLevel?
    /// For `dedicatedNodes`: the node pool reserved for the tenant (present on each of its clusters).
    public var nodePool: String?

    public init(tier: IsolationTier? = nil, runtime: SandboxRuntime? = nil, podSecurity: PodSecurityLevel? = nil,
                nodePool: String? = nil) {
        self.tier = tier
        self.runtime = runtime
        self.podSecurity = podSecurity
        self.nodePool = nodePool
    }

    /// The tier, with its default.
    public var effectiveTier: IsolationTier { tier ?? .namespace }
    /// The runtime, with its default.
    public var effectiveRuntime: SandboxRuntime { runtime ?? .runc }
    /// The Pod Security level, with its default.
    public var effectivePodSecurity: PodSecurityLevel { podSecurity ?? .restricted }
}

/// Isolation tiers, from shared to dedicated.
public enum IsolationTier: String, StringEnum {
    /// Namespaces on shared nodes, fenced by policy.
    case namespace
    /// A virtual control plane (vcluster) inside a host namespace.
    case virtualCluster
    /// Namespaces whose pods run only on nodes reserved for the tenant.
    case dedicatedNodes
    /// Clusters of its own; nothing of the tenant lands on shared clusters.
    case dedicatedCluster
}

/// Container runtimes, from shared kernel to hardware virtualisation.
public enum SandboxRuntime: String, StringEnum {
    /// The default runtime; the host kernel is shared.
    case runc
    /// gVisor's user-space kernel (RuntimeClass handler `runsc`).
    case gvisor
    /// Kata Containers with QEMU (handler `kata-qemu`).
    case kata
    /// Kata Containers with Firecracker microVMs (handler `kata-fc`).
    case kataFirecracker = "kata-firecracker"

    /// The CRI handler name a RuntimeClass for this runtime uses; `nil` for the default runtime.
    public var handler: String? {
        switch self {
        case .runc: nil
        case .gvisor: "runsc"
        case .kata: "kata-qemu"
        case .kataFirecracker: "kata-fc"
        }
    }

    /// Whether pods run in a sandbox rather than directly on the host kernel.
    public var isSandboxed: Bool { self != .runc }
}

/// Pod Security Standard levels.
public enum PodSecurityLevel: String, StringEnum {
    case privileged
    case baseline
    case restricted
}

/// Accelerators a tenant may use.
public struct TenantGPU: Codable, Sendable, Hashable {
    /// MIG profiles the tenant may request (`1g.10gb`); each must be offered on every cluster the
    /// tenant is placed on.
    public var profiles: [String]?

    public init(profiles: [String]? = nil) { self.profiles = profiles }
}

/// Network exposure and reachability of a tenant.
public struct TenantNetwork: Codable, Sendable, Hashable {
    /// Other tenants whose pods may connect to this tenant's pods.
    public var allowFrom: [String]?
    /// Whether pods may reach the internet (never the cluster's or private ranges).
    public var allowInternetEgress: Bool?
    public var ingress: TenantIngress?
    /// Service types besides ClusterIP the tenant may create (`LoadBalancer`, `NodePort`,
    /// `ExternalName`); when unset, LoadBalancer and NodePort as far as the quota grants them.
    public var serviceTypes: [ServiceType]?

    public init(allowFrom: [String]? = nil, allowInternetEgress: Bool? = nil, ingress: TenantIngress? = nil,
                serviceTypes: [ServiceType]? = nil) {
        self.allowFrom = allowFrom
        self.allowInternetEgress = allowInternetEgress
        self.ingress = ingress
        self.serviceTypes = serviceTypes
    }
}

/// How a tenant exposes services.
public struct TenantIngress: Codable, Sendable, Hashable {
    /// Ingress classes it may use (`external-secured`, `external`, `internal`).
    public var classes: [String]?
    /// Hostnames (or `*.` wildcards) it may claim; no two tenants may claim the same one.
    public var hostnames: [String]?

    public init(classes: [String]? = nil, hostnames: [String]? = nil) {
        self.classes = classes
        self.hostnames = hostnames
    }
}

/// What the platform observed of a tenant.
public struct TenantStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var conditions: [Condition]?
    /// Namespaces provisioned, as `cluster/namespace`.
    public var namespaces: [String]?
    /// The state of each planned namespace, in name order.
    public var namespaceStates: [TenantNamespaceState]?

    public init(observedGeneration: Int64? = nil, conditions: [Condition]? = nil, namespaces: [String]? = nil,
                namespaceStates: [TenantNamespaceState]? = nil) {
        self.observedGeneration = observedGeneration
        self.conditions = conditions
        self.namespaces = namespaces
        self.namespaceStates = namespaceStates
    }
}

/// What the operator observed of one of a tenant's namespaces.
public struct TenantNamespaceState: Codable, Sendable, Hashable {
    /// The cluster the namespace was planned for.
    public var cluster: String
    public var name: String
    /// `Ready` (every default object in place), `Provisioning`, `Terminating` or `Conflict`.
    public var phase: String
    /// Why the namespace is not ready, when it is not.
    public var message: String?

    public init(cluster: String, name: String, phase: String, message: String? = nil) {
        self.cluster = cluster
        self.name = name
        self.phase = phase
        self.message = message
    }
}
