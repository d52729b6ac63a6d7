import GRDB

/// Group commit for SQLite: concurrent writes queue here and are applied together in one write
/// transaction, so 32 writers pay for one fsync instead of 32. Each write still gets its own
/// revision, in queue order; each caller resumes only after the transaction has committed, and
/// the batch's events are published to watchers, in revision order, before that.
actor SQLiteGroupCommitter {
    private struct Pending {
        var key: ObjectKey
        var operation: WriteOperation
        var continuation: CheckedContinuation<WriteOutcome, any Error>
    }

    private let pool: DatabasePool
    private let broadcaster: WatchBroadcaster
    private let maximumBatch: Int
    private var pending: [Pending] = []
    private var draining = false

    init(pool: DatabasePool, broadcaster: WatchBroadcaster, maximumBatch: Int = 512) {
        self.pool = pool
        self.broadcaster = broadcaster
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Applies one write, sharing a transaction with whatever else is queued.
    func submit(_ key: ObjectKey, _ operation: WriteOperation) async throws -> WriteOutcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(key: key, operation: operation, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let count = min(pending.count, maximumBatch)
            let batch = Array(pending.prefix(count))
            pending.removeFirst(count)
            let work = batch.map { ($0.key, $0.operation) }
            do {
                let (outcomes, events) = try await pool.write { db in
                    try Self.apply(db, work)
                }
                broadcaster.publish(events)
                for (item, outcome) in zip(batch, outcomes) { item.continuation.resume(returning: outcome) }
            } catch {
                let failure = (error as? StoreError) ?? StoreError.backend("SQLite write failed: \(error)")
                for item in batch { item.continuation.resume(throwing: failure) }
            }
        }
        draining = false
    }

    /// Runs inside the write transaction. SQLite has a single writer, so reading the highest
    /// revision and inserting explicit ids after it is race-free.
    private static func apply(_ db: Database, _ work: [(ObjectKey, WriteOperation)]) throws
        -> ([WriteOutcome], [StoreEvent])
    {
        var next = try SQLiteSchema.currentRevision(db) + 1
        var outcomes: [WriteOutcome] = []
        var events: [StoreEvent] = []
        outcomes.reserveCapacity(work.count)
        for (key, operation) in work {
            let latest = try SQLiteSchema.latest(db, key: key)
            let (row, outcome) = try WritePlanner.plan(operation, key: key, latest: latest, revision: next)
            if let row {
                try SQLiteSchema.insert(db, row)
                events.append(row.event)
                next += 1
            }
            outcomes.append(outcome)
        }
        return (outcomes, events)
    }
}
