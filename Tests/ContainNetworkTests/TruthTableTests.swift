import ContainModel
import Testing
import ContainNetwork

@Suite("NetworkPolicy truth table")
struct TruthTableTests {
    @Test("the table is large and well-formed")
    func tableShape() {
        #expect(truthTable.count >= 80)
        #expect(Set(truthTable.map(\.id)).count == truthTable.count)
        #expect(truthTable.contains { $0.expected } && truthTable.contains { !$0.expected })
        #expect(truthTable.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("each case gives the expected verdict", arguments: truthTable)
    func truth(_ item: TruthCase) throws {
        let engine = try ReachabilityEngine(model: item.model)
        let verdict: Verdict
        switch item.query {
        case .pods(let from, let to, let port, let proto):
            verdict = try engine.verdict(from: ref(from), to: ref(to), port: port, protocol: proto)
            // The matrix must agree with the single verdict.
            let matrix = engine.matrix(port: port, protocol: proto)
            #expect(matrix.allows(from: ref(from), to: ref(to)) == item.expected, "matrix: \(item)")
            #expect(matrix.egressAllows(from: ref(from), to: ref(to)) == (verdict.egress?.allowed ?? true))
            #expect(matrix.ingressAllows(from: ref(from), to: ref(to)) == (verdict.ingress?.allowed ?? true))
        case .toAddress(let from, let address, let port, let proto):
            verdict = try engine.verdict(from: ref(from), toAddress: address, port: port, protocol: proto)
            #expect(verdict.ingress == nil)
        case .fromAddress(let address, let to, let port, let proto):
            verdict = try engine.verdict(fromAddress: address, to: ref(to), port: port, protocol: proto)
            #expect(verdict.egress == nil)
        }
        #expect(verdict.allowed == item.expected, "\(item)\n\(verdict)")
        // A denial always names the side that denied it, with no allowing rule there.
        if !item.expected {
            let denying = [verdict.egress, verdict.ingress].compactMap { $0 }.filter { !$0.allowed }
            #expect(!denying.isEmpty && denying.allSatisfy { $0.isolated && $0.allowingRules.isEmpty })
        }
    }
}
