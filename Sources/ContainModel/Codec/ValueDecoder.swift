/// One problem found while decoding: where, what kind, and a message a person can act on.
public struct DecodingProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case unknownField
        case missingField
        case wrongType
        case invalidValue
    }

    /// The field the problem is about.
    public var path: FieldPath
    public var kind: Kind
    public var message: String

    public init(path: FieldPath, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    public var description: String { path.components.isEmpty ? message : "\(path): \(message)" }
}

/// Decoding failed; every problem that could be found is listed, in document order.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [DecodingProblem]
    public init(problems: [DecodingProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Decodes `Decodable` types from `JSONValue`s strictly, as Kubernetes' strict field validation
/// does: a member the type does not know, a value of the wrong JSON type, or a missing required
/// member is an error naming the field path. It reports every problem it can in one pass: a bad
/// optional field is recorded and decoding goes on, so a user fixes a file in one round.
public struct ValueDecoder: Sendable {
    /// Whether members the type does not read are errors (the default) or ignored.
    public var rejectsUnknownFields: Bool

    public init(rejectsUnknownFields: Bool = true) { self.rejectsUnknownFields = rejectsUnknownFields }

    /// Decodes a value of type `T`, or throws every problem found.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(DecodingFailure) -> T {
        let session = DecodingSession()
        let decoder = ValueDecoderImpl(value: value, codingPath: [], session: session)
        let result: T
        do {
            result = try decoder.unbox(value, as: type, codingPath: [])
        } catch {
            session.record(error)
            throw DecodingFailure(problems: session.sortedProblems())
        }
        if rejectsUnknownFields { session.collectUnknownFields() }
        if !session.problems.isEmpty { throw DecodingFailure(problems: session.sortedProblems()) }
        return result
    }
}

/// State shared by every container of one decoding: which members each object had read, and
/// the problems recorded so far.
final class DecodingSession {
    final class Tracker {
        let path: FieldPath
        let object: JSONObject
        var requested: Set<String> = []
        init(path: FieldPath, object: JSONObject) {
            self.path = path
            self.object = object
        }
    }

    var trackers: [Tracker] = []
    var problems: [DecodingProblem] = []
    /// Paths whose decoding failed and was recovered from; unknown-field checks below them are
    /// skipped because their containers were left half-read.
    var failedPaths: [FieldPath] = []

    /// Records a problem; `failed` marks its path as half-read, so unknown-field checks skip it.
    func record(_ error: any Error, failed: Bool = true) {
        let problem = Self.problem(from: error)
        if !problems.contains(problem) { problems.append(problem) }
        if failed { failedPaths.append(problem.path) }
    }

    func sortedProblems() -> [DecodingProblem] {
        problems.sorted { $0.path < $1.path }
    }

    func collectUnknownFields() {
        var reported: Set<FieldPath> = []
        for tracker in trackers {
            if failedPaths.contains(where: { $0.isPrefix(of: tracker.path) }) { continue }
            for key in tracker.object.keys where !tracker.requested.contains(key) {
                let path = tracker.path.child(key)
                guard reported.insert(path).inserted else { continue }
                var message = "unknown field \"\(key)\""
                if let suggestion = Self.closest(to: key, in: tracker.requested) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                problems.append(DecodingProblem(path: path, kind: .unknownField, message: message))
            }
        }
    }

    static func problem(from error: any Error) -> DecodingProblem {
        switch error {
        case let failure as DecodingFailure:
            return failure.problems.first ?? DecodingProblem(path: .root, kind: .invalidValue, message: "\(failure)")
        case DecodingError.keyNotFound(let key, let context):
            let path = FieldPath(codingPath: context.codingPath + [key])
            return DecodingProblem(path: path, kind: .missingField, message: "Required value")
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return DecodingProblem(path: FieldPath(codingPath: context.codingPath), kind: .wrongType,
                                   message: context.debugDescription)
        case DecodingError.dataCorrupted(let context):
            return DecodingProblem(path: FieldPath(codingPath: context.codingPath), kind: .invalidValue,
                                   message: context.debugDescription)
        default:
            return DecodingProblem(path: .root, kind: .invalidValue, message: "\(error)")
        }
    }

    /// The known name nearest to a misspelt one, when it is near enough to be a likely typo.
    static func closest(to key: String, in candidates: Set<String>) -> String? {
        let lowered = key.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= max(1, min(3, key.count / 3)), distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Edit distance counting a swap of neighbouring letters as one edit (`teir` → `tier`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

/// The `Decoder` behind `ValueDecoder`.
final class ValueDecoderImpl: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let session: DecodingSession
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, codingPath: [any CodingKey], session: DecodingSession) {
        self.value = value
        self.codingPath = codingPath
        self.session = session
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): string.count > 40 ? "string" : "string \"\(string)\""
        case .integer(let integer): "integer \(integer)"
        case .double(let double): "number \(JSONWriter.formatDouble(double))"
        case .bool(let bool): "boolean \(bool)"
        case .null: "null"
        case .array: "array"
        case .object: "object"
        }
    }

    func mismatch(_ expected: String, _ value: JSONValue, codingPath: [any CodingKey]) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath,
                                      debugDescription: "expected \(expected), got \(Self.describe(value))"))
    }

    func integer<T: FixedWidthInteger>(_ value: JSONValue, as type: T.Type, codingPath: [any CodingKey]) throws -> T {
        guard case .integer(let integer) = value else { throw mismatch("integer", value, codingPath: codingPath) }
        guard let result = T(exactly: integer) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                                                    debugDescription: "integer \(integer) is out of range for \(T.self)"))
        }
        return result
    }

    func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, codingPath: [any CodingKey]) throws -> T {
        switch type {
        case is String.Type:
            guard case .string(let string) = value else { throw mismatch("string", value, codingPath: codingPath) }
            return string as! T
        case is Bool.Type:
            guard case .bool(let bool) = value else { throw mismatch("boolean", value, codingPath: codingPath) }
            return bool as! T
        case is Int.Type: return try integer(value, as: Int.self, codingPath: codingPath) as! T
        case is Int64.Type: return try integer(value, as: Int64.self, codingPath: codingPath) as! T
        case is Int32.Type: return try integer(value, as: Int32.self, codingPath: codingPath) as! T
        case is Int16.Type: return try integer(value, as: Int16.self, codingPath: codingPath) as! T
        case is Int8.Type: return try integer(value, as: Int8.self, codingPath: codingPath) as! T
        case is UInt.Type: return try integer(value, as: UInt.self, codingPath: codingPath) as! T
        case is UInt64.Type: return try integer(value, as: UInt64.self, codingPath: codingPath) as! T
        case is UInt32.Type: return try integer(value, as: UInt32.self, codingPath: codingPath) as! T
        case is UInt16.Type: return try integer(value, as: UInt16.self, codingPath: codingPath) as! T
        case is UInt8.Type: return try integer(value, as: UInt8.self, codingPath: codingPath) as! T
        case is Double.Type:
            switch value {
            case .double(let double): return double as! T
            case .integer(let integer): return Double(integer) as! T
            default: throw mismatch("number", value, codingPath: codingPath)
            }
        case is Float.Type:
            switch value {
            case .double(let double): return Float(double) as! T
            case .integer(let integer): return Float(integer) as! T
            default: throw mismatch("number", value, codingPath: codingPath)
            }
        case is JSONValue.Type:
            return value as! T
        default:
            return try T(from: ValueDecoderImpl(value: value, codingPath: codingPath, session: session))
        }
    }

    /// An empty value of `type` to stand in for a missing required member: the zero value of a
    /// scalar, or the type decoded from `{}` or `[]` (in a throwaway session, so the stand-in's
    /// own gaps are not reported). `nil` when no empty form decodes (a closed enum, say).
    func standIn<T: Decodable>(for type: T.Type, codingPath: [any CodingKey]) -> T? {
        let scratch = ValueDecoderImpl(value: .null, codingPath: codingPath, session: DecodingSession())
        for candidate: JSONValue in [.string(""), .integer(0), .bool(false), .object(JSONObject()), .array([])] {
            if let value = try? scratch.unbox(candidate, as: type, codingPath: codingPath),
                scratch.session.problems.isEmpty
            {
                return value
            }
            scratch.session.problems.removeAll()
        }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch("object", value, codingPath: codingPath) }
        let tracker = DecodingSession.Tracker(path: FieldPath(codingPath: codingPath), object: object)
        session.trackers.append(tracker)
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, object: object, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw mismatch("array", value, codingPath: codingPath) }
        return UnkeyedContainer(decoder: self, array: array)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoderImpl
        let object: JSONObject
        let tracker: DecodingSession.Tracker

        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool {
            tracker.requested.insert(key.stringValue)
            return object.contains(key.stringValue)
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            tracker.requested.insert(key.stringValue)
            return object[key.stringValue]?.isNull ?? true
        }

        private func member(_ key: Key) throws -> JSONValue {
            tracker.requested.insert(key.stringValue)
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "required field is missing"))
            }
            return value
        }

        func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            tracker.requested.insert(key.stringValue)
            guard let value = object[key.stringValue] else {
                let missing = DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "Required value"))
                // Record the missing field and go on with an empty stand-in, so the rest of the
                // object is still checked and every problem is reported in one pass.
                guard let standIn = decoder.standIn(for: type, codingPath: codingPath + [key]) else { throw missing }
                decoder.session.record(missing, failed: false)
                return standIn
            }
            do {
                return try decoder.unbox(value, as: type, codingPath: codingPath + [key])
            } catch {
                guard let standIn = decoder.standIn(for: type, codingPath: codingPath + [key]) else { throw error }
                decoder.session.record(error)
                return standIn
            }
        }

        func decodeOptional<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            tracker.requested.insert(key.stringValue)
            guard let value = object[key.stringValue], !value.isNull else { return nil }
            do {
                return try decoder.unbox(value, as: type, codingPath: codingPath + [key])
            } catch {
                decoder.session.record(error)
                return nil
            }
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decodeValue(type, forKey: key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try decodeOptional(type, forKey: key)
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, forKey: key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeOptional(type, forKey: key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeOptional(type, forKey: key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let value = try member(key)
            return try ValueDecoderImpl(value: value, codingPath: codingPath + [key], session: decoder.session)
                .container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            let value = try member(key)
            return try ValueDecoderImpl(value: value, codingPath: codingPath + [key], session: decoder.session)
                .unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            tracker.requested.insert(key.stringValue)
            return ValueDecoderImpl(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key],
                                    session: decoder.session)
        }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: ValueDecoderImpl
        let array: [JSONValue]
        var currentIndex = 0

        init(decoder: ValueDecoderImpl, array: [JSONValue]) {
            self.decoder = decoder
            self.array = array
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        private mutating func next() throws -> (JSONValue, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array has no more elements"))
            }
            defer { currentIndex += 1 }
            return (array[currentIndex], codingPath + [IndexCodingKey(currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decodeNext<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try decoder.unbox(value, as: type, codingPath: path)
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeNext(type) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeNext(type) }
        mutating func decode(_ type: String.Type) throws -> String { try decodeNext(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try decodeNext(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try decodeNext(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try decodeNext(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeNext(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeNext(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeNext(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeNext(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeNext(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeNext(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeNext(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeNext(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeNext(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let (value, path) = try next()
            return try ValueDecoderImpl(value: value, codingPath: path, session: decoder.session).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next()
            return try ValueDecoderImpl(value: value, codingPath: path, session: decoder.session).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, path) = try next()
            return ValueDecoderImpl(value: value, codingPath: path, session: decoder.session)
        }
    }

    private struct SingleContainer: SingleValueDecodingContainer {
        let decoder: ValueDecoderImpl
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.value.isNull }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try decoder.unbox(decoder.value, as: type, codingPath: codingPath)
        }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: String.Type) throws -> String { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Float.Type) throws -> Float { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.unbox(decoder.value, as: type, codingPath: codingPath) }
    }
}
