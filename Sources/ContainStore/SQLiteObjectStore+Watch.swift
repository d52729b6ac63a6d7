import GRDB

extension SQLiteObjectStore {
    public func watch(_ resource: ResourceKey?, namespace: String?, after revision: Int64) async throws
        -> AsyncThrowingStream<StoreEvent, any Error>
    {
        let subscription = try await broadcaster.subscribe(resource: resource, namespace: namespace, after: revision) {
            try await self.compactedRevision()
        }
        let store = self
        return WatchCursor.stream(subscription: subscription, after: revision, batchSize: options.watchReplayBatch) {
            after, limit in
            try await store.history(resource, namespace: namespace, after: after, limit: limit)
        }
    }

    /// Logged events after `after`, oldest first; `.expired` when compaction removed some of them.
    func history(_ resource: ResourceKey?, namespace: String?, after: Int64, limit: Int) async throws -> [StoreEvent] {
        try await read { db in
            let compacted = try SQLiteSchema.compactedRevision(db)
            if after < compacted { throw StoreError.expired(requested: after, oldestAvailable: compacted) }
            // Unary + keeps SQLite on the primary key (revision order) rather than a key index.
            var sql = "SELECT \(SQLiteSchema.columns) FROM contain_log WHERE id > ?"
            var arguments: [any DatabaseValueConvertible] = [after]
            if let resource {
                sql += " AND +rgroup = ? AND +resource = ?"
                arguments += [resource.group, resource.resource]
            }
            if let namespace {
                sql += " AND +namespace = ?"
                arguments.append(namespace)
            }
            sql += " ORDER BY id LIMIT ?"
            arguments.append(limit)
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
                .map { SQLiteSchema.logRow($0).event }
        }
    }
}
