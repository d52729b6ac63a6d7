import ContainModel

/// A generated cluster for benchmarks: namespaces with labels, pods with labels and named
/// ports, and policies mixing every peer and port form (pod, namespace and combined
/// selectors, `matchExpressions`, `ipBlock`, open rules; numeric, ranged, named and UDP ports;
/// ingress-only, egress-only and two-way policies). The same seed gives the same model.
public struct SyntheticNetwork: Sendable {
    private var state: UInt64

    /// A generator seeded with `seed`.
    public init(seed: UInt64 = 42) { state = seed }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// `namespaces` namespaces holding `pods` pods between them (spread evenly), and
    /// `policies` policies spread over the namespaces.
    public mutating func model(namespaces namespaceCount: Int, pods podCount: Int, policies policyCount: Int) -> NetworkModel {
        let apps = ["web", "api", "db", "cache", "worker"]
        let teams = ["red", "green", "blue", "gold"]
        let namespaceCount = max(1, namespaceCount)
        var namespaces: [NetworkNamespace] = []
        for n in 0..<namespaceCount {
            namespaces.append(NetworkNamespace(name: "ns\(n)", labels: ["team": teams[n % teams.count], "tier": "\(n % 3)"]))
        }
        var pods: [NetworkPod] = []
        for p in 0..<podCount {
            let app = apps[(p / namespaceCount) % apps.count]
            pods.append(NetworkPod(
                namespace: "ns\(p % namespaceCount)", name: "\(app)-\(p)", labels: ["app": app, "shard": "\(p % 2)"],
                ports: [NetworkPodPort(name: "http", port: 8000 + next(3) * 80), NetworkPodPort(name: "dns", port: 53, protocol: .udp)]))
        }
        var policies: [NetworkPolicy] = []
        for index in 0..<policyCount {
            let namespace = "ns\(index % namespaceCount)"
            let app = apps[next(apps.count)]
            let other = apps[next(apps.count)]
            let team = teams[next(teams.count)]
            let selecting = next(4) == 0 ? LabelSelector() : LabelSelector(matchLabels: ["app": app])
            let peers: [NetworkPolicyPeer]
            switch next(5) {
            case 0: peers = [NetworkPolicyPeer(podSelector: LabelSelector(matchLabels: ["app": other]))]
            case 1: peers = [NetworkPolicyPeer(namespaceSelector: LabelSelector(matchLabels: ["team": team]))]
            case 2:
                peers = [NetworkPolicyPeer(
                    podSelector: LabelSelector(matchLabels: ["app": other]),
                    namespaceSelector: LabelSelector(matchExpressions: [.init(key: "tier", operator: .in, values: ["0", "1"])]))]
            case 3: peers = [NetworkPolicyPeer(namespaceSelector: LabelSelector()), NetworkPolicyPeer(ipBlock: IPBlock(cidr: "10.0.0.0/8"))]
            default: peers = []
            }
            let ports: [NetworkPolicyPort]?
            switch next(4) {
            case 0: ports = [NetworkPolicyPort(port: .string("http"))]
            case 1: ports = [NetworkPolicyPort(port: .int(8000), endPort: 8100)]
            case 2: ports = [NetworkPolicyPort(protocol: .udp, port: .int(53))]
            default: ports = nil
            }
            let spec: NetworkPolicySpec
            switch next(3) {
            case 0: spec = NetworkPolicySpec(podSelector: selecting, ingress: [NetworkPolicyIngressRule(ports: ports, from: peers)])
            case 1:
                spec = NetworkPolicySpec(
                    podSelector: selecting, egress: [NetworkPolicyEgressRule(ports: ports, to: peers)], policyTypes: [.egress])
            default:
                spec = NetworkPolicySpec(
                    podSelector: selecting, ingress: [NetworkPolicyIngressRule(ports: ports, from: peers)],
                    egress: [NetworkPolicyEgressRule(ports: ports, to: peers)])
            }
            policies.append(NetworkPolicy(metadata: ObjectMeta(name: "p\(index)", namespace: namespace), spec: spec))
        }
        return NetworkModel(namespaces: namespaces, pods: pods, policies: policies)
    }
}
