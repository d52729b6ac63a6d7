/// `networking.k8s.io/v1.NetworkPolicy`: which traffic may reach and leave a set of pods.
public struct NetworkPolicy: KubeObject {
    public static let resourceType = ResourceType(
        group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies",
        shortNames: ["netpol"], namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: NetworkPolicySpec?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: NetworkPolicySpec? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
    }
}

/// `networking.k8s.io/v1.PolicyType`: the direction of traffic a policy governs.
public enum PolicyType: String, StringEnum {
    case ingress = "Ingress"
    case egress = "Egress"
}

/// `networking.k8s.io/v1.NetworkPolicySpec`.
public struct NetworkPolicySpec: Codable, Sendable, Hashable {
    /// The pods the policy applies to; empty (or unset) selects every pod in the namespace.
    public var podSelector: LabelSelector?
    /// Allowed incoming traffic; none allows none (isolation only).
    public var ingress: [NetworkPolicyIngressRule]?
    /// Allowed outgoing traffic; none allows none (isolation only).
    public var egress: [NetworkPolicyEgressRule]?
    /// Defaults to `Ingress`, plus `Egress` when there are egress rules.
    public var policyTypes: [PolicyType]?

    public init(
        podSelector: LabelSelector? = nil, ingress: [NetworkPolicyIngressRule]? = nil,
        egress: [NetworkPolicyEgressRule]? = nil, policyTypes: [PolicyType]? = nil
    ) {
        self.podSelector = podSelector
        self.ingress = ingress
        self.egress = egress
        self.policyTypes = policyTypes
    }
}

/// `networking.k8s.io/v1.NetworkPolicyIngressRule`: traffic matching both ports and sources.
public struct NetworkPolicyIngressRule: Codable, Sendable, Hashable {
    /// Empty matches all ports.
    public var ports: [NetworkPolicyPort]?
    /// Empty matches all sources.
    public var from: [NetworkPolicyPeer]?

    public init(ports: [NetworkPolicyPort]? = nil, from: [NetworkPolicyPeer]? = nil) {
        self.ports = ports
        self.from = from
    }
}

/// `networking.k8s.io/v1.NetworkPolicyEgressRule`: traffic matching both ports and destinations.
public struct NetworkPolicyEgressRule: Codable, Sendable, Hashable {
    /// Empty matches all ports.
    public var ports: [NetworkPolicyPort]?
    /// Empty matches all destinations.
    public var to: [NetworkPolicyPeer]?

    public init(ports: [NetworkPolicyPort]? = nil, to: [NetworkPolicyPeer]? = nil) {
        self.ports = ports
        self.to = to
    }
}

/// `networking.k8s.io/v1.NetworkPolicyPort`.
public struct NetworkPolicyPort: Codable, Sendable, Hashable {
    /// Defaults to `TCP`.
    public var `protocol`: PortProtocol?
    /// A port number or a named port; unset matches all ports.
    public var port: IntOrString?
    /// With a numeric `port`, the inclusive end of a port range.
    public var endPort: Int32?

    public init(protocol: PortProtocol? = nil, port: IntOrString? = nil, endPort: Int32? = nil) {
        self.protocol = `protocol`
        self.port = port
        self.endPort = endPort
    }
}

/// `networking.k8s.io/v1.NetworkPolicyPeer`: pods, namespaces or an IP block.
public struct NetworkPolicyPeer: Codable, Sendable, Hashable {
    public var podSelector: LabelSelector?
    public var namespaceSelector: LabelSelector?
    /// Exclusive with the selectors.
    public var ipBlock: IPBlock?

    public init(podSelector: LabelSelector? = nil, namespaceSelector: LabelSelector? = nil, ipBlock: IPBlock? = nil) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
    }
}

/// `networking.k8s.io/v1.IPBlock`: a CIDR minus some sub-ranges.
public struct IPBlock: Codable, Sendable, Hashable {
    /// For example `10.0.0.0/8` or `2001:db8::/64`.
    public var cidr: String
    /// CIDRs inside `cidr` that are excluded.
    public var except: [String]?

    public init(cidr: String, except: [String]? = nil) {
        self.cidr = cidr
        self.except = except
    }
}
