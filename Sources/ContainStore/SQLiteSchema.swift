import Foundation
import GRDB

/// The SQLite schema, as versioned migrations, and the statements the store runs.
enum SQLiteSchema {
    static let columns = "id, rgroup, resource, namespace, name, created, deleted, create_revision, prev_revision, value"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: revision log") { db in
            // kine-style append-only log: the INTEGER PRIMARY KEY is the revision. AUTOINCREMENT
            // makes sqlite_sequence remember the highest revision ever used, even after
            // compaction deletes that row, so revisions are never reused.
            try db.execute(sql: """
                CREATE TABLE contain_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    rgroup TEXT NOT NULL,
                    resource TEXT NOT NULL,
                    namespace TEXT NOT NULL,
                    name TEXT NOT NULL,
                    created INTEGER NOT NULL,
                    deleted INTEGER NOT NULL,
                    create_revision INTEGER NOT NULL,
                    prev_revision INTEGER NOT NULL,
                    value BLOB NOT NULL
                );
                -- Two writers racing from the same revision cannot both append.
                CREATE UNIQUE INDEX contain_log_key_prev ON contain_log (rgroup, resource, namespace, name, prev_revision);
                -- Latest row per key at a revision, and lists in key order.
                CREATE INDEX contain_log_key_id ON contain_log (rgroup, resource, namespace, name, id);
                CREATE TABLE contain_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value INTEGER NOT NULL
                );
                INSERT INTO contain_meta (key, value) VALUES ('compacted_revision', 0);
                """)
        }
        return migrator
    }

    static func currentRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'contain_log'")) ?? 0
    }

    static func compactedRevision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM contain_meta WHERE key = 'compacted_revision'")) ?? 0
    }

    /// The key's newest row with `id <= revision` (any revision when `nil`), deletions included.
    static func latest(_ db: Database, key: ObjectKey, atOrBefore revision: Int64? = nil) throws -> LogRow? {
        let statement = try db.cachedStatement(sql: """
            SELECT \(columns) FROM contain_log
            WHERE rgroup = ? AND resource = ? AND namespace = ? AND name = ? AND id <= ?
            ORDER BY id DESC LIMIT 1
            """)
        let arguments: StatementArguments = [key.resource.group, key.resource.resource, key.namespace, key.name,
                                             revision ?? Int64.max]
        return try Row.fetchOne(statement, arguments: arguments).map(logRow)
    }

    static func insert(_ db: Database, _ row: LogRow) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO contain_log (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [row.id, row.key.resource.group, row.key.resource.resource, row.key.namespace,
                                          row.key.name, row.created, row.deleted, row.createRevision, row.prevRevision,
                                          Data(row.value)])
    }

    static func logRow(_ row: Row) -> LogRow {
        LogRow(id: row[0],
               key: ObjectKey(resource: ResourceKey(group: row[1], resource: row[2]), namespace: row[3], name: row[4]),
               created: row[5], deleted: row[6], createRevision: row[7], prevRevision: row[8],
               value: bytes(row, 9))
    }

    static func bytes(_ row: Row, _ index: Int) -> [UInt8] {
        (try? row.withUnsafeData(atIndex: index) { data in data.map { [UInt8]($0) } }) ?? []
    }
}
