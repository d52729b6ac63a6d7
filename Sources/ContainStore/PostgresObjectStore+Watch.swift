import Logging
import PostgresNIO

extension PostgresObjectStore {
    public func watch(_ resource: ResourceKey?, namespace: String?, after revision: Int64) async throws
        -> AsyncThrowingStream<StoreEvent, any Error>
    {
        let subscription = try await broadcaster.subscribe(resource: resource, namespace: namespace, after: revision) {
            try await self.compactedRevision()
        }
        let client = self.client
        let tables = self.tables
        let logger = self.logger
        return WatchCursor.stream(subscription: subscription, after: revision, batchSize: max(1, options.watchReplayBatch)) {
            after, limit in
            try await Self.history(client, tables, resource: resource, namespace: namespace, after: after, limit: limit,
                                   checkCompaction: true, logger: logger).map(\.event)
        }
    }

    /// Logged rows after `after`, oldest first. With `checkCompaction`, throws `.expired` when
    /// compaction removed rows after `after`.
    static func history(_ client: PostgresClient, _ tables: PostgresTables, resource: ResourceKey?, namespace: String?,
                        after: Int64, limit: Int, checkCompaction: Bool, logger: Logger) async throws -> [LogRow] {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    if checkCompaction {
                        for try await compacted in try await connection.query(PostgresQuery(unsafeSQL:
                            "SELECT compacted_revision FROM \(tables.meta) WHERE id = 1"), logger: logger).decode(Int64.self)
                            where after < compacted {
                            throw StoreError.expired(requested: after, oldestAvailable: compacted)
                        }
                    }
                    var binds = PostgresBindings()
                    binds.append(after)
                    var sql = "SELECT \(PostgresTables.columns) FROM \(tables.log) WHERE id > $1"
                    if let resource {
                        binds.append(resource.group)
                        binds.append(resource.resource)
                        sql += " AND rgroup = $2 AND resource = $3"
                    }
                    if let namespace {
                        binds.append(namespace)
                        sql += " AND namespace = $\(resource == nil ? 2 : 4)"
                    }
                    binds.append(Int64(limit))
                    sql += " ORDER BY id LIMIT $\(resource == nil ? (namespace == nil ? 2 : 3) : (namespace == nil ? 4 : 5))"
                    var rows: [LogRow] = []
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
                        rows.append(try PostgresTables.logRow(row))
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return rows
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.backend("PostgreSQL: \(String(reflecting: error))")
        }
    }
}

/// Follows the log for live watchers: polls for rows after the last one seen, every interval or
/// at once when rung, and publishes them in revision order. With no watchers it only tracks the
/// current revision, so a new watcher never receives a flood of old rows.
struct PostgresPoller: Sendable {
    let client: PostgresClient
    let tables: PostgresTables
    let broadcaster: WatchBroadcaster
    let doorbell: Doorbell
    let interval: Duration
    let batch: Int
    let logger: Logger
    /// The current revision when the store opened, before any watch could subscribe.
    let initialRevision: Int64

    func run() async {
        var last = initialRevision
        while !Task.isCancelled {
            do {
                if broadcaster.subscriberCount == 0 {
                    // Read the revision first, then confirm nobody subscribed meanwhile: a watcher
                    // that subscribes after the check replays everything up to this revision
                    // itself, and polling publishes everything after it.
                    let current = try await currentRevision()
                    if broadcaster.subscriberCount == 0 { last = current }
                } else {
                    let rows = try await PostgresObjectStore.history(
                        client, tables, resource: nil, namespace: nil, after: last, limit: batch,
                        checkCompaction: false, logger: logger)
                    if let newest = rows.last?.id { last = newest }
                    broadcaster.publish(rows.map(\.event))
                    if rows.count == batch { continue }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("watch poll failed: \(String(reflecting: error))")
            }
            await doorbell.wait(upTo: interval)
        }
    }

    private func currentRevision() async throws -> Int64 {
        let rows = try await client.query(PostgresQuery(unsafeSQL:
            "SELECT current_revision FROM \(tables.meta) WHERE id = 1"), logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }
}
