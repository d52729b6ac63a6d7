/// `core/v1.PodSpec`: the desired state of a pod, complete with every field security checks read.
public struct PodSpec: Codable, Sendable, Hashable {
    public var volumes: [Volume]?
    /// Containers run in order before the app containers; with `restartPolicy: Always`, sidecars.
    public var initContainers: [Container]?
    public var containers: [Container]
    /// Debugging containers added through the `ephemeralcontainers` subresource.
    public var ephemeralContainers: [EphemeralContainer]?
    /// Defaults to `Always`.
    public var restartPolicy: RestartPolicy?
    /// Defaults to 30.
    public var terminationGracePeriodSeconds: Int64?
    /// How long the pod may be active before it is failed.
    public var activeDeadlineSeconds: Int64?
    /// Defaults to `ClusterFirst`.
    public var dnsPolicy: DNSPolicy?
    /// Node labels the pod's node must have.
    public var nodeSelector: [String: String]?
    public var serviceAccountName: String?
    /// Deprecated alias of `serviceAccountName`.
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool?
    /// The node the pod is bound to; set by the scheduler.
    public var nodeName: String?
    /// Use the node's network namespace.
    public var hostNetwork: Bool?
    /// Use the node's process ID namespace.
    public var hostPID: Bool?
    /// Use the node's IPC namespace.
    public var hostIPC: Bool?
    /// Share one process namespace between all containers.
    public var shareProcessNamespace: Bool?
    public var securityContext: PodSecurityContext?
    public var imagePullSecrets: [LocalObjectReference]?
    public var hostname: String?
    public var subdomain: String?
    public var affinity: Affinity?
    public var schedulerName: String?
    public var tolerations: [Toleration]?
    /// Entries added to the pod's hosts file.
    public var hostAliases: [HostAlias]?
    public var priorityClassName: String?
    /// Set from `priorityClassName` by admission.
    public var priority: Int32?
    public var dnsConfig: PodDNSConfig?
    /// Extra conditions that must be true for the pod to be ready.
    public var readinessGates: [PodReadinessGate]?
    /// The RuntimeClass (`node.k8s.io`) to run the pod with.
    public var runtimeClassName: String?
    /// Whether service environment variables are injected; defaults to true.
    public var enableServiceLinks: Bool?
    public var preemptionPolicy: PreemptionPolicy?
    /// Resource overhead of the RuntimeClass, set by admission.
    public var overhead: ResourceList?
    public var topologySpreadConstraints: [TopologySpreadConstraint]?
    public var setHostnameAsFQDN: Bool?
    /// The OS of the containers; restricts which other fields may be set.
    public var os: PodOS?
    /// Use the node's user namespace; false gives the pod its own user namespace.
    public var hostUsers: Bool?
    /// While any is present the pod is not scheduled.
    public var schedulingGates: [PodSchedulingGate]?
    /// Dynamic resource allocation claims the pod needs.
    public var resourceClaims: [PodResourceClaim]?
    /// Pod-level requests and limits (feature PodLevelResources).
    public var resources: ResourceRequirements?
    /// An explicit hostname, taking precedence over `hostname` and `subdomain`.
    public var hostnameOverride: String?
    /// The Workload and pod group the pod belongs to (feature GenericWorkload).
    public var workloadRef: WorkloadReference?

    public init(
        volumes: [Volume]? = nil, initContainers: [Container]? = nil, containers: [Container],
        ephemeralContainers: [EphemeralContainer]? = nil, restartPolicy: RestartPolicy? = nil,
        terminationGracePeriodSeconds: Int64? = nil, activeDeadlineSeconds: Int64? = nil, dnsPolicy: DNSPolicy? = nil,
        nodeSelector: [String: String]? = nil, serviceAccountName: String? = nil, serviceAccount: String? = nil,
        automountServiceAccountToken: Bool? = nil, nodeName: String? = nil, hostNetwork: Bool? = nil,
        hostPID: Bool? = nil, hostIPC: Bool? = nil, shareProcessNamespace: Bool? = nil,
        securityContext: PodSecurityContext? = nil, imagePullSecrets: [LocalObjectReference]? = nil,
        hostname: String? = nil, subdomain: String? = nil, affinity: Affinity? = nil, schedulerName: String? = nil,
        tolerations: [Toleration]? = nil, hostAliases: [HostAlias]? = nil, priorityClassName: String? = nil,
        priority: Int32? = nil, dnsConfig: PodDNSConfig? = nil, readinessGates: [PodReadinessGate]? = nil,
        runtimeClassName: String? = nil, enableServiceLinks: Bool? = nil, preemptionPolicy: PreemptionPolicy? = nil,
        overhead: ResourceList? = nil, topologySpreadConstraints: [TopologySpreadConstraint]? = nil,
        setHostnameAsFQDN: Bool? = nil, os: PodOS? = nil, hostUsers: Bool? = nil,
        schedulingGates: [PodSchedulingGate]? = nil, resourceClaims: [PodResourceClaim]? = nil,
        resources: ResourceRequirements? = nil, hostnameOverride: String? = nil, workloadRef: WorkloadReference? = nil
    ) {
        self.volumes = volumes
        self.initContainers = initContainers
        self.containers = containers
        self.ephemeralContainers = ephemeralContainers
        self.restartPolicy = restartPolicy
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.activeDeadlineSeconds = activeDeadlineSeconds
        self.dnsPolicy = dnsPolicy
        self.nodeSelector = nodeSelector
        self.serviceAccountName = serviceAccountName
        self.serviceAccount = serviceAccount
        self.automountServiceAccountToken = automountServiceAccountToken
        self.nodeName = nodeName
        self.hostNetwork = hostNetwork
        self.hostPID = hostPID
        self.hostIPC = hostIPC
        self.shareProcessNamespace = shareProcessNamespace
        self.securityContext = securityContext
        self.imagePullSecrets = imagePullSecrets
        self.hostname = hostname
        self.subdomain = subdomain
        self.affinity = affinity
        self.schedulerName = schedulerName
        self.tolerations = tolerations
        self.hostAliases = hostAliases
        self.priorityClassName = priorityClassName
        self.priority = priority
        self.dnsConfig = dnsConfig
        self.readinessGates = readinessGates
        self.runtimeClassName = runtimeClassName
        self.enableServiceLinks = enableServiceLinks
        self.preemptionPolicy = preemptionPolicy
        self.overhead = overhead
        self.topologySpreadConstraints = topologySpreadConstraints
        self.setHostnameAsFQDN = setHostnameAsFQDN
        self.os = os
        self.hostUsers = hostUsers
        self.schedulingGates = schedulingGates
        self.resourceClaims = resourceClaims
        self.resources = resources
        self.hostnameOverride = hostnameOverride
        self.workloadRef = workloadRef
    }
}

/// `core/v1.DNSPolicy`: how a pod's DNS is configured.
public enum DNSPolicy: String, StringEnum {
    case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
    case clusterFirst = "ClusterFirst"
    /// The node's DNS settings.
    case `default` = "Default"
    /// Empty DNS settings; everything comes from `dnsConfig`.
    case empty = "None"
}

/// `core/v1.PreemptionPolicy`.
public enum PreemptionPolicy: String, StringEnum {
    case preemptLowerPriority = "PreemptLowerPriority"
    case never = "Never"
}

/// `core/v1.OSName`: the operating system a pod's containers need.
public enum OSName: String, StringEnum {
    case linux = "linux"
    case windows = "windows"
}

/// `core/v1.UnsatisfiableConstraintAction`.
public enum UnsatisfiableConstraintAction: String, StringEnum {
    case doNotSchedule = "DoNotSchedule"
    case scheduleAnyway = "ScheduleAnyway"
}

/// `core/v1.NodeInclusionPolicy`: whether a scheduling directive counts in topology spread.
public enum NodeInclusionPolicy: String, StringEnum {
    case ignore = "Ignore"
    case honor = "Honor"
}

/// `core/v1.PodDNSConfig`: DNS parameters merged with those from `dnsPolicy`.
public struct PodDNSConfig: Codable, Sendable, Hashable {
    public var nameservers: [String]?
    public var searches: [String]?
    public var options: [PodDNSConfigOption]?

    public init(nameservers: [String]? = nil, searches: [String]? = nil, options: [PodDNSConfigOption]? = nil) {
        self.nameservers = nameservers
        self.searches = searches
        self.options = options
    }
}

/// `core/v1.PodDNSConfigOption`: one resolver option, such as `ndots`.
public struct PodDNSConfigOption: Codable, Sendable, Hashable {
    public var name: String?
    public var value: String?

    public init(name: String? = nil, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

/// `core/v1.HostAlias`: an entry in the pod's hosts file.
public struct HostAlias: Codable, Sendable, Hashable {
    public var ip: String
    public var hostnames: [String]?

    public init(ip: String, hostnames: [String]? = nil) {
        self.ip = ip
        self.hostnames = hostnames
    }
}

/// `core/v1.PodReadinessGate`.
public struct PodReadinessGate: Codable, Sendable, Hashable {
    /// A condition type in the pod's conditions.
    public var conditionType: String

    public init(conditionType: String) {
        self.conditionType = conditionType
    }
}

/// `core/v1.PodOS`.
public struct PodOS: Codable, Sendable, Hashable {
    public var name: OSName

    public init(name: OSName) {
        self.name = name
    }
}

/// `core/v1.PodSchedulingGate`.
public struct PodSchedulingGate: Codable, Sendable, Hashable {
    public var name: String

    public init(name: String) {
        self.name = name
    }
}

/// `core/v1.PodResourceClaim`: a ResourceClaim, or a template for one, the pod needs.
public struct PodResourceClaim: Codable, Sendable, Hashable {
    /// The name containers use in `resources.claims`.
    public var name: String
    public var resourceClaimName: String?
    public var resourceClaimTemplateName: String?

    public init(name: String, resourceClaimName: String? = nil, resourceClaimTemplateName: String? = nil) {
        self.name = name
        self.resourceClaimName = resourceClaimName
        self.resourceClaimTemplateName = resourceClaimTemplateName
    }
}

/// `core/v1.WorkloadReference`: the Workload and pod group of a pod.
public struct WorkloadReference: Codable, Sendable, Hashable {
    public var name: String
    public var podGroup: String
    public var podGroupReplicaKey: String?

    public init(name: String, podGroup: String, podGroupReplicaKey: String? = nil) {
        self.name = name
        self.podGroup = podGroup
        self.podGroupReplicaKey = podGroupReplicaKey
    }
}

/// `core/v1.TopologySpreadConstraint`: how matching pods spread over a topology.
public struct TopologySpreadConstraint: Codable, Sendable, Hashable {
    /// The largest allowed difference in matching pods between domains.
    public var maxSkew: Int32
    /// The node label whose values define the domains.
    public var topologyKey: String
    public var whenUnsatisfiable: UnsatisfiableConstraintAction
    public var labelSelector: LabelSelector?
    public var minDomains: Int32?
    public var nodeAffinityPolicy: NodeInclusionPolicy?
    public var nodeTaintsPolicy: NodeInclusionPolicy?
    /// Pod label keys whose values are added to the selector.
    public var matchLabelKeys: [String]?

    public init(
        maxSkew: Int32, topologyKey: String, whenUnsatisfiable: UnsatisfiableConstraintAction,
        labelSelector: LabelSelector? = nil, minDomains: Int32? = nil, nodeAffinityPolicy: NodeInclusionPolicy? = nil,
        nodeTaintsPolicy: NodeInclusionPolicy? = nil, matchLabelKeys: [String]? = nil
    ) {
        self.maxSkew = maxSkew
        self.topologyKey = topologyKey
        self.whenUnsatisfiable = whenUnsatisfiable
        self.labelSelector = labelSelector
        self.minDomains = minDomains
        self.nodeAffinityPolicy = nodeAffinityPolicy
        self.nodeTaintsPolicy = nodeTaintsPolicy
        self.matchLabelKeys = matchLabelKeys
    }
}
