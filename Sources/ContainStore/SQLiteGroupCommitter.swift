import GRDB

/// Group commit for SQLite: concurrent writes queue here and are applied together in one write
/// transaction, so 32 writers pay for one fsync instead of 32. Each write still gets its own
/// revision, in queue order; each caller resumes only after the transaction has committed, and
/// the batch's events are published to watchers, in revision order, before that.
actor SQLiteGroupCommitter {
    /// A queued write: one object, or a multi-object transaction (applied in a savepoint).
    private enum Work: Sendable {
        case single(ObjectKey, WriteOperation)
        case transaction([StoreWrite])
    }

    private enum Outcome: Sendable {
        case single(WriteOutcome)
        case transaction(TransactionResult)
    }

    private struct Pending {
        var work: Work
        var continuation: CheckedContinuation<Outcome, any Error>
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
        guard case .single(let outcome) = try await enqueue(.single(key, operation)) else {
            throw StoreError.backend("unexpected outcome of a write")
        }
        return outcome
    }

    /// Applies a transaction atomically, sharing the enclosing transaction with other writes.
    func submit(transaction writes: [StoreWrite]) async throws -> TransactionResult {
        guard case .transaction(let result) = try await enqueue(.transaction(writes)) else {
            throw StoreError.backend("unexpected outcome of a transaction")
        }
        return result
    }

    private func enqueue(_ work: Work) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(work: work, continuation: continuation))
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
            let work = batch.map(\.work)
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
    private static func apply(_ db: Database, _ work: [Work]) throws -> ([Outcome], [StoreEvent]) {
        var next = try SQLiteSchema.currentRevision(db) + 1
        var outcomes: [Outcome] = []
        var events: [StoreEvent] = []
        outcomes.reserveCapacity(work.count)
        for item in work {
            switch item {
            case .single(let key, let operation):
                let latest = try SQLiteSchema.latest(db, key: key)
                let (row, outcome) = try WritePlanner.plan(operation, key: key, latest: latest, revision: next)
                if let row {
                    try SQLiteSchema.insert(db, row)
                    events.append(row.event)
                    next += 1
                }
                outcomes.append(.single(outcome))
            case .transaction(let writes):
                var planner = TransactionPlanner(firstRevision: next)
                var result = TransactionResult.committed([])
                for (index, write) in writes.enumerated() {
                    let latest = planner.needsLatest(write.key) ? try SQLiteSchema.latest(db, key: write.key) : nil
                    if let failure = try planner.plan(write, latestFromBackend: latest) {
                        result = .aborted(index: index, reason: failure)
                        break
                    }
                }
                if case .committed = result {
                    // Nothing is inserted before every step has been planned, so an abort writes nothing.
                    for row in planner.rows { try SQLiteSchema.insert(db, row) }
                    events += planner.rows.map(\.event)
                    next = planner.next
                    result = .committed(planner.results)
                }
                outcomes.append(.transaction(result))
            }
        }
        return (outcomes, events)
    }
}
