import ContainControllers
import Foundation
import Synchronization
import Testing

@Suite("WorkQueue")
struct WorkQueueTests {
    @Test func duplicateAddsAreHandedOutOnce() async {
        let queue = WorkQueue()
        await queue.add("a")
        await queue.add("b")
        await queue.add("a")
        await queue.add("a")
        #expect(await queue.count == 2)
        #expect(await queue.next() == "a")
        #expect(await queue.next() == "b")
        #expect(await queue.count == 0)
    }

    @Test func aKeyBeingProcessedIsNotHandedOutUntilDone() async {
        let queue = WorkQueue()
        await queue.add("a")
        #expect(await queue.next() == "a")
        await queue.add("a")  // changed while being processed
        await queue.add("a")
        #expect(await queue.count == 0)
        #expect(await queue.inFlight == 1)
        await queue.done("a")
        #expect(await queue.count == 1)  // queued again, once
        #expect(await queue.next() == "a")
        await queue.done("a")
        #expect(await queue.count == 0)
    }

    @Test func perKeyBackoffDoublesFrom5msTo1000s() async {
        #expect(WorkQueueProbe.exponential(attempts: 0) == .milliseconds(5))
        #expect(WorkQueueProbe.exponential(attempts: 1) == .milliseconds(10))
        #expect(WorkQueueProbe.exponential(attempts: 4) == .milliseconds(80))
        #expect(WorkQueueProbe.exponential(attempts: 17) == .milliseconds(655_360))
        #expect(WorkQueueProbe.exponential(attempts: 18) == .seconds(1000))
        #expect(WorkQueueProbe.exponential(attempts: 500) == .seconds(1000))
    }

    @Test func rateLimitedKeysComeBackAfterTheirBackoffAndForgetResets() async throws {
        let queue = WorkQueue(limits: .init(baseDelay: .milliseconds(40), maximumDelay: .seconds(10)))
        let clock = ContinuousClock()
        await queue.addRateLimited("k")   // 40 ms
        let start = clock.now
        #expect(await queue.next() == "k")
        let first = clock.now - start
        await queue.done("k")
        #expect(first >= .milliseconds(35))
        await queue.addRateLimited("k")   // 80 ms
        let second = clock.now
        #expect(await queue.next() == "k")
        #expect(clock.now - second >= .milliseconds(75))
        await queue.done("k")
        #expect(await queue.failureCount("k") == 2)
        await queue.forget("k")
        #expect(await queue.failureCount("k") == 0)
    }

    @Test func globalBucketThrottlesAStormOfFailures() async {
        let queue = WorkQueue(limits: .init(baseDelay: .milliseconds(1), maximumDelay: .seconds(1), globalRate: 10, globalBurst: 3))
        for index in 0..<3 { await queue.addRateLimited("k\(index)") }
        let start = ContinuousClock.now
        await queue.addRateLimited("k3")  // the bucket is empty: about 1/10 s
        for _ in 0..<4 { if let key = await queue.next() { await queue.done(key) } }
        #expect(ContinuousClock.now - start >= .milliseconds(80))
    }

    @Test func shutDownReleasesWaitingWorkers() async {
        let queue = WorkQueue()
        async let waiting = queue.next()
        try? await Task.sleep(for: .milliseconds(20))
        await queue.shutDown()
        #expect(await waiting == nil)
        await queue.add("late")
        #expect(await queue.next() == nil)
    }

    @Test func workersNeverReconcileOneKeyConcurrently() async throws {
        let tracker = ConcurrencyTracker()
        let queue = WorkQueue()
        let controller = Controller(name: "test", queue: queue, reconciler: tracker, workers: 8)
        let run = Task { try await controller.run() }
        // Keep re-adding the same few keys while workers are busy with them.
        for round in 0..<200 {
            await queue.add("key-\(round % 3)")
            if round % 10 == 0 { try await Task.sleep(for: .milliseconds(1)) }
        }
        let drained = await eventually {
            let queued = await queue.count, inFlight = await queue.inFlight
            return queued == 0 && inFlight == 0
        }
        #expect(drained)
        #expect(tracker.maximumPerKey == 1)
        #expect(tracker.maximumOverall > 1)  // different keys did run in parallel
        #expect(tracker.seen == ["key-0", "key-1", "key-2"])
        run.cancel()
        _ = await run.result
    }

    @Test func failingKeysAreRetriedAndTerminalErrorsAreNot() async throws {
        let reconciler = FlakyReconciler()
        let queue = WorkQueue(limits: .init(baseDelay: .milliseconds(2)))
        let controller = Controller(name: "flaky", queue: queue, reconciler: reconciler, workers: 2)
        let run = Task { try await controller.run() }
        await queue.add("flaky")
        await queue.add("terminal")
        #expect(await eventually { reconciler.calls("flaky") == 4 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(reconciler.calls("flaky") == 4)      // succeeded on the 4th attempt, then left alone
        #expect(reconciler.calls("terminal") == 1)   // never retried
        #expect(await queue.failureCount("flaky") == 0)
        run.cancel()
        _ = await run.result
    }
}

/// Polls `check` for up to `seconds` (generous: the whole suite shares two cores, so a starved
/// task may wait long; the checks are about what happens, not how fast).
func eventually(_ seconds: Double = 60, _ check: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
    while ContinuousClock.now < deadline {
        if await check() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return false
}

enum WorkQueueProbe {
    static func exponential(attempts: Int) -> Duration {
        WorkQueue.backoff(base: .milliseconds(5), maximum: .seconds(1000), attempts: attempts)
    }
}

/// Records how many reconciles of each key run at once.
final class ConcurrencyTracker: Reconciler {
    private let state = Mutex<(running: [String: Int], maximumPerKey: Int, overall: Int, maximumOverall: Int, seen: Set<String>)>(([:], 0, 0, 0, []))

    func reconcile(_ key: String) async throws -> ReconcileResult {
        state.withLock {
            $0.running[key, default: 0] += 1
            $0.overall += 1
            $0.maximumPerKey = max($0.maximumPerKey, $0.running[key]!)
            $0.maximumOverall = max($0.maximumOverall, $0.overall)
            $0.seen.insert(key)
        }
        try await Task.sleep(for: .milliseconds(3))
        state.withLock {
            $0.running[key]! -= 1
            $0.overall -= 1
        }
        return .done
    }

    var maximumPerKey: Int { state.withLock { $0.maximumPerKey } }
    var maximumOverall: Int { state.withLock { $0.maximumOverall } }
    var seen: Set<String> { state.withLock { $0.seen } }
}

/// Fails "flaky" three times, then succeeds; "terminal" fails terminally.
final class FlakyReconciler: Reconciler {
    private let counts = Mutex<[String: Int]>([:])

    func reconcile(_ key: String) async throws -> ReconcileResult {
        let count = counts.withLock { $0[key, default: 0] += 1; return $0[key]! }
        if key == "terminal" { throw TerminalError("bad input") }
        if count < 4 { throw CancellationErrorLike() }
        return .done
    }

    func calls(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }

    struct CancellationErrorLike: Error {}
}
