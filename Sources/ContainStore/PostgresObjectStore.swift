import ContainModel
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The store on PostgreSQL: the same kine-style revision log as `SQLiteObjectStore`.
///
/// Writers serialize on a one-row counter (`UPDATE … current_revision + 1`), whose row lock is
/// held until commit, so revisions are assigned and committed in order. Watches replay from the
/// log, then follow it by polling (so several Contain instances can share one database), woken
/// at once by this process's own writes.
public final class PostgresObjectStore: ObjectStore {
    /// Tuning knobs.
    public struct Options: Sendable {
        /// A schema to hold the tables (created if missing); `nil` for the connection's default.
        public var schema: String?
        /// How many live events a watcher may fall behind before its stream ends with `.expired`.
        public var watchBufferLimit: Int
        /// How many history rows a watch replays per query.
        public var watchReplayBatch: Int
        /// How often the log is polled for other instances' writes.
        public var pollInterval: Duration
        /// The connection pool's size.
        public var maximumConnections: Int

        /// Options; the defaults suit a server.
        public init(schema: String? = nil, watchBufferLimit: Int = 10_000, watchReplayBatch: Int = 500,
                    pollInterval: Duration = .milliseconds(200), maximumConnections: Int = 20) {
            self.schema = schema
            self.watchBufferLimit = watchBufferLimit
            self.watchReplayBatch = watchReplayBatch
            self.pollInterval = pollInterval
            self.maximumConnections = maximumConnections
        }
    }

    let client: PostgresClient
    let tables: PostgresTables
    let broadcaster: WatchBroadcaster
    let options: Options
    let logger: Logger
    private let doorbell = Doorbell()
    private let runTask: Task<Void, Never>
    private let pollTask: Task<Void, Never>

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database[?sslmode=disable|require]`)
    /// and creates the schema if it is missing.
    public init(url: String, options: Options = Options(), logger: Logger = Logger(label: "contain.store.postgres")) async throws {
        var configuration = try Self.configuration(url: url)
        configuration.options.maximumConnections = max(2, options.maximumConnections)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.options = options
        self.logger = logger
        runTask = Task { await client.run() }
        do {
            tables = try PostgresTables(schema: options.schema)
            try await Self.migrate(client, tables, logger: logger)
        } catch {
            runTask.cancel()
            throw (error as? StoreError) ?? StoreError.backend("PostgreSQL: \(String(reflecting: error))")
        }
        let initialRevision: Int64
        do {
            initialRevision = try await Self.readMeta(client, tables, logger: logger).current
        } catch {
            runTask.cancel()
            throw (error as? StoreError) ?? StoreError.backend("PostgreSQL: \(String(reflecting: error))")
        }
        let broadcaster = WatchBroadcaster(capacity: options.watchBufferLimit)
        self.broadcaster = broadcaster
        let poller = PostgresPoller(client: client, tables: tables, broadcaster: broadcaster, doorbell: doorbell,
                                    interval: options.pollInterval, batch: max(1, options.watchReplayBatch), logger: logger,
                                    initialRevision: initialRevision)
        pollTask = Task { await poller.run() }
    }

    deinit {
        pollTask.cancel()
        runTask.cancel()
    }

    /// Stops polling and closes the connections. The store is unusable afterwards.
    public func shutdown() async {
        pollTask.cancel()
        await pollTask.value
        runTask.cancel()
        await runTask.value
    }

    /// Number of watch streams not yet released (for tests and metrics).
    public var activeWatchCount: Int { broadcaster.subscriberCount }

    static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty
        else { throw StoreError.backend("not a PostgreSQL URL: \(url)") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslmode {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: tls)
    }

    static func migrate(_ client: PostgresClient, _ tables: PostgresTables, logger: Logger) async throws {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                // Serialize schema creation between instances starting together.
                try await connection.query("SELECT pg_advisory_xact_lock(7243551)", logger: logger)
                if let schema = tables.schema {
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                }
                try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE TABLE IF NOT EXISTS \(tables.meta) (
                        id INT PRIMARY KEY,
                        schema_version INT NOT NULL,
                        current_revision BIGINT NOT NULL,
                        compacted_revision BIGINT NOT NULL)
                    """), logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO \(tables.meta) VALUES (1, 0, 0, 0) ON CONFLICT (id) DO NOTHING
                    """), logger: logger)
                var version: Int32 = 0
                for try await value in try await connection.query(PostgresQuery(unsafeSQL:
                    "SELECT schema_version FROM \(tables.meta) WHERE id = 1"), logger: logger).decode(Int32.self) {
                    version = value
                }
                if version < 1 {
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        CREATE TABLE \(tables.log) (
                            id BIGINT PRIMARY KEY,
                            rgroup TEXT COLLATE "C" NOT NULL,
                            resource TEXT COLLATE "C" NOT NULL,
                            namespace TEXT COLLATE "C" NOT NULL,
                            name TEXT COLLATE "C" NOT NULL,
                            created BOOLEAN NOT NULL,
                            deleted BOOLEAN NOT NULL,
                            create_revision BIGINT NOT NULL,
                            prev_revision BIGINT NOT NULL,
                            value BYTEA NOT NULL)
                        """), logger: logger)
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        CREATE UNIQUE INDEX \(tables.indexPrefix)log_key_prev ON \(tables.log)
                            (rgroup, resource, namespace, name, prev_revision)
                        """), logger: logger)
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        CREATE INDEX \(tables.indexPrefix)log_key_id ON \(tables.log) (rgroup, resource, namespace, name, id)
                        """), logger: logger)
                    try await connection.query(PostgresQuery(unsafeSQL:
                        "UPDATE \(tables.meta) SET schema_version = 1 WHERE id = 1"), logger: logger)
                }
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func currentRevision() async throws -> Int64 {
        try await backend { try await self.meta().current }
    }

    public func compactedRevision() async throws -> Int64 {
        try await backend { try await self.meta().compacted }
    }

    func meta() async throws -> (current: Int64, compacted: Int64) {
        try await Self.readMeta(client, tables, logger: logger)
    }

    static func readMeta(_ client: PostgresClient, _ tables: PostgresTables, logger: Logger) async throws
        -> (current: Int64, compacted: Int64)
    {
        let rows = try await client.query(PostgresQuery(unsafeSQL:
            "SELECT current_revision, compacted_revision FROM \(tables.meta) WHERE id = 1"), logger: logger)
        for try await (current, compacted) in rows.decode((Int64, Int64).self) { return (current, compacted) }
        throw StoreError.backend("PostgreSQL: the meta row is missing")
    }

    public func get(_ key: ObjectKey) async throws -> StoredObject? {
        try await backend {
            try await self.client.withConnection { connection in
                guard let row = try await Self.latest(connection, self.tables, key: key, logger: self.logger),
                      !row.deleted else { return nil }
                return row.object
            }
        }
    }

    static func latest(_ connection: PostgresConnection, _ tables: PostgresTables, key: ObjectKey,
                       logger: Logger) async throws -> LogRow? {
        var binds = PostgresBindings()
        binds.append(key.resource.group)
        binds.append(key.resource.resource)
        binds.append(key.namespace)
        binds.append(key.name)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT \(PostgresTables.columns) FROM \(tables.log)
            WHERE rgroup = $1 AND resource = $2 AND namespace = $3 AND name = $4 ORDER BY id DESC LIMIT 1
            """, binds: binds), logger: logger)
        for try await row in rows { return try PostgresTables.logRow(row) }
        return nil
    }

    public func create(_ key: ObjectKey, object: JSONObject) async throws -> CreateResult {
        try await write(key, .create(object)).createResult
    }

    public func update(_ key: ObjectKey, object: JSONObject, expectedRevision: Int64?) async throws -> UpdateResult {
        try await write(key, .update(object, expectedRevision: expectedRevision)).updateResult
    }

    public func delete(_ key: ObjectKey, expectedRevision: Int64?) async throws -> DeleteResult {
        try await write(key, .delete(expectedRevision: expectedRevision)).deleteResult
    }

    private func write(_ key: ObjectKey, _ operation: WriteOperation) async throws -> WriteOutcome {
        let tables = self.tables
        let logger = self.logger
        let outcome: WriteOutcome = try await backend {
            try await self.client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    // The counter row's lock serializes writers until commit: revisions are
                    // handed out, and become visible, in order.
                    var next: Int64 = 0
                    let counter = try await connection.query(PostgresQuery(unsafeSQL: """
                        UPDATE \(tables.meta) SET current_revision = current_revision + 1 WHERE id = 1
                        RETURNING current_revision
                        """), logger: logger)
                    for try await value in counter.decode(Int64.self) { next = value }
                    let latest = try await Self.latest(connection, tables, key: key, logger: logger)
                    let (row, outcome) = try WritePlanner.plan(operation, key: key, latest: latest, revision: next)
                    if let row {
                        try await connection.query(Self.insertQuery(tables, row), logger: logger)
                        try await connection.query("COMMIT", logger: logger)
                    } else {
                        // Nothing written: give the revision back.
                        try await connection.query("ROLLBACK", logger: logger)
                    }
                    return outcome
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
        if case .conflict = outcome {} else if case .notFound = outcome {} else if case .alreadyExists = outcome {} else {
            doorbell.ring()
        }
        return outcome
    }

    public func transact(_ writes: [StoreWrite]) async throws -> TransactionResult {
        if writes.isEmpty { return .committed([]) }
        let tables = self.tables
        let logger = self.logger
        let count = TransactionPlanner.revisionCount(writes)
        let result: TransactionResult = try await backend {
            try await self.client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    // Take all the transaction's revisions at once; the counter row's lock
                    // serializes writers until commit, so they stay consecutive and in order.
                    var last: Int64 = 0
                    var binds = PostgresBindings()
                    binds.append(count)
                    let counter = try await connection.query(PostgresQuery(unsafeSQL: """
                        UPDATE \(tables.meta) SET current_revision = current_revision + $1 WHERE id = 1
                        RETURNING current_revision
                        """, binds: binds), logger: logger)
                    for try await value in counter.decode(Int64.self) { last = value }
                    var planner = TransactionPlanner(firstRevision: last - count + 1)
                    for (index, write) in writes.enumerated() {
                        let latest = planner.needsLatest(write.key)
                            ? try await Self.latest(connection, tables, key: write.key, logger: logger) : nil
                        if let failure = try planner.plan(write, latestFromBackend: latest) {
                            try await connection.query("ROLLBACK", logger: logger)
                            return .aborted(index: index, reason: failure)
                        }
                    }
                    for row in planner.rows { try await connection.query(Self.insertQuery(tables, row), logger: logger) }
                    try await connection.query("COMMIT", logger: logger)
                    return .committed(planner.results)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
        if case .committed = result, count > 0 { doorbell.ring() }
        return result
    }

    static func insertQuery(_ tables: PostgresTables, _ row: LogRow) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(row.id)
        binds.append(row.key.resource.group)
        binds.append(row.key.resource.resource)
        binds.append(row.key.namespace)
        binds.append(row.key.name)
        binds.append(row.created)
        binds.append(row.deleted)
        binds.append(row.createRevision)
        binds.append(row.prevRevision)
        binds.append(ByteBuffer(bytes: row.value))
        return PostgresQuery(unsafeSQL: """
            INSERT INTO \(tables.log) (\(PostgresTables.columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, binds: binds)
    }

    public func list(_ request: ListRequest) async throws -> ListResult {
        let token = try request.continueToken.map { text throws(StoreError) in try ContinueToken(decoding: text) }
        let tables = self.tables
        let logger = self.logger
        return try await backend {
            try await self.client.withConnection { connection in
                // One snapshot for the whole page, so compaction cannot remove rows under it.
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    var meta: (Int64, Int64) = (0, 0)
                    for try await values in try await connection.query(PostgresQuery(unsafeSQL:
                        "SELECT current_revision, compacted_revision FROM \(tables.meta) WHERE id = 1"), logger: logger)
                        .decode((Int64, Int64).self) { meta = values }
                    let (current, compacted) = meta
                    let requested = token?.revision ?? request.revision ?? current
                    if requested < compacted { throw StoreError.expired(requested: requested, oldestAvailable: compacted) }
                    let result = try await Self.listPage(connection, tables, request, revision: min(requested, current),
                                                         start: token.map { ($0.namespace, $0.name) }, logger: logger)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    private static func listPage(_ connection: PostgresConnection, _ tables: PostgresTables, _ request: ListRequest,
                                 revision: Int64, start: (String, String)?, logger: Logger) async throws -> ListResult {
        var conditions = ["l.rgroup = $1", "l.resource = $2", "l.id <= $3", "NOT l.deleted"]
        var base: [String] = [request.resource.group, request.resource.resource]
        if let namespace = request.namespace {
            base.append(namespace)
            conditions.append("l.namespace = $\(base.count + 1)")
        }
        if let name = request.name {
            base.append(name)
            conditions.append("l.name = $\(base.count + 1)")
        }
        conditions.append("""
            l.id = (SELECT MAX(m.id) FROM \(tables.log) AS m WHERE m.rgroup = l.rgroup AND m.resource = l.resource
                    AND m.namespace = l.namespace AND m.name = l.name AND m.id <= $3)
            """)
        let whereClause = conditions.joined(separator: " AND ")
        let startIndex = base.count + 2
        func bindings(after: (String, String)?, limit: Int?) -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(base[0])
            binds.append(base[1])
            binds.append(revision)
            for value in base.dropFirst(2) { binds.append(value) }
            if let after {
                binds.append(after.0)
                binds.append(after.1)
            }
            if let limit { binds.append(Int64(limit)) }
            return binds
        }
        func pageSQL(after: Bool, limited: Bool) -> String {
            var sql = "SELECT l.id, l.namespace, l.name, l.create_revision, l.value FROM \(tables.log) AS l WHERE \(whereClause)"
            var next = startIndex
            if after {
                sql += " AND (l.namespace, l.name) > ($\(next), $\(next + 1))"
                next += 2
            }
            sql += " ORDER BY l.namespace, l.name"
            if limited { sql += " LIMIT $\(next)" }
            return sql
        }

        let limit = request.limit.flatMap { $0 > 0 ? $0 : nil } // 0 or less: no limit, as in Kubernetes
        let batch: Int? = request.filter == nil ? limit.map { $0 + 1 } : max((limit ?? 0) + 1, 512)
        var after = start
        var items: [StoredObject] = []
        var more = false
        scan: while true {
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: pageSQL(after: after != nil, limited: batch != nil),
                              binds: bindings(after: after, limit: batch)), logger: logger)
            var count = 0
            var page: [StoredObject] = []
            for try await (id, namespace, name, createRevision, value) in rows.decode((Int64, String, String, Int64, ByteBuffer).self) {
                count += 1
                page.append(StoredObject(key: ObjectKey(resource: request.resource, namespace: namespace, name: name),
                                         revision: id, createRevision: createRevision, data: Array(value.readableBytesView)))
            }
            for object in page {
                after = (object.key.namespace, object.key.name)
                if let filter = request.filter, !filter(object) { continue }
                if let limit, items.count == limit {
                    more = true
                    break scan
                }
                items.append(object)
            }
            guard let batch, count == batch else { break }
        }
        guard more, let last = items.last else { return ListResult(items: items, revision: revision) }
        let token = ContinueToken(revision: revision, namespace: last.key.namespace, name: last.key.name)
        var remaining: Int64?
        if request.filter == nil {
            let countSQL = "SELECT COUNT(*) FROM \(tables.log) AS l WHERE \(whereClause) AND (l.namespace, l.name) > ($\(startIndex), $\(startIndex + 1))"
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: countSQL, binds: bindings(after: (last.key.namespace, last.key.name), limit: nil)),
                logger: logger)
            for try await value in rows.decode(Int64.self) { remaining = value }
        }
        return ListResult(items: items, revision: revision, continueToken: token.encoded, remainingItemCount: remaining)
    }

    public func compact(keepRevisions: Int64) async throws {
        let tables = self.tables
        let logger = self.logger
        try await backend {
            try await self.client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    // Locking the counter row keeps writers out while history is removed.
                    var meta: (Int64, Int64) = (0, 0)
                    for try await values in try await connection.query(PostgresQuery(unsafeSQL:
                        "SELECT current_revision, compacted_revision FROM \(tables.meta) WHERE id = 1 FOR UPDATE"),
                        logger: logger).decode((Int64, Int64).self) { meta = values }
                    let target = meta.0 - max(0, keepRevisions)
                    if target > meta.1 {
                        var binds = PostgresBindings()
                        binds.append(target)
                        try await connection.query(PostgresQuery(unsafeSQL: """
                            DELETE FROM \(tables.log) WHERE id <= $1 AND (deleted OR id IN (
                                SELECT prev_revision FROM \(tables.log) WHERE id <= $1 AND prev_revision > 0))
                            """, binds: binds), logger: logger)
                        try await connection.query(PostgresQuery(unsafeSQL:
                            "UPDATE \(tables.meta) SET compacted_revision = $1 WHERE id = 1", binds: binds), logger: logger)
                    }
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// Runs `body`, reporting driver errors as `StoreError.backend`.
    func backend<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.backend("PostgreSQL: \(String(reflecting: error))")
        }
    }
}
