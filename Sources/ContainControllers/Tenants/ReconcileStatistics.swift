import Synchronization

/// Counters of a reconciler's work, for benchmarks and logs.
public final class ReconcileStatistics: Sendable {
    private let counters = Mutex<(reconciles: Int, writes: Int, failures: Int)>((0, 0, 0))

    public init() {}

    func record(writes: Int, failed: Bool) {
        counters.withLock {
            $0.reconciles += 1
            $0.writes += writes
            if failed { $0.failures += 1 }
        }
    }

    /// Reconciles run (of any key).
    public var reconciles: Int { counters.withLock { $0.reconciles } }
    /// Objects written (applied, created or deleted).
    public var writes: Int { counters.withLock { $0.writes } }
    /// Reconciles that failed and were retried.
    public var failures: Int { counters.withLock { $0.failures } }
}
