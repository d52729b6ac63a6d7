import NIOCore
import PostgresNIO

/// The qualified names of the store's PostgreSQL tables, and row decoding.
struct PostgresTables: Sendable {
    static let columns = "id, rgroup, resource, namespace, name, created, deleted, create_revision, prev_revision, value"

    let schema: String?
    let log: String
    let meta: String
    /// Index names are unqualified (they live in the table's schema) but must be unique per schema.
    let indexPrefix: String

    init(schema: String?) throws {
        if let schema {
            // Interpolated into SQL, so only plain identifiers are accepted.
            let allowed = schema.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            guard !schema.isEmpty, allowed, schema.count <= 48 else {
                throw StoreError.backend("PostgreSQL schema name must match [a-z0-9_]{1,48}: \(schema)")
            }
            log = "\(schema).contain_log"
            meta = "\(schema).contain_meta"
        } else {
            log = "contain_log"
            meta = "contain_meta"
        }
        self.schema = schema
        indexPrefix = "contain_"
    }

    static func logRow(_ row: PostgresRow) throws -> LogRow {
        let (id, group, resource, namespace, name, created, deleted, createRevision, prevRevision, value) =
            try row.decode((Int64, String, String, String, String, Bool, Bool, Int64, Int64, ByteBuffer).self)
        return LogRow(id: id, key: ObjectKey(resource: ResourceKey(group: group, resource: resource),
                                             namespace: namespace, name: name),
                      created: created, deleted: deleted, createRevision: createRevision, prevRevision: prevRevision,
                      value: Array(value.readableBytesView))
    }
}
