import ContainModel
import ContainNetwork
import Testing

/// Picks pod pairs to sample, the same ones on every run.
struct PairSampler {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

@Suite("Large generated cluster")
struct LargeModelTests {
    @Test("2,000 pods / 200 namespaces / 1,000 policies: matrix agrees with sampled verdicts")
    func largeMatrix() throws {
        var synthetic = SyntheticNetwork(seed: 42)
        let model = synthetic.model(namespaces: 200, pods: 2_000, policies: 1_000)
        var generator = PairSampler(seed: 7)
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
