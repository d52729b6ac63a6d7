import ContainModel

/// Platform-wide facts the tenancy planner needs that are not part of a `Tenant` or `Cluster`:
/// where cluster DNS and the ingress controllers run, which address ranges count as private,
/// the GitOps service account's name and the LimitRange defaults. Every field has a default
/// that matches the platform's base components (CoreDNS in `kube-system`, ingress-nginx).
public struct PlatformDefaults: Sendable, Hashable {
    /// The namespace cluster DNS runs in.
    public var dnsNamespace: String
    /// Labels selecting the cluster DNS pods in ``dnsNamespace``.
    public var dnsPodLabels: [String: String]
    /// The DNS port, opened for both UDP and TCP.
    public var dnsPort: Int
    /// The ingress controller serving each ingress class. A class a tenant lists that is not
    /// here gets no ingress rule (fail closed).
    public var ingressControllers: [String: IngressControllerReference]
    /// Ranges internet egress never reaches, besides the cluster's pod and service CIDRs:
    /// RFC 1918 and link-local (which holds cloud metadata endpoints).
    public var privateRanges: [String]
    /// The name of the service account a tenant's GitOps deliveries run as, in each namespace.
    public var gitOpsServiceAccount: String
    /// Requests given to containers that set none (`LimitRange.defaultRequest`), before being
    /// capped by the namespace's quota share.
    public var defaultContainerRequests: ResourceList
    /// Limits given to containers that set none (`LimitRange.default`), before being capped by
    /// the namespace's quota share.
    public var defaultContainerLimits: ResourceList
    /// The Pod Security Standards version the namespace labels pin (`latest` or `v1.33`).
    public var podSecurityVersion: String
    /// CIDRs of the Kubernetes API server endpoints. When set, virtual-cluster host namespaces
    /// may reach them on TCP 443 and 6443 so the virtual control plane can sync; when empty no
    /// such rule is produced (and the platform must allow it by other means).
    public var apiServerCIDRs: [String]

    /// Creates defaults; every argument has the platform's standard value.
    public init(
        dnsNamespace: String = "kube-system",
        dnsPodLabels: [String: String] = ["k8s-app": "kube-dns"],
        dnsPort: Int = 53,
        ingressControllers: [String: IngressControllerReference] = PlatformDefaults.standardIngressControllers,
        privateRanges: [String] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"],
        gitOpsServiceAccount: String = "gitops",
        defaultContainerRequests: ResourceList = ["cpu": Quantity(milliValue: 100), "memory": Quantity(128 * 1024 * 1024, format: .binarySI)],
        defaultContainerLimits: ResourceList = ["cpu": Quantity(milliValue: 500), "memory": Quantity(512 * 1024 * 1024, format: .binarySI)],
        podSecurityVersion: String = "latest",
        apiServerCIDRs: [String] = []
    ) {
        self.dnsNamespace = dnsNamespace
        self.dnsPodLabels = dnsPodLabels
        self.dnsPort = dnsPort
        self.ingressControllers = ingressControllers
        self.privateRanges = privateRanges
        self.gitOpsServiceAccount = gitOpsServiceAccount
        self.defaultContainerRequests = defaultContainerRequests
        self.defaultContainerLimits = defaultContainerLimits
        self.podSecurityVersion = podSecurityVersion
        self.apiServerCIDRs = apiServerCIDRs
    }

    /// The platform's standard defaults.
    public static let standard = PlatformDefaults()

    /// The three ingress classes of the base platform, each served by its own ingress-nginx
    /// controller in the `ingress-nginx` namespace (release `ingress-nginx-<class>`).
    public static let standardIngressControllers: [String: IngressControllerReference] = [
        "external": .ingressNginx(ingressClass: "external"),
        "external-secured": .ingressNginx(ingressClass: "external-secured"),
        "internal": .ingressNginx(ingressClass: "internal"),
    ]
}

/// Where the controller of one ingress class runs: its namespace and the labels of its pods.
public struct IngressControllerReference: Sendable, Hashable {
    /// The namespace of the controller pods.
    public var namespace: String
    /// Labels selecting the controller pods of this class within ``namespace``.
    public var podLabels: [String: String]

    /// Creates a reference.
    public init(namespace: String, podLabels: [String: String]) {
        self.namespace = namespace
        self.podLabels = podLabels
    }

    /// An ingress-nginx controller installed as release `ingress-nginx-<class>` in `namespace`.
    public static func ingressNginx(ingressClass: String, namespace: String = "ingress-nginx") -> Self {
        IngressControllerReference(
            namespace: namespace,
            podLabels: [
                "app.kubernetes.io/name": "ingress-nginx",
                "app.kubernetes.io/component": "controller",
                "app.kubernetes.io/instance": "ingress-nginx-\(ingressClass)",
            ])
    }
}
