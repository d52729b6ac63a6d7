/// `networking.k8s.io/v1.Ingress`: HTTP(S) routing from outside the cluster to services.
public struct Ingress: KubeObject {
    public static let resourceType = ResourceType(
        group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"],
        namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: IngressSpec?
    public var status: IngressStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: IngressSpec? = nil, status: IngressStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `networking.k8s.io/v1.IngressSpec`.
public struct IngressSpec: Codable, Sendable, Hashable {
    /// The IngressClass whose controller serves this Ingress.
    public var ingressClassName: String?
    /// Where requests matching no rule go.
    public var defaultBackend: IngressBackend?
    public var tls: [IngressTLS]?
    public var rules: [IngressRule]?

    public init(
        ingressClassName: String? = nil, defaultBackend: IngressBackend? = nil, tls: [IngressTLS]? = nil,
        rules: [IngressRule]? = nil
    ) {
        self.ingressClassName = ingressClassName
        self.defaultBackend = defaultBackend
        self.tls = tls
        self.rules = rules
    }
}

/// `networking.k8s.io/v1.IngressBackend`: a service or a resource; exactly one is set.
public struct IngressBackend: Codable, Sendable, Hashable {
    public var service: IngressServiceBackend?
    public var resource: TypedLocalObjectReference?

    public init(service: IngressServiceBackend? = nil, resource: TypedLocalObjectReference? = nil) {
        self.service = service
        self.resource = resource
    }
}

/// `networking.k8s.io/v1.IngressServiceBackend`.
public struct IngressServiceBackend: Codable, Sendable, Hashable {
    /// A service in the Ingress's namespace.
    public var name: String
    public var port: ServiceBackendPort?

    public init(name: String, port: ServiceBackendPort? = nil) {
        self.name = name
        self.port = port
    }
}

/// `networking.k8s.io/v1.ServiceBackendPort`: a service port by name or number.
public struct ServiceBackendPort: Codable, Sendable, Hashable {
    public var name: String?
    public var number: Int32?

    public init(name: String? = nil, number: Int32? = nil) {
        self.name = name
        self.number = number
    }
}

/// `networking.k8s.io/v1.IngressTLS`.
public struct IngressTLS: Codable, Sendable, Hashable {
    /// Hosts in the certificate.
    public var hosts: [String]?
    /// The Secret holding the certificate and key.
    public var secretName: String?

    public init(hosts: [String]? = nil, secretName: String? = nil) {
        self.hosts = hosts
        self.secretName = secretName
    }
}

/// `networking.k8s.io/v1.IngressRule`: routing for one host (or every host).
public struct IngressRule: Codable, Sendable, Hashable {
    /// A DNS name, possibly with a leading `*.` wildcard; empty matches every host.
    public var host: String?
    public var http: HTTPIngressRuleValue?

    public init(host: String? = nil, http: HTTPIngressRuleValue? = nil) {
        self.host = host
        self.http = http
    }
}

/// `networking.k8s.io/v1.HTTPIngressRuleValue`.
public struct HTTPIngressRuleValue: Codable, Sendable, Hashable {
    public var paths: [HTTPIngressPath]

    public init(paths: [HTTPIngressPath]) {
        self.paths = paths
    }
}

/// `networking.k8s.io/v1.PathType`: how an Ingress path is matched.
public enum PathType: String, StringEnum {
    case exact = "Exact"
    case prefix = "Prefix"
    case implementationSpecific = "ImplementationSpecific"
}

/// `networking.k8s.io/v1.HTTPIngressPath`: a path and the backend it routes to.
public struct HTTPIngressPath: Codable, Sendable, Hashable {
    public var path: String?
    public var pathType: PathType
    public var backend: IngressBackend

    public init(path: String? = nil, pathType: PathType, backend: IngressBackend) {
        self.path = path
        self.pathType = pathType
        self.backend = backend
    }
}

/// `networking.k8s.io/v1.IngressStatus`.
public struct IngressStatus: Codable, Sendable, Hashable {
    public var loadBalancer: IngressLoadBalancerStatus?

    public init(loadBalancer: IngressLoadBalancerStatus? = nil) {
        self.loadBalancer = loadBalancer
    }
}

/// `networking.k8s.io/v1.IngressLoadBalancerStatus`.
public struct IngressLoadBalancerStatus: Codable, Sendable, Hashable {
    public var ingress: [IngressLoadBalancerIngress]?

    public init(ingress: [IngressLoadBalancerIngress]? = nil) {
        self.ingress = ingress
    }
}

/// `networking.k8s.io/v1.IngressLoadBalancerIngress`.
public struct IngressLoadBalancerIngress: Codable, Sendable, Hashable {
    public var ip: String?
    public var hostname: String?
    public var ports: [IngressPortStatus]?

    public init(ip: String? = nil, hostname: String? = nil, ports: [IngressPortStatus]? = nil) {
        self.ip = ip
        self.hostname = hostname
        self.ports = ports
    }
}

/// `networking.k8s.io/v1.IngressPortStatus`.
public struct IngressPortStatus: Codable, Sendable, Hashable {
    public var port: Int32
    public var `protocol`: PortProtocol
    public var error: String?

    public init(port: Int32, protocol: PortProtocol, error: String? = nil) {
        self.port = port
        self.protocol = `protocol`
        self.error = error
    }
}
