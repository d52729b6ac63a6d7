import ContainControllers
import ContainModel
import Foundation
import KubeClient
import Testing

@Suite("Leader election on a coordination.k8s.io Lease", .serialized)
struct LeaderElectorTests {
    static let timing = LeaderElector.Timing(leaseDuration: .seconds(3), renewDeadline: .seconds(2), retryPeriod: .milliseconds(100))

    @Test func exactlyOneReplicaLeadsAndAnotherTakesOverWhenItStops() async throws {
        let api = try await InProcessAPI.start()
        let clientA = try api.client(), clientB = try api.client()
        let a = LeaderElector(client: clientA, identity: "replica-a", timing: Self.timing)
        let b = LeaderElector(client: clientB, identity: "replica-b", timing: Self.timing)
        let runA = Task { try await a.run() }
        let runB = Task { try await b.run() }

        #expect(await eventually {
            let leadingA = await a.isLeading, leadingB = await b.isLeading
            return leadingA || leadingB
        })
        // Sample for a while: never both. (A replica starved of CPU for longer than the renew
        // deadline stops leading on its own, so a gap with no leader is allowed; two are not.)
        var both = 0
        for _ in 0..<60 {
            let leadingA = await a.isLeading, leadingB = await b.isLeading
            if leadingA && leadingB { both += 1 }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(both == 0)
        #expect(await eventually {
            let leadingA = await a.isLeading, leadingB = await b.isLeading
            return leadingA || leadingB
        })
        let (leader, leaderRun, follower) = await a.isLeading ? (a, runA, b) : (b, runB, a)
        let lease = try await clientA.get(.leases, namespace: "kube-system", name: "contain-operator")
        #expect(lease["spec"]?["holderIdentity"]?.stringValue == leader.identity)

        // The leader goes away; the follower takes the Lease within a lease duration or so.
        leaderRun.cancel()
        _ = await leaderRun.result
        #expect(await leader.isLeading == false)
        #expect(await eventually { await follower.isLeading })
        let taken = try await clientA.get(.leases, namespace: "kube-system", name: "contain-operator")
        #expect(taken["spec"]?["holderIdentity"]?.stringValue == follower.identity)
        #expect((taken["spec"]?["leaseTransitions"]?.integerValue ?? 0) >= 1)

        runA.cancel()
        runB.cancel()
        _ = await runA.result
        _ = await runB.result
        try await clientA.shutdown()
        try await clientB.shutdown()
        await api.stop()
    }

    @Test func aFreshLeaseHeldByAnotherIsRespected() async throws {
        let api = try await InProcessAPI.start()
        let client = try api.client()
        // Someone else holds the Lease and keeps renewing it.
        let other = LeaderElector(client: client, identity: "elsewhere", timing: Self.timing)
        let otherRun = Task { try await other.run() }
        #expect(await eventually { await other.isLeading })
        let candidate = LeaderElector(client: client, identity: "candidate", timing: Self.timing)
        let candidateRun = Task { try await candidate.run() }
        try await Task.sleep(for: .milliseconds(4000))  // longer than the lease duration
        #expect(await candidate.isLeading == false)
        candidateRun.cancel()
        otherRun.cancel()
        _ = await candidateRun.result
        _ = await otherRun.result
        try await client.shutdown()
        await api.stop()
    }
}
