import ContainModel
import Foundation
import GRDB

/// The embedded store: a kine-style revision log in one SQLite file (WAL mode, GRDB
/// `DatabasePool`, so reads run concurrently with the single writer).
///
/// Writes are group-committed with `synchronous = FULL`: a result is returned only after the
/// transaction that holds it is durable, so an acknowledged write survives `kill -9` and power loss.
public final class SQLiteObjectStore: ObjectStore {
    /// Tuning knobs.
    public struct Options: Sendable {
        /// How many live events a watcher may fall behind before its stream ends with `.expired`.
        public var watchBufferLimit: Int
        /// How many history rows a watch replays per read.
        public var watchReplayBatch: Int
        /// The most writes committed in one transaction.
        public var maximumWriteBatch: Int

        /// Options; the defaults suit a server.
        public init(watchBufferLimit: Int = 10_000, watchReplayBatch: Int = 500, maximumWriteBatch: Int = 512) {
            self.watchBufferLimit = watchBufferLimit
            self.watchReplayBatch = watchReplayBatch
            self.maximumWriteBatch = maximumWriteBatch
        }
    }

    let pool: DatabasePool
    let broadcaster: WatchBroadcaster
    let options: Options
    private let committer: SQLiteGroupCommitter

    /// Opens (creating if needed) the database at `path`, e.g. `DIR/contain.db`, and migrates its schema.
    public init(path: String, options: Options = Options()) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // FULL: the WAL is fsynced at every commit, so acknowledged writes are durable.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB switches its writer connection to synchronous = NORMAL after enabling WAL
            // (after prepareDatabase runs), so set FULL again on the pool's one, long-lived writer.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StoreError.backend("cannot open SQLite database at \(path): \(error)")
        }
        self.options = options
        broadcaster = WatchBroadcaster(capacity: options.watchBufferLimit)
        committer = SQLiteGroupCommitter(pool: pool, broadcaster: broadcaster, maximumBatch: options.maximumWriteBatch)
    }

    /// Number of watch streams not yet released (for tests and metrics).
    public var activeWatchCount: Int { broadcaster.subscriberCount }

    public func currentRevision() async throws -> Int64 {
        try await read { db in try SQLiteSchema.currentRevision(db) }
    }

    public func compactedRevision() async throws -> Int64 {
        try await read { db in try SQLiteSchema.compactedRevision(db) }
    }

    public func get(_ key: ObjectKey) async throws -> StoredObject? {
        try await read { db in
            guard let row = try SQLiteSchema.latest(db, key: key), !row.deleted else { return nil }
            return row.object
        }
    }

    public func create(_ key: ObjectKey, object: JSONObject) async throws -> CreateResult {
        try await committer.submit(key, .create(object)).createResult
    }

    public func update(_ key: ObjectKey, object: JSONObject, expectedRevision: Int64?) async throws -> UpdateResult {
        try await committer.submit(key, .update(object, expectedRevision: expectedRevision)).updateResult
    }

    public func delete(_ key: ObjectKey, expectedRevision: Int64?) async throws -> DeleteResult {
        try await committer.submit(key, .delete(expectedRevision: expectedRevision)).deleteResult
    }

    public func transact(_ writes: [StoreWrite]) async throws -> TransactionResult {
        if writes.isEmpty { return .committed([]) }
        return try await committer.submit(transaction: writes)
    }

    public func list(_ request: ListRequest) async throws -> ListResult {
        let token = try request.continueToken.map { text throws(StoreError) in try ContinueToken(decoding: text) }
        return try await read { db in
            let current = try SQLiteSchema.currentRevision(db)
            let compacted = try SQLiteSchema.compactedRevision(db)
            let revision = min(token?.revision ?? request.revision ?? current, current)
            let requested = token?.revision ?? request.revision ?? current
            if requested < compacted { throw StoreError.expired(requested: requested, oldestAvailable: compacted) }
            return try Self.listPage(db, request, revision: revision, start: token.map { ($0.namespace, $0.name) })
        }
    }

    /// One page at `revision`, starting after `start`. Runs in one read transaction, so
    /// compaction cannot remove rows under it.
    private static func listPage(_ db: Database, _ request: ListRequest, revision: Int64,
                                 start: (String, String)?) throws -> ListResult
    {
        var conditions = ["l.rgroup = ?", "l.resource = ?", "l.id <= ?"]
        var baseArguments: [any DatabaseValueConvertible] = [request.resource.group, request.resource.resource, revision]
        if let namespace = request.namespace {
            conditions.append("l.namespace = ?")
            baseArguments.append(namespace)
        }
        if let name = request.name {
            conditions.append("l.name = ?")
            baseArguments.append(name)
        }
        conditions.append("l.deleted = 0")
        conditions.append("""
            l.id = (SELECT MAX(m.id) FROM contain_log AS m WHERE m.rgroup = l.rgroup AND m.resource = l.resource
                    AND m.namespace = l.namespace AND m.name = l.name AND m.id <= ?)
            """)
        baseArguments.append(revision)
        let whereClause = conditions.joined(separator: " AND ")
        let selectSQL = "SELECT l.id, l.namespace, l.name, l.create_revision, l.value FROM contain_log AS l"
        let firstStatement = try db.cachedStatement(sql: """
            \(selectSQL) WHERE \(whereClause) ORDER BY l.namespace, l.name LIMIT ?
            """)
        let nextStatement = try db.cachedStatement(sql: """
            \(selectSQL) WHERE \(whereClause) AND (l.namespace, l.name) > (?, ?) ORDER BY l.namespace, l.name LIMIT ?
            """)
        let limit = request.limit.flatMap { $0 > 0 ? $0 : nil } // 0 or less: no limit, as in Kubernetes
        // Without a filter one query fetches the page plus one row to learn whether more follow;
        // with a filter, rows are scanned in batches until the page is full.
        let batch = request.filter == nil ? (limit.map { $0 + 1 } ?? Int.max) : max((limit ?? 0) + 1, 512)
        var after = start ?? ("", "")
        var scanStarted = start != nil
        var items: [StoredObject] = []
        var more = false
        scan: while true {
            var arguments = baseArguments
            if scanStarted {
                arguments.append(after.0)
                arguments.append(after.1)
            }
            arguments.append(batch == Int.max ? -1 : batch)
            let rows = try Row.fetchAll(scanStarted ? nextStatement : firstStatement,
                                        arguments: StatementArguments(arguments))
            for row in rows {
                let namespace: String = row[1]
                let name: String = row[2]
                after = (namespace, name)
                scanStarted = true
                let object = StoredObject(
                    key: ObjectKey(resource: request.resource, namespace: namespace, name: name),
                    revision: row[0], createRevision: row[3], data: SQLiteSchema.bytes(row, 4))
                if let filter = request.filter, !filter(object) { continue }
                if let limit, items.count == limit {
                    more = true
                    break scan
                }
                items.append(object)
            }
            if rows.count < batch { break }
        }
        guard more, let last = items.last else { return ListResult(items: items, revision: revision) }
        let token = ContinueToken(revision: revision, namespace: last.key.namespace, name: last.key.name)
        var remaining: Int64?
        if request.filter == nil {
            let countSQL = "SELECT COUNT(*) FROM contain_log AS l WHERE \(whereClause) AND (l.namespace, l.name) > (?, ?)"
            remaining = try Int64.fetchOne(db.cachedStatement(sql: countSQL),
                                           arguments: StatementArguments(baseArguments + [last.key.namespace, last.key.name]))
        }
        return ListResult(items: items, revision: revision, continueToken: token.encoded, remainingItemCount: remaining)
    }

    public func compact(keepRevisions: Int64) async throws {
        do {
            try await pool.write { db in
                let current = try SQLiteSchema.currentRevision(db)
                let compacted = try SQLiteSchema.compactedRevision(db)
                let target = current - max(0, keepRevisions)
                guard target > compacted else { return }
                // Superseded rows (some row at or below the target names them as its previous
                // revision) and deletion markers at or below the target are no longer needed by
                // any read at a revision >= target.
                try db.execute(sql: """
                    DELETE FROM contain_log WHERE id <= ?1 AND (deleted = 1 OR id IN (
                        SELECT prev_revision FROM contain_log WHERE id <= ?1 AND prev_revision > 0))
                    """, arguments: [target])
                try db.execute(sql: "UPDATE contain_meta SET value = ? WHERE key = 'compacted_revision'",
                               arguments: [target])
            }
        } catch {
            throw StoreError.backend("SQLite compaction failed: \(error)")
        }
    }

    /// A read transaction, with GRDB errors reported as `StoreError.backend`.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.backend("SQLite read failed: \(error)")
        }
    }
}
