import ContainModel
import ContainNetwork
import Testing

/// A deterministic generator of large clusters, for timing and consistency checks.
struct LargeModelGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// `namespaceCount` namespaces with `podsPerNamespace` pods each, and `policyCount` policies
    /// spread over the namespaces, mixing every peer and port form.
    mutating func model(namespaceCount: Int, podsPerNamespace: Int, policyCount: Int) -> NetworkModel {
        let apps = ["web", "api", "db", "cache", "worker"]
        let teams = ["red", "green", "blue", "gold"]
        var namespaces: [NetworkNamespace] = []
        var pods: [NetworkPod] = []
        for n in 0..<namespaceCount {
            let name = "ns\(n)"
            namespaces.append(NetworkNamespace(name: name, labels: ["team": teams[n % teams.count], "tier": "\(n % 3)"]))
            for p in 0..<podsPerNamespace {
                let app = apps[p % apps.count]
                pods.append(NetworkPod(
                    namespace: name, name: "\(app)-\(p)", labels: ["app": app, "shard": "\(p % 2)"],
                    ports: [NetworkPodPort(name: "http", port: 8000 + next(3) * 80), NetworkPodPort(name: "dns", port: 53, protocol: .udp)]))
            }
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

@Suite("Large generated cluster")
struct LargeModelTests {
    @Test("2,000 pods / 200 namespaces / 1,000 policies: matrix agrees with sampled verdicts")
    func largeMatrix() throws {
        var generator = LargeModelGenerator(seed: 42)
        let model = generator.model(namespaceCount: 200, podsPerNamespace: 10, policyCount: 1_000)
        #expect(model.pods.count == 2_000)
        let clock = ContinuousClock()
        var engine: ReachabilityEngine?
        let compileTime = try clock.measure { engine = try ReachabilityEngine(model: model) }
        let compiled = try #require(engine)
        var matrix: ReachabilityMatrix?
        let matrixTime = clock.measure { matrix = compiled.matrix(port: 8080, protocol: .tcp) }
        let result = try #require(matrix)
        print("ContainNetwork large model: compile \(compileTime), matrix \(matrixTime), allowed pairs \(result.allowedPairCount)")
        let refs = compiled.pods.map(\.ref)
        var allowed = 0
        for _ in 0..<3_000 {
            let source = refs[generator.next(refs.count)]
            let destination = refs[generator.next(refs.count)]
            let verdict = try compiled.verdict(from: source, to: destination, port: 8080, protocol: .tcp)
            #expect(result.allows(from: source, to: destination) == verdict.allowed, "\(verdict)")
            #expect(result.ingressAllows(from: source, to: destination) == (verdict.ingress?.allowed ?? true))
            #expect(result.egressAllows(from: source, to: destination) == (verdict.egress?.allowed ?? true))
            if verdict.allowed { allowed += 1 }
        }
        // The generated mix must exercise both outcomes.
        #expect(allowed > 0 && allowed < 3_000)
    }
}
