import ContainModel
import ContainNetwork

/// One truth-table question.
enum TruthQuery: Sendable, CustomStringConvertible {
    case pods(from: String, to: String, port: Int, PortProtocol)
    case toAddress(from: String, address: String, port: Int, PortProtocol)
    case fromAddress(address: String, to: String, port: Int, PortProtocol)

    var description: String {
        switch self {
        case .pods(let from, let to, let port, let proto): "\(from) -> \(to) \(port)/\(proto.rawValue)"
        case .toAddress(let from, let address, let port, let proto): "\(from) -> \(address) \(port)/\(proto.rawValue)"
        case .fromAddress(let address, let to, let port, let proto): "\(address) -> \(to) \(port)/\(proto.rawValue)"
        }
    }
}

/// One scenario: the shared fixture (plus extras), the policies, the question, the expected
/// answer reasoned from the Kubernetes documentation, and the rule that gives it.
struct TruthCase: Sendable, CustomStringConvertible {
    let id: Int
    let policies: [NetworkPolicy]
    let query: TruthQuery
    let expected: Bool
    let reason: String
    var extraNamespaces: [NetworkNamespace] = []
    var extraPods: [NetworkPod] = []

    var description: String { "#\(id) \(query) => \(expected ? "allow" : "deny"): \(reason)" }

    /// The fixture: namespaces `a` (team=a), `b` (team=b), `c` (no labels).
    static let namespaces = [
        NetworkNamespace(name: "a", labels: ["team": "a"]),
        NetworkNamespace(name: "b", labels: ["team": "b"]),
        NetworkNamespace(name: "c"),
    ]

    /// The fixture pods. Named ports: `http` is 8080 on a/web and b/web but 9090 on a/api; a/db
    /// declares no ports; `dns` on a/web is UDP.
    static let pods = [
        NetworkPod(
            namespace: "a", name: "web", labels: ["app": "web"],
            ports: [.init(name: "http", port: 8080), .init(name: "dns", port: 53, protocol: .udp)]),
        NetworkPod(
            namespace: "a", name: "api", labels: ["app": "api"],
            ports: [.init(name: "http", port: 9090, protocol: .tcp), .init(name: "metrics", port: 9100)]),
        NetworkPod(namespace: "a", name: "db", labels: ["app": "db"]),
        NetworkPod(namespace: "a", name: "client", labels: ["app": "client"]),
        NetworkPod(namespace: "b", name: "web", labels: ["app": "web"], ports: [.init(name: "http", port: 8080)]),
        NetworkPod(namespace: "b", name: "client", labels: ["app": "client"]),
        NetworkPod(namespace: "c", name: "client", labels: ["app": "client"]),
    ]

    var model: NetworkModel {
        NetworkModel(
            namespaces: Self.namespaces + extraNamespaces, pods: Self.pods + extraPods, policies: policies)
    }
}

// MARK: Builders, to keep the table short.

func ref(_ text: String) -> PodRef {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    return PodRef(namespace: parts.first ?? "", name: parts.count > 1 ? parts[1] : "")
}

extension LabelSelector {
    static let all = LabelSelector()
    static func app(_ value: String) -> LabelSelector { LabelSelector(matchLabels: ["app": value]) }
    static func team(_ value: String) -> LabelSelector { LabelSelector(matchLabels: ["team": value]) }
    static func nsName(_ value: String) -> LabelSelector {
        LabelSelector(matchLabels: ["kubernetes.io/metadata.name": value])
    }
}

func policy(
    _ namespace: String, _ name: String, selecting: LabelSelector? = .all, types: [PolicyType]? = nil,
    ingress: [NetworkPolicyIngressRule]? = nil, egress: [NetworkPolicyEgressRule]? = nil
) -> NetworkPolicy {
    NetworkPolicy(
        metadata: ObjectMeta(name: name, namespace: namespace),
        spec: NetworkPolicySpec(podSelector: selecting, ingress: ingress, egress: egress, policyTypes: types))
}

func pods(_ selector: LabelSelector) -> NetworkPolicyPeer { NetworkPolicyPeer(podSelector: selector) }
func namespaces(_ selector: LabelSelector) -> NetworkPolicyPeer { NetworkPolicyPeer(namespaceSelector: selector) }
func podsIn(_ namespace: LabelSelector, _ pod: LabelSelector) -> NetworkPolicyPeer {
    NetworkPolicyPeer(podSelector: pod, namespaceSelector: namespace)
}
func block(_ cidr: String, except: [String]? = nil) -> NetworkPolicyPeer {
    NetworkPolicyPeer(ipBlock: IPBlock(cidr: cidr, except: except))
}
func tcp(_ port: IntOrString, end: Int32? = nil) -> NetworkPolicyPort {
    NetworkPolicyPort(port: port, endPort: end)
}
func udp(_ port: IntOrString? = nil) -> NetworkPolicyPort { NetworkPolicyPort(protocol: .udp, port: port) }
func sctp(_ port: IntOrString? = nil) -> NetworkPolicyPort { NetworkPolicyPort(protocol: .sctp, port: port) }
func allowFrom(_ peers: [NetworkPolicyPeer]?, ports: [NetworkPolicyPort]? = nil) -> NetworkPolicyIngressRule {
    NetworkPolicyIngressRule(ports: ports, from: peers)
}
func allowTo(_ peers: [NetworkPolicyPeer]?, ports: [NetworkPolicyPort]? = nil) -> NetworkPolicyEgressRule {
    NetworkPolicyEgressRule(ports: ports, to: peers)
}
