/// `core/v1.Service`: a stable name and address for a set of pods, or an alias to an external name.
public struct Service: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"], namespaced: true,
        categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: ServiceStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: ServiceSpec? = nil, status: ServiceStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `core/v1.ServiceType`: how a service is exposed.
public enum ServiceType: String, StringEnum {
    case clusterIP = "ClusterIP"
    case nodePort = "NodePort"
    case loadBalancer = "LoadBalancer"
    case externalName = "ExternalName"
}

/// `core/v1.ServiceAffinity`: session affinity of a service.
public enum ServiceAffinity: String, StringEnum {
    case clientIP = "ClientIP"
    case noAffinity = "None"
}

/// `core/v1.ServiceExternalTrafficPolicy` and `ServiceInternalTrafficPolicy`: which endpoints receive traffic.
public enum ServiceTrafficPolicy: String, StringEnum {
    /// All endpoints.
    case cluster = "Cluster"
    /// Only endpoints on the node that received the traffic.
    case local = "Local"
}

/// `core/v1.IPFamily`.
public enum IPFamily: String, StringEnum {
    case ipv4 = "IPv4"
    case ipv6 = "IPv6"
}

/// `core/v1.IPFamilyPolicy`: the dual-stack-ness of a service.
public enum IPFamilyPolicy: String, StringEnum {
    case singleStack = "SingleStack"
    case preferDualStack = "PreferDualStack"
    case requireDualStack = "RequireDualStack"
}

/// `core/v1.ServiceSpec`.
public struct ServiceSpec: Codable, Sendable, Hashable {
    public var ports: [ServicePort]?
    /// Pods with these labels receive the traffic; empty means endpoints are managed externally.
    public var selector: [String: String]?
    /// The virtual IP, `None` for a headless service, or empty to have one allocated.
    public var clusterIP: String?
    /// Up to two IPs (dual stack); the first equals `clusterIP`.
    public var clusterIPs: [String]?
    /// Defaults to `ClusterIP`.
    public var type: ServiceType?
    /// IPs, not managed by Kubernetes, on which nodes also accept traffic for this service.
    public var externalIPs: [String]?
    public var sessionAffinity: ServiceAffinity?
    /// Deprecated: a requested load-balancer IP, where the provider supports it.
    public var loadBalancerIP: String?
    /// Client CIDRs allowed through the load balancer, where the provider supports it.
    public var loadBalancerSourceRanges: [String]?
    /// The DNS name an `ExternalName` service aliases.
    public var externalName: String?
    /// How traffic on external addresses (node ports, external and load-balancer IPs) is routed.
    public var externalTrafficPolicy: ServiceTrafficPolicy?
    /// The health-check node port for `LoadBalancer` services with `externalTrafficPolicy: Local`.
    public var healthCheckNodePort: Int32?
    /// Whether endpoints include pods that are not ready.
    public var publishNotReadyAddresses: Bool?
    public var sessionAffinityConfig: SessionAffinityConfig?
    public var ipFamilies: [IPFamily]?
    public var ipFamilyPolicy: IPFamilyPolicy?
    /// Whether `LoadBalancer` services get node ports; defaults to true.
    public var allocateLoadBalancerNodePorts: Bool?
    /// The load-balancer implementation this service belongs to.
    public var loadBalancerClass: String?
    /// How traffic on the cluster IP is routed.
    public var internalTrafficPolicy: ServiceTrafficPolicy?
    /// A routing preference such as `PreferSameZone` or `PreferSameNode`.
    public var trafficDistribution: String?

    public init(
        ports: [ServicePort]? = nil, selector: [String: String]? = nil, clusterIP: String? = nil,
        clusterIPs: [String]? = nil, type: ServiceType? = nil, externalIPs: [String]? = nil,
        sessionAffinity: ServiceAffinity? = nil, loadBalancerIP: String? = nil,
        loadBalancerSourceRanges: [String]? = nil, externalName: String? = nil,
        externalTrafficPolicy: ServiceTrafficPolicy? = nil, healthCheckNodePort: Int32? = nil,
        publishNotReadyAddresses: Bool? = nil, sessionAffinityConfig: SessionAffinityConfig? = nil,
        ipFamilies: [IPFamily]? = nil, ipFamilyPolicy: IPFamilyPolicy? = nil,
        allocateLoadBalancerNodePorts: Bool? = nil, loadBalancerClass: String? = nil,
        internalTrafficPolicy: ServiceTrafficPolicy? = nil, trafficDistribution: String? = nil
    ) {
        self.ports = ports
        self.selector = selector
        self.clusterIP = clusterIP
        self.clusterIPs = clusterIPs
        self.type = type
        self.externalIPs = externalIPs
        self.sessionAffinity = sessionAffinity
        self.loadBalancerIP = loadBalancerIP
        self.loadBalancerSourceRanges = loadBalancerSourceRanges
        self.externalName = externalName
        self.externalTrafficPolicy = externalTrafficPolicy
        self.healthCheckNodePort = healthCheckNodePort
        self.publishNotReadyAddresses = publishNotReadyAddresses
        self.sessionAffinityConfig = sessionAffinityConfig
        self.ipFamilies = ipFamilies
        self.ipFamilyPolicy = ipFamilyPolicy
        self.allocateLoadBalancerNodePorts = allocateLoadBalancerNodePorts
        self.loadBalancerClass = loadBalancerClass
        self.internalTrafficPolicy = internalTrafficPolicy
        self.trafficDistribution = trafficDistribution
    }
}

/// `core/v1.ServicePort`: one port a service exposes.
public struct ServicePort: Codable, Sendable, Hashable {
    /// Required and unique when the service has more than one port.
    public var name: String?
    /// Defaults to `TCP`.
    public var `protocol`: PortProtocol?
    /// An application protocol hint, such as `http` or `kubernetes.io/h2c`.
    public var appProtocol: String?
    /// The port the service listens on.
    public var port: Int32
    /// The number or named container port on the pods; defaults to `port`.
    public var targetPort: IntOrString?
    /// The port on every node, for `NodePort` and `LoadBalancer` services.
    public var nodePort: Int32?

    public init(
        name: String? = nil, protocol: PortProtocol? = nil, appProtocol: String? = nil, port: Int32,
        targetPort: IntOrString? = nil, nodePort: Int32? = nil
    ) {
        self.name = name
        self.protocol = `protocol`
        self.appProtocol = appProtocol
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
    }
}

/// `core/v1.SessionAffinityConfig`.
public struct SessionAffinityConfig: Codable, Sendable, Hashable {
    public var clientIP: ClientIPConfig?

    public init(clientIP: ClientIPConfig? = nil) {
        self.clientIP = clientIP
    }
}

/// `core/v1.ClientIPConfig`.
public struct ClientIPConfig: Codable, Sendable, Hashable {
    /// How long a client stays with one endpoint; 1–86400, default 10800.
    public var timeoutSeconds: Int32?

    public init(timeoutSeconds: Int32? = nil) {
        self.timeoutSeconds = timeoutSeconds
    }
}

/// `core/v1.ServiceStatus`.
public struct ServiceStatus: Codable, Sendable, Hashable {
    public var loadBalancer: LoadBalancerStatus?
    public var conditions: [Condition]?

    public init(loadBalancer: LoadBalancerStatus? = nil, conditions: [Condition]? = nil) {
        self.loadBalancer = loadBalancer
        self.conditions = conditions
    }
}

/// `core/v1.LoadBalancerStatus`.
public struct LoadBalancerStatus: Codable, Sendable, Hashable {
    /// The load balancer's ingress points.
    public var ingress: [LoadBalancerIngress]?

    public init(ingress: [LoadBalancerIngress]? = nil) {
        self.ingress = ingress
    }
}

/// `core/v1.LoadBalancerIPMode`: how traffic to a load-balancer IP is delivered.
public enum LoadBalancerIPMode: String, StringEnum {
    case vip = "VIP"
    case proxy = "Proxy"
}

/// `core/v1.LoadBalancerIngress`: one ingress point of a load balancer.
public struct LoadBalancerIngress: Codable, Sendable, Hashable {
    public var ip: String?
    public var hostname: String?
    public var ipMode: LoadBalancerIPMode?
    public var ports: [PortStatus]?

    public init(
        ip: String? = nil, hostname: String? = nil, ipMode: LoadBalancerIPMode? = nil, ports: [PortStatus]? = nil
    ) {
        self.ip = ip
        self.hostname = hostname
        self.ipMode = ipMode
        self.ports = ports
    }
}

/// `core/v1.PortStatus`: the state of one service port on a load balancer.
public struct PortStatus: Codable, Sendable, Hashable {
    public var port: Int32
    public var `protocol`: PortProtocol
    /// A CamelCase error such as `MixedProtocolNotSupported`.
    public var error: String?

    public init(port: Int32, protocol: PortProtocol, error: String? = nil) {
        self.port = port
        self.protocol = `protocol`
        self.error = error
    }
}
