import ContainModel

/// One row of the revision log, as both backends store it: every create, update and delete
/// appends one, and its `id` is the revision.
struct LogRow: Sendable, Hashable {
    var id: Int64
    var key: ObjectKey
    /// Whether this row created the object (an ADDED event).
    var created: Bool
    /// Whether this row deleted the object (a DELETED event; `value` is the last state).
    var deleted: Bool
    var createRevision: Int64
    /// The id of the key's previous row, 0 for none.
    var prevRevision: Int64
    var value: [UInt8]

    /// The stored object this row describes.
    var object: StoredObject {
        StoredObject(key: key, revision: id, createRevision: createRevision, data: value)
    }

    /// The watch event this row describes.
    var event: StoreEvent {
        StoreEvent(kind: deleted ? .deleted : (created ? .added : .modified), object: object)
    }
}

/// A write waiting to be applied.
enum WriteOperation: Sendable {
    case create(JSONObject)
    case update(JSONObject, expectedRevision: Int64?)
    case delete(expectedRevision: Int64?)
}

/// What a write did, before it is turned into the protocol's result type.
enum WriteOutcome: Sendable, Hashable {
    case created(StoredObject)
    case alreadyExists(StoredObject)
    case updated(StoredObject)
    case deleted(StoredObject)
    case conflict(StoredObject)
    case notFound

    var createResult: CreateResult {
        get throws {
            switch self {
            case .created(let object): return .created(object)
            case .alreadyExists(let object): return .alreadyExists(object)
            default: throw StoreError.backend("unexpected outcome of a create: \(self)")
            }
        }
    }

    var updateResult: UpdateResult {
        get throws {
            switch self {
            case .updated(let object): return .updated(object)
            case .conflict(let object): return .conflict(current: object)
            case .notFound: return .notFound
            default: throw StoreError.backend("unexpected outcome of an update: \(self)")
            }
        }
    }

    var deleteResult: DeleteResult {
        get throws {
            switch self {
            case .deleted(let object): return .deleted(object)
            case .conflict(let object): return .conflict(current: object)
            case .notFound: return .notFound
            default: throw StoreError.backend("unexpected outcome of a delete: \(self)")
            }
        }
    }
}

/// The backend-independent decision of a write: given the key's latest row, either a row to
/// append at `revision` or an outcome that writes nothing.
enum WritePlanner {
    /// Plans `operation` on `key`. When the result has a row, `revision` is consumed.
    static func plan(_ operation: WriteOperation, key: ObjectKey, latest: LogRow?, revision: Int64) throws
        -> (row: LogRow?, outcome: WriteOutcome)
    {
        let live = latest.flatMap { $0.deleted ? nil : $0 }
        switch operation {
        case .create(let object):
            if let live { return (nil, .alreadyExists(live.object)) }
            let row = LogRow(id: revision, key: key, created: true, deleted: false, createRevision: revision,
                             prevRevision: latest?.id ?? 0, value: ObjectJSON.encode(object, revision: revision))
            return (row, .created(row.object))
        case .update(let object, let expected):
            guard let live else { return (nil, .notFound) }
            if let expected, expected != live.id { return (nil, .conflict(live.object)) }
            let row = LogRow(id: revision, key: key, created: false, deleted: false, createRevision: live.createRevision,
                             prevRevision: live.id, value: ObjectJSON.encode(object, revision: revision))
            return (row, .updated(row.object))
        case .delete(let expected):
            guard let live else { return (nil, .notFound) }
            if let expected, expected != live.id { return (nil, .conflict(live.object)) }
            let row = LogRow(id: revision, key: key, created: false, deleted: true, createRevision: live.createRevision,
                             prevRevision: live.id, value: try ObjectJSON.restamp(live.value, revision: revision))
            return (row, .deleted(row.object))
        }
    }
}

/// Stamping `metadata.resourceVersion` into stored JSON.
enum ObjectJSON {
    /// Compact JSON of `object` with `metadata.resourceVersion` set to `revision` (as a string).
    static func encode(_ object: JSONObject, revision: Int64) -> [UInt8] {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? JSONObject()
        metadata["resourceVersion"] = .string(String(revision))
        object["metadata"] = .object(metadata)
        return Array(JSONWriter.compact(.object(object)).utf8)
    }

    /// Stored JSON re-stamped with another revision (a deletion's copy of the last state).
    static func restamp(_ data: [UInt8], revision: Int64) throws -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONReader.value(String(decoding: data, as: UTF8.self))
        } catch {
            throw StoreError.backend("stored object is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else { throw StoreError.backend("stored value is not a JSON object") }
        return encode(object, revision: revision)
    }
}
