import ContainModel
import ContainStore
import Foundation

/// An `ObjectStore` held in memory: the reference semantics for tests and `--store memory`.
/// Revisions are one global counter; a bounded change log serves watches, and watchers that
/// start below it get `StoreError.expired`.
public actor InMemoryObjectStore: ObjectStore {
    private var revision: Int64 = 0
    private var objects: [ObjectKey: StoredObject] = [:]
    private var log: [StoreEvent] = []
    private var compacted: Int64 = 0
    private var watchers: [UUID: (filter: @Sendable (StoreEvent) -> Bool, continuation: AsyncThrowingStream<StoreEvent, any Error>.Continuation)] = [:]
    /// How many events the change log keeps.
    public let logCapacity: Int

    public init(logCapacity: Int = 10_000) { self.logCapacity = logCapacity }

    public func currentRevision() -> Int64 { revision }
    public func compactedRevision() -> Int64 { compacted }
    public func get(_ key: ObjectKey) -> StoredObject? { objects[key] }

    public func list(_ request: ListRequest) throws -> ListResult {
        var start: ObjectKey?
        if let token = request.continueToken {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
                throw StoreError.invalidContinueToken(token)
            }
            let parts = text.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw StoreError.invalidContinueToken(token) }
            start = ObjectKey(resource: request.resource, namespace: parts[0], name: parts[1])
        }
        var items = objects.values.filter { object in
            object.key.resource == request.resource
                && (request.namespace.map { object.key.namespace == $0 } ?? true)
                && (request.name.map { object.key.name == $0 } ?? true)
                && (start.map { start in object.key > start } ?? true)
        }.sorted { $0.key < $1.key }
        if let filter = request.filter { items = items.filter(filter) }
        if let limit = request.limit, limit > 0, items.count > limit {
            let page = Array(items.prefix(limit))
            let last = page[page.count - 1].key
            let token = Data((last.namespace + "\u{0}" + last.name).utf8).base64EncodedString()
            return ListResult(items: page, revision: revision, continueToken: token, remainingItemCount: Int64(items.count - limit))
        }
        return ListResult(items: items, revision: revision)
    }

    private func stamp(_ object: JSONObject, _ rev: Int64) -> [UInt8] {
        var object = object
        var meta = object["metadata"]?.objectValue ?? JSONObject()
        meta["resourceVersion"] = .string(String(rev))
        object["metadata"] = .object(meta)
        return Array(JSONWriter.compact(.object(object)).utf8)
    }

    private func record(_ event: StoreEvent) {
        log.append(event)
        if log.count > logCapacity {
            let drop = log.count - logCapacity
            compacted = log[drop - 1].object.revision
            log.removeFirst(drop)
        }
        for (_, watcher) in watchers where watcher.filter(event) { watcher.continuation.yield(event) }
    }

    public func create(_ key: ObjectKey, object: JSONObject) -> CreateResult {
        if let existing = objects[key] { return .alreadyExists(existing) }
        revision += 1
        let stored = StoredObject(key: key, revision: revision, createRevision: revision, data: stamp(object, revision))
        objects[key] = stored
        record(StoreEvent(kind: .added, object: stored))
        return .created(stored)
    }

    public func update(_ key: ObjectKey, object: JSONObject, expectedRevision: Int64?) -> UpdateResult {
        guard let existing = objects[key] else { return .notFound }
        if let expectedRevision, expectedRevision != existing.revision { return .conflict(current: existing) }
        revision += 1
        let stored = StoredObject(key: key, revision: revision, createRevision: existing.createRevision, data: stamp(object, revision))
        objects[key] = stored
        record(StoreEvent(kind: .modified, object: stored))
        return .updated(stored)
    }

    public func delete(_ key: ObjectKey, expectedRevision: Int64?) -> DeleteResult {
        guard let existing = objects[key] else { return .notFound }
        if let expectedRevision, expectedRevision != existing.revision { return .conflict(current: existing) }
        revision += 1
        objects[key] = nil
        var last = existing
        last.revision = revision
        if case .object(let object)? = try? JSONReader.value(String(decoding: existing.data, as: UTF8.self)) {
            last.data = stamp(object, revision)
        }
        record(StoreEvent(kind: .deleted, object: last))
        return .deleted(last)
    }

    public func watch(_ resource: ResourceKey?, namespace: String?, after revision: Int64) throws
        -> AsyncThrowingStream<StoreEvent, any Error>
    {
        if revision < compacted { throw StoreError.expired(requested: revision, oldestAvailable: compacted) }
        let filter: @Sendable (StoreEvent) -> Bool = { event in
            (resource.map { event.object.key.resource == $0 } ?? true)
                && (namespace.map { event.object.key.namespace == $0 } ?? true)
        }
        let (stream, continuation) = AsyncThrowingStream<StoreEvent, any Error>.makeStream()
        for event in log where event.object.revision > revision && filter(event) { continuation.yield(event) }
        let id = UUID()
        watchers[id] = (filter, continuation)
        continuation.onTermination = { _ in Task { await self.removeWatcher(id) } }
        return stream
    }

    private func removeWatcher(_ id: UUID) { watchers[id] = nil }

    public func compact(keepRevisions: Int64) {
        let floor = revision - keepRevisions
        guard floor > compacted else { return }
        log.removeAll { $0.object.revision <= floor }
        compacted = floor
    }
}
