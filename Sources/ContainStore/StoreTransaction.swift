import ContainModel

/// One step of an atomic multi-object write (``ObjectStore/transact(_:)``).
public enum StoreWrite: Sendable, Hashable {
    case create(ObjectKey, JSONObject)
    /// Replaces the object if its revision is `expectedRevision` (any when `nil`).
    case update(ObjectKey, JSONObject, expectedRevision: Int64?)
    case delete(ObjectKey, expectedRevision: Int64?)
    /// Writes nothing, but the transaction commits only if the key's current revision is
    /// `expectedRevision` (0: the object must not exist). Makes read-then-write decisions safe
    /// under concurrent writers (optimistic concurrency over a set of objects).
    case check(ObjectKey, expectedRevision: Int64)

    public var key: ObjectKey {
        switch self {
        case .create(let key, _), .update(let key, _, _), .delete(let key, _), .check(let key, _): key
        }
    }

    var operation: WriteOperation? {
        switch self {
        case .create(_, let object): .create(object)
        case .update(_, let object, let expected): .update(object, expectedRevision: expected)
        case .delete(_, let expected): .delete(expectedRevision: expected)
        case .check: nil
        }
    }
}

/// The outcome of ``ObjectStore/transact(_:)``: everything or nothing.
public enum TransactionResult: Sendable, Hashable {
    /// Every write applied, in order, each with its own revision; one entry per write (the
    /// written object; for a delete its last state; for a check the current object or `nil`).
    case committed([StoredObject?])
    /// Nothing was written: the write at `index` could not apply.
    case aborted(index: Int, reason: TransactionFailure)
}

/// Why a transaction aborted.
public enum TransactionFailure: Sendable, Hashable {
    case alreadyExists(StoredObject)
    /// The key's revision was not the expected one; `current` is its state (`nil` when absent).
    case conflict(current: StoredObject?)
    case notFound
}

/// The backend-independent decision of a transaction, step by step; the backend supplies each
/// key's latest row and appends the rows returned.
struct TransactionPlanner {
    private var overlay: [ObjectKey: LogRow?] = [:]
    private(set) var rows: [LogRow] = []
    private(set) var results: [StoredObject?] = []
    private(set) var next: Int64

    init(firstRevision: Int64) {
        next = firstRevision
    }

    /// Whether `key`'s latest row must still be read from the backend.
    func needsLatest(_ key: ObjectKey) -> Bool { overlay[key] == nil }

    /// Plans one write given the key's latest row (from the backend, or from earlier writes of
    /// this transaction); returns the failure that aborts the transaction, if any.
    mutating func plan(_ write: StoreWrite, latestFromBackend: LogRow?) throws -> TransactionFailure? {
        let latest: LogRow? = overlay[write.key] ?? latestFromBackend
        let live = latest.flatMap { $0.deleted ? nil : $0 }
        guard let operation = write.operation else {
            guard case .check(_, let expected) = write else { return nil }
            if (live?.id ?? 0) != expected { return .conflict(current: live?.object) }
            results.append(live?.object)
            return nil
        }
        let (row, outcome) = try WritePlanner.plan(operation, key: write.key, latest: latest, revision: next)
        switch outcome {
        case .alreadyExists(let object): return .alreadyExists(object)
        case .conflict(let object): return .conflict(current: object)
        case .notFound: return .notFound
        case .created(let object), .updated(let object), .deleted(let object): results.append(object)
        }
        if let row {
            rows.append(row)
            overlay[write.key] = .some(row)
            next += 1
        }
        return nil
    }

    /// How many revisions the transaction's writes take.
    static func revisionCount(_ writes: [StoreWrite]) -> Int64 {
        Int64(writes.filter { $0.operation != nil }.count)
    }
}
