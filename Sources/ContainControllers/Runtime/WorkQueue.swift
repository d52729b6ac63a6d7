import Foundation

/// A de-duplicating work queue of keys, as controller-runtime's: a key queued twice is handed
/// out once; a key being processed is never handed out again until ``done(_:)``, and if it was
/// added meanwhile it is queued again then. ``addRateLimited(_:)`` re-queues after the larger of a
/// per-key exponential backoff (``RateLimits/baseDelay`` doubling to ``RateLimits/maximumDelay``)
/// and a global token bucket, so failing keys slow down and a storm of failures is throttled.
public actor WorkQueue {
    /// The backoff and global rate limit.
    public struct RateLimits: Sendable {
        public var baseDelay: Duration
        public var maximumDelay: Duration
        /// Tokens per second of the global bucket.
        public var globalRate: Double
        public var globalBurst: Int

        /// controller-runtime's defaults: 5 ms doubling to 1000 s per key; 10/s with bursts of 100 overall.
        public init(baseDelay: Duration = .milliseconds(5), maximumDelay: Duration = .seconds(1000),
                    globalRate: Double = 10, globalBurst: Int = 100) {
            self.baseDelay = baseDelay
            self.maximumDelay = maximumDelay
            self.globalRate = globalRate
            self.globalBurst = globalBurst
        }
    }

    public let limits: RateLimits
    private var queue: [String] = []
    private var head = 0
    /// Keys waiting to be handed out (queued, or added while processing).
    private var dirty: Set<String> = []
    private var processing: Set<String> = []
    private var failures: [String: Int] = [:]
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<String?, Never>)] = []
    private var nextWaiterID: UInt64 = 0
    private var shuttingDown = false
    private var tokens: Double
    private var lastRefill: ContinuousClock.Instant
    /// The time each key's delayed add is due, so a later, sooner request wins.
    private var scheduled: [String: ContinuousClock.Instant] = [:]

    public init(limits: RateLimits = RateLimits()) {
        self.limits = limits
        self.tokens = Double(limits.globalBurst)
        self.lastRefill = .now
    }

    /// Queues `key` unless it is already waiting.
    public func add(_ key: String) {
        guard !shuttingDown, dirty.insert(key).inserted else { return }
        if processing.contains(key) { return }  // re-queued by done()
        if let index = waiters.indices.first {
            let waiter = waiters.remove(at: index)
            dirty.remove(key)
            processing.insert(key)
            waiter.continuation.resume(returning: key)
            return
        }
        queue.append(key)
    }

    /// Queues `key` after `delay` (an earlier pending request for the same key wins).
    public func add(_ key: String, after delay: Duration) {
        guard !shuttingDown else { return }
        if delay <= .zero { return add(key) }
        let due = ContinuousClock.now + delay
        if let existing = scheduled[key], existing <= due { return }
        scheduled[key] = due
        Task { [weak self] in
            try? await Task.sleep(until: due, clock: .continuous)
            await self?.fireScheduled(key, due: due)
        }
    }

    private func fireScheduled(_ key: String, due: ContinuousClock.Instant) {
        guard scheduled[key] == due else { return }
        scheduled[key] = nil
        add(key)
    }

    /// Queues `key` after its backoff: the larger of the per-key delay and the global bucket's.
    public func addRateLimited(_ key: String) {
        add(key, after: rateLimitDelay(key))
    }

    /// The delay ``addRateLimited(_:)`` would use now (and counts a failure of `key`).
    func rateLimitDelay(_ key: String) -> Duration {
        let attempts = failures[key, default: 0]
        failures[key] = attempts + 1
        let perKey = Self.backoff(base: limits.baseDelay, maximum: limits.maximumDelay, attempts: attempts)
        // Token bucket: take a token; when none is left, wait for the one we take.
        let now = ContinuousClock.now
        let elapsed = Self.seconds(now - lastRefill)
        lastRefill = now
        tokens = min(Double(limits.globalBurst), tokens + elapsed * limits.globalRate)
        tokens -= 1
        let global: Duration = tokens >= 0 ? .zero : .nanoseconds(Int64(-tokens / limits.globalRate * 1e9))
        return max(perKey, global)
    }

    /// `base · 2^attempts`, capped at `maximum`: the per-key delay after `attempts` failures.
    public static func backoff(base: Duration, maximum: Duration, attempts: Int) -> Duration {
        var delay = base
        for _ in 0..<min(attempts, 64) {
            delay = delay * 2
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Forgets the failures of `key` (after a successful reconcile), resetting its backoff.
    public func forget(_ key: String) {
        failures[key] = nil
    }

    /// How many times `key` has failed since it was last forgotten.
    public func failureCount(_ key: String) -> Int { failures[key, default: 0] }

    /// The next key to process, waiting for one; `nil` once the queue is shut down.
    public func next() async -> String? {
        if let key = popQueued() { return key }
        if shuttingDown { return nil }
        let id = nextWaiterID
        nextWaiterID += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled || shuttingDown {
                    continuation.resume(returning: nil)
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func popQueued() -> String? {
        while head < queue.count {
            let key = queue[head]
            head += 1
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            dirty.remove(key)
            processing.insert(key)
            return key
        }
        return nil
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: nil)
    }

    /// Marks `key` processed; if it was added meanwhile it is queued again.
    public func done(_ key: String) {
        processing.remove(key)
        if dirty.contains(key) {
            dirty.remove(key)
            add(key)
        }
    }

    /// Stops handing out keys: waiting and later ``next()`` calls return `nil`.
    public func shutDown() {
        shuttingDown = true
        let pending = waiters
        waiters.removeAll()
        for waiter in pending { waiter.continuation.resume(returning: nil) }
    }

    /// Keys queued and not yet handed out.
    public var count: Int { queue.count - head }

    /// Keys being processed.
    public var inFlight: Int { processing.count }
}
