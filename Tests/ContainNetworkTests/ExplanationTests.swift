import ContainModel
import Testing
import ContainNetwork

@Suite("Verdict explanations")
struct ExplanationTests {
    let engine: ReachabilityEngine

    init() throws {
        let policies = [
            policy("a", "deny-all", types: [.ingress, .egress]),
            policy("a", "api-from-web", selecting: .app("api"),
                ingress: [allowFrom([pods(.app("db"))]), allowFrom([pods(.app("web"))], ports: [tcp("http")])]),
            policy("a", "web-egress", selecting: .app("web"), types: [.egress],
                egress: [allowTo([pods(.app("db"))]), allowTo([namespaces(.all)], ports: [tcp(9090)])]),
        ]
        engine = try ReachabilityEngine(
            model: NetworkModel(namespaces: TruthCase.namespaces, pods: TruthCase.pods, policies: policies))
    }

    @Test("an allowed connection names the allowing policy and rule index on each side")
    func allowedExplanation() throws {
        let verdict = try engine.verdict(from: ref("a/web"), to: ref("a/api"), port: 9090, protocol: .tcp)
        #expect(verdict.allowed)
        let egress = try #require(verdict.egress)
        #expect(egress.isolated)
        #expect(egress.selectingPolicies == [PolicyRef(namespace: "a", name: "deny-all"), PolicyRef(namespace: "a", name: "web-egress")])
        #expect(egress.allowingRules == [RuleRef(policy: PolicyRef(namespace: "a", name: "web-egress"), direction: .egress, index: 1)])
        let ingress = try #require(verdict.ingress)
        #expect(ingress.isolated)
        #expect(ingress.allowingRules == [RuleRef(policy: PolicyRef(namespace: "a", name: "api-from-web"), direction: .ingress, index: 1)])
        #expect(verdict.description.contains("a/api-from-web ingress[1]"))
        #expect(verdict.description.contains("a/web-egress egress[1]"))
    }

    @Test("a denied connection says which side denied it and that no rule allowed it")
    func deniedExplanation() throws {
        // Egress rule 1 allows 9090 anywhere, but a/api's ingress only allows web on `http` (9090
        // on a/api) — so 9091 is denied by both sides.
        let verdict = try engine.verdict(from: ref("a/web"), to: ref("a/api"), port: 9091, protocol: .tcp)
        #expect(!verdict.allowed)
        #expect(verdict.egress?.allowed == false)
        #expect(verdict.ingress?.allowed == false)
        #expect(verdict.ingress?.allowingRules.isEmpty == true)
        #expect(verdict.description.contains("no rule allows it"))
        // Allowed by egress, denied by ingress.
        let half = try engine.verdict(from: ref("a/web"), to: ref("a/client"), port: 9090, protocol: .tcp)
        #expect(!half.allowed)
        #expect(half.egress?.allowed == true)
        #expect(half.ingress?.allowed == false)
        #expect(half.ingress?.selectingPolicies == [PolicyRef(namespace: "a", name: "deny-all")])
    }

    @Test("a pod that no policy selects is reported as not isolated")
    func notIsolated() throws {
        let verdict = try engine.verdict(from: ref("b/client"), to: ref("c/client"), port: 80, protocol: .tcp)
        #expect(verdict.allowed)
        #expect(verdict.egress?.isolated == false)
        #expect(verdict.ingress?.isolated == false)
        #expect(verdict.egress?.selectingPolicies.isEmpty == true)
        #expect(engine.isIsolated(ref("a/db"), for: .egress) == true)
        #expect(engine.isIsolated(ref("b/web"), for: .ingress) == false)
        #expect(engine.policiesSelecting(ref("a/api")).map(\.name) == ["api-from-web", "deny-all"])
    }

    @Test("several allowing rules are all listed")
    func multipleRules() throws {
        let both = try ReachabilityEngine(model: NetworkModel(
            namespaces: TruthCase.namespaces, pods: TruthCase.pods,
            policies: [
                policy("a", "p2", selecting: .app("api"), ingress: [allowFrom(nil, ports: [tcp(9090)])]),
                policy("a", "p1", selecting: .app("api"), ingress: [allowFrom([pods(.app("nobody"))]), allowFrom([pods(.app("web"))])]),
            ]))
        let verdict = try both.verdict(from: ref("a/web"), to: ref("a/api"), port: 9090, protocol: .tcp)
        #expect(verdict.ingress?.allowingRules.map(\.description) == ["a/p1 ingress[1]", "a/p2 ingress[0]"])
    }

    @Test("self traffic is flagged, and can be evaluated like any connection")
    func selfTraffic() throws {
        let verdict = try engine.verdict(from: ref("a/db"), to: ref("a/db"), port: 5432, protocol: .tcp)
        #expect(verdict.isSelfTraffic)
        #expect(verdict.allowed)
        #expect(verdict.ingress?.allowed == false)
        let strict = try ReachabilityEngine(
            model: NetworkModel(namespaces: TruthCase.namespaces, pods: TruthCase.pods,
                policies: [policy("a", "deny-all", types: [.ingress, .egress])]),
            selfTrafficAlwaysAllowed: false)
        #expect(try strict.verdict(from: ref("a/db"), to: ref("a/db"), port: 5432, protocol: .tcp).allowed == false)
        #expect(strict.matrix(port: 5432, protocol: .tcp).allows(from: ref("a/db"), to: ref("a/db")) == false)
    }

    @Test("unknown pods, bad addresses, bad selectors and bad CIDRs are errors")
    func errors() throws {
        #expect(throws: NetworkQueryError.unknownPod(ref("z/none"))) {
            try engine.verdict(from: ref("z/none"), to: ref("a/api"), port: 1, protocol: .tcp)
        }
        #expect(throws: NetworkQueryError.invalidAddress("10.0.0.0/8")) {
            try engine.verdict(from: ref("a/web"), toAddress: "10.0.0.0/8", port: 1, protocol: .tcp)
        }
        #expect(throws: NetworkQueryError.invalidAddress("nope")) {
            try engine.verdict(fromAddress: "nope", to: ref("a/web"), port: 1, protocol: .tcp)
        }
        let badSelector = policy("a", "bad", selecting: LabelSelector(matchExpressions: [.init(key: "app", operator: .in, values: [])]))
        #expect(throws: NetworkInputError.self) {
            try ReachabilityEngine(model: NetworkModel(pods: TruthCase.pods, policies: [badSelector]))
        }
        let badCIDR = policy("a", "bad-cidr", ingress: [allowFrom([block("10.0.0.0/33")])])
        #expect(throws: NetworkInputError.invalidCIDR(policy: "a/bad-cidr", cidr: "10.0.0.0/33")) {
            try ReachabilityEngine(model: NetworkModel(pods: TruthCase.pods, policies: [badCIDR]))
        }
    }
}

@Suite("Reachability matrix")
struct MatrixTests {
    @Test("a small matrix, cell by cell")
    func smallMatrix() throws {
        // ns x: front (app=front), back (app=back), other; ns y: probe.
        // back accepts only front on 8080; front may only send to back (and to y).
        let model = NetworkModel(
            namespaces: [NetworkNamespace(name: "x"), NetworkNamespace(name: "y")],
            pods: [
                NetworkPod(namespace: "x", name: "front", labels: ["app": "front"]),
                NetworkPod(namespace: "x", name: "back", labels: ["app": "back"], ports: [.init(name: "web", port: 8080)]),
                NetworkPod(namespace: "x", name: "other"),
                NetworkPod(namespace: "y", name: "probe"),
            ],
            policies: [
                policy("x", "back-in", selecting: .app("back"), ingress: [allowFrom([pods(.app("front"))], ports: [tcp("web")])]),
                policy("x", "front-out", selecting: .app("front"), types: [.egress],
                    egress: [allowTo([pods(.app("back"))]), allowTo([namespaces(.nsName("y"))])]),
            ])
        let engine = try ReachabilityEngine(model: model)
        let matrix = engine.matrix(port: 8080, protocol: .tcp)
        #expect(matrix.pods.map(\.description) == ["x/front", "x/back", "x/other", "y/probe"])
        // Rows are sources, columns destinations: front, back, other, probe.
        let expected = """
            XX.X x/front
            XXXX x/back
            X.XX x/other
            X.XX y/probe
            """
        #expect(matrix.grid == expected)
        #expect(matrix.allowedPairCount == 13)
        #expect(matrix.reachable(from: ref("x/front")).map(\.name) == ["front", "back", "probe"])
        // front -> other: ingress of other is open, egress of front denies.
        #expect(matrix.ingressAllows(from: ref("x/front"), to: ref("x/other")))
        #expect(!matrix.egressAllows(from: ref("x/front"), to: ref("x/other")))
        // On another port the named port does not resolve: back is reachable by nobody else.
        let other = engine.matrix(port: 9090, protocol: .tcp)
        #expect(other.grid == """
            X..X x/front
            XXXX x/back
            X.XX x/other
            X.XX y/probe
            """)
        #expect(other.egressAllows(from: ref("x/front"), to: ref("x/back")))
        #expect(!other.ingressAllows(from: ref("x/front"), to: ref("x/back")))
    }

    @Test("matrix agrees with single verdicts on every pair of the truth-table fixture")
    func matrixMatchesVerdicts() throws {
        let policies = [
            policy("a", "deny-all", types: [.ingress, .egress]),
            policy("a", "named", selecting: .all, ingress: [allowFrom([namespaces(.all)], ports: [tcp("http")])]),
            policy("a", "out", selecting: .app("web"), types: [.egress], egress: [allowTo(nil, ports: [tcp(8080, end: 9090)])]),
            policy("b", "b-in", selecting: .app("web"), ingress: [allowFrom([podsIn(.team("a"), .app("web"))])]),
        ]
        let engine = try ReachabilityEngine(
            model: NetworkModel(namespaces: TruthCase.namespaces, pods: TruthCase.pods, policies: policies))
        var allowedCount = 0
        for (port, proto) in [(8080, PortProtocol.tcp), (9090, .tcp), (53, .udp)] {
            let matrix = engine.matrix(port: port, protocol: proto)
            for source in engine.pods.map(\.ref) {
                for destination in engine.pods.map(\.ref) {
                    let verdict = try engine.verdict(from: source, to: destination, port: port, protocol: proto)
                    #expect(matrix.allows(from: source, to: destination) == verdict.allowed, "\(verdict)")
                    if verdict.allowed { allowedCount += 1 }
                }
            }
        }
        // Spot checks written by hand.
        let m8080 = engine.matrix(port: 8080, protocol: .tcp)
        #expect(m8080.allows(from: ref("a/web"), to: ref("b/web")))  // web egress 8080-9090; b-in allows a/web
        #expect(!m8080.allows(from: ref("a/client"), to: ref("b/web")))  // client's egress is denied
        #expect(m8080.allows(from: ref("b/client"), to: ref("a/web")))  // http=8080 on a/web, from any namespace
        #expect(!m8080.allows(from: ref("b/client"), to: ref("a/api")))  // http=9090 on a/api
        #expect(allowedCount > 0)
    }
}
