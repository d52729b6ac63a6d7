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
        let session = DecodingSession(tracksUnreadMembers: rejectsUnknownFields)
        let root = ValueDecoderImpl(value: value, parent: nil, key: nil, session: session)
        let result: T
        do {
            result = try root.unbox(value, as: type, parent: nil, key: nil)
        } catch {
            session.record(error)
            throw DecodingFailure(problems: session.sortedProblems())
        }
        if rejectsUnknownFields { session.collectUnknownFields() }
        if !session.problems.isEmpty { throw DecodingFailure(problems: session.sortedProblems()) }
        return result
    }
}

/// State shared by every container of one decoding: the objects read through keyed
/// containers (to find members nobody asked for) and the problems recorded so far.
final class DecodingSession {
    /// Whether objects remember which members were read (only needed to report unknown ones).
    let tracksUnreadMembers: Bool
    var objectDecoders: [ValueDecoderImpl] = []
    var problems: [DecodingProblem] = []
    /// Paths whose decoding failed and was recovered from; unknown-field checks below them are
    /// skipped because their containers were left half-read.
    var failedPaths: [FieldPath] = []

    init(tracksUnreadMembers: Bool = true) { self.tracksUnreadMembers = tracksUnreadMembers }

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
        for decoder in objectDecoders {
            guard case .object(let object) = decoder.value else { continue }
            let unread = (0..<object.count).filter { !decoder.wasAccessed($0) }
            if unread.isEmpty { continue }
            let path = FieldPath(codingPath: decoder.codingPath)
            if failedPaths.contains(where: { $0.isPrefix(of: path) }) { continue }
            let requested = decoder.requestedNames()
            for index in unread {
                let key = object.key(at: index)
                let memberPath = path.child(key)
                guard reported.insert(memberPath).inserted else { continue }
                var message = "unknown field \"\(key)\""
                if let suggestion = Self.closest(to: key, in: requested) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                problems.append(DecodingProblem(path: memberPath, kind: .unknownField, message: message))
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

/// The `Decoder` behind `ValueDecoder`: one per decoded value. Its coding path is kept as a
/// link to its parent and built only when asked for (errors), so decoding allocates little.
final class ValueDecoderImpl: Decoder {
    let value: JSONValue
    let parent: ValueDecoderImpl?
    let key: (any CodingKey)?
    let session: DecodingSession
    /// For an object read through keyed containers: which members were read, by position (a
    /// bit mask for the first 64 members, a list past that).
    private var accessedMask: UInt64 = 0
    private var accessedBeyondMask: [Bool] = []
    private var isTracked = false
    /// The type this decoder was made for, so a suggestion pass can decode it again.
    var decodedType: (any Decodable.Type)?
    /// Whether names asked for but absent are recorded (only in a suggestion pass).
    var recordsAbsentNames = false
    /// Names asked for that the object does not have.
    var absentRequested: [String] = []

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, parent: ValueDecoderImpl?, key: (any CodingKey)?, session: DecodingSession) {
        self.value = value
        self.parent = parent
        self.key = key
        self.session = session
    }

    /// Marks the member at `position` as read.
    func markAccessed(_ position: Int) {
        if position < 64 {
            accessedMask |= 1 << UInt64(position)
        } else {
            if accessedBeyondMask.isEmpty, case .object(let object) = value {
                accessedBeyondMask = [Bool](repeating: false, count: max(0, object.count - 64))
            }
            accessedBeyondMask[position - 64] = true
        }
    }

    /// Whether the member at `position` was read.
    func wasAccessed(_ position: Int) -> Bool {
        if position < 64 { return accessedMask & (1 << UInt64(position)) != 0 }
        return position - 64 < accessedBeyondMask.count && accessedBeyondMask[position - 64]
    }

    /// Every member name the type asks for, found by decoding the object again with absent
    /// names recorded. Only run when an object has unknown members, to suggest the nearest name.
    func requestedNames() -> Set<String> {
        guard case .object(let object) = value else { return [] }
        var names = Set((0..<object.count).filter(wasAccessed).map(object.key(at:)))
        guard let decodedType else { return names }
        let probe = ValueDecoderImpl(value: value, parent: nil, key: nil, session: DecodingSession())
        probe.recordsAbsentNames = true
        _ = try? decodedType.init(from: probe)
        names.formUnion(probe.absentRequested)
        return names
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: ValueDecoderImpl? = self
        while let current = node {
            if let key = current.key { keys.append(key) }
            node = current.parent
        }
        return keys.reversed()
    }

    /// The coding path of a child of `parent` under `key`.
    static func path(_ parent: ValueDecoderImpl?, _ key: (any CodingKey)?) -> [any CodingKey] {
        var path = parent?.codingPath ?? []
        if let key { path.append(key) }
        return path
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

    static func mismatch(_ expected: String, _ value: JSONValue, _ parent: ValueDecoderImpl?, _ key: (any CodingKey)?) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path(parent, key),
                                      debugDescription: "expected \(expected), got \(describe(value))"))
    }

    func integer<T: FixedWidthInteger>(_ value: JSONValue, as type: T.Type, parent: ValueDecoderImpl?,
                                       key: (any CodingKey)?) throws -> T {
        guard case .integer(let integer) = value else { throw Self.mismatch("integer", value, parent, key) }
        guard let result = T(exactly: integer) else {
            throw DecodingError.dataCorrupted(.init(codingPath: Self.path(parent, key),
                                                    debugDescription: "integer \(integer) is out of range for \(T.self)"))
        }
        return result
    }

    /// Decodes `value` as `T`, as the child of `parent` under `key`.
    func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, parent: ValueDecoderImpl?, key: (any CodingKey)?) throws -> T {
        if type == String.self {
            guard case .string(let string) = value else { throw Self.mismatch("string", value, parent, key) }
            return string as! T
        }
        if type == Int.self { return try integer(value, as: Int.self, parent: parent, key: key) as! T }
        if type == Bool.self {
            guard case .bool(let bool) = value else { throw Self.mismatch("boolean", value, parent, key) }
            return bool as! T
        }
        if type == JSONValue.self { return value as! T }
        if type == Int64.self { return try integer(value, as: Int64.self, parent: parent, key: key) as! T }
        if type == Double.self {
            switch value {
            case .double(let double): return double as! T
            case .integer(let integer): return Double(integer) as! T
            default: throw Self.mismatch("number", value, parent, key)
            }
        }
        if type == Int32.self { return try integer(value, as: Int32.self, parent: parent, key: key) as! T }
        if type == Int16.self { return try integer(value, as: Int16.self, parent: parent, key: key) as! T }
        if type == Int8.self { return try integer(value, as: Int8.self, parent: parent, key: key) as! T }
        if type == UInt.self { return try integer(value, as: UInt.self, parent: parent, key: key) as! T }
        if type == UInt64.self { return try integer(value, as: UInt64.self, parent: parent, key: key) as! T }
        if type == UInt32.self { return try integer(value, as: UInt32.self, parent: parent, key: key) as! T }
        if type == UInt16.self { return try integer(value, as: UInt16.self, parent: parent, key: key) as! T }
        if type == UInt8.self { return try integer(value, as: UInt8.self, parent: parent, key: key) as! T }
        if type == Float.self {
            switch value {
            case .double(let double): return Float(double) as! T
            case .integer(let integer): return Float(integer) as! T
            default: throw Self.mismatch("number", value, parent, key)
            }
        }
        let decoder = ValueDecoderImpl(value: value, parent: parent, key: key, session: session)
        decoder.decodedType = type
        // Maps with string keys (labels, annotations, resource lists) are read member by member,
        // without the keyed container the standard library's Dictionary decoding goes through.
        if case .object(let object) = value, let map = type as? any StringKeyedMap.Type {
            return try map.decodeMembers(of: object, with: decoder) as! T
        }
        return try T(from: decoder)
    }

    /// An empty value of `type` to stand in for a missing required member: the zero value of a
    /// scalar, or the type decoded from `{}` or `[]` (in a throwaway session, so the stand-in's
    /// own gaps are not reported). `nil` when no empty form decodes (a closed enum, say).
    func standIn<T: Decodable>(for type: T.Type) -> T? {
        let scratch = ValueDecoderImpl(value: .null, parent: nil, key: nil, session: DecodingSession())
        for candidate: JSONValue in [.string(""), .integer(0), .bool(false), .object(JSONObject()), .array([])] {
            if let value = try? scratch.unbox(candidate, as: type, parent: nil, key: nil),
                scratch.session.problems.isEmpty
            {
                return value
            }
            scratch.session.problems.removeAll()
        }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw Self.mismatch("object", value, parent, key) }
        if !isTracked && session.tracksUnreadMembers {
            isTracked = true
            session.objectDecoders.append(self)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw Self.mismatch("array", value, parent, key) }
        return UnkeyedContainer(decoder: self, array: array)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoderImpl
        let object: JSONObject

        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        /// The member's value, marking it read; `nil` (and remembered as asked for) when absent.
        private func lookup(_ key: Key) -> JSONValue? {
            guard let position = object.position(of: key.stringValue) else {
                if decoder.recordsAbsentNames { decoder.absentRequested.append(key.stringValue) }
                return nil
            }
            if decoder.session.tracksUnreadMembers { decoder.markAccessed(position) }
            return object.value(at: position)
        }

        func contains(_ key: Key) -> Bool { lookup(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool { lookup(key)?.isNull ?? true }

        private func member(_ key: Key) throws -> JSONValue {
            guard let value = lookup(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "Required value"))
            }
            return value
        }

        func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = lookup(key) else {
                let missing = DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "Required value"))
                // Record the missing field and go on with an empty stand-in, so the rest of the
                // object is still checked and every problem is reported in one pass.
                guard let standIn = decoder.standIn(for: type) else { throw missing }
                decoder.session.record(missing, failed: false)
                return standIn
            }
            do {
                return try decoder.unbox(value, as: type, parent: decoder, key: key)
            } catch {
                guard let standIn = decoder.standIn(for: type) else { throw error }
                decoder.session.record(error)
                return standIn
            }
        }

        func decodeOptional<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = lookup(key), !value.isNull else { return nil }
            do {
                return try decoder.unbox(value, as: type, parent: decoder, key: key)
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
            return try ValueDecoderImpl(value: value, parent: decoder, key: key, session: decoder.session)
                .container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            let value = try member(key)
            return try ValueDecoderImpl(value: value, parent: decoder, key: key, session: decoder.session)
                .unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            ValueDecoderImpl(value: lookup(key) ?? .null, parent: decoder, key: key, session: decoder.session)
        }
    }

    private struct UnkeyedContainer: GenericUnkeyedDecodingContainer {
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

        private mutating func next() throws -> (JSONValue, IndexCodingKey) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array has no more elements"))
            }
            defer { currentIndex += 1 }
            return (array[currentIndex], IndexCodingKey(currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decodeNext<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, key) = try next()
            return try decoder.unbox(value, as: type, parent: decoder, key: key)
        }


        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let (value, key) = try next()
            return try ValueDecoderImpl(value: value, parent: decoder, key: key, session: decoder.session)
                .container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, key) = try next()
            return try ValueDecoderImpl(value: value, parent: decoder, key: key, session: decoder.session)
                .unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, key) = try next()
            return ValueDecoderImpl(value: value, parent: decoder, key: key, session: decoder.session)
        }
    }

    private struct SingleContainer: GenericSingleValueDecodingContainer {
        let decoder: ValueDecoderImpl
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.value.isNull }
        func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T {
            try decoder.unbox(decoder.value, as: type, parent: decoder.parent, key: decoder.key)
        }
    }
}

/// Dictionaries keyed by strings, which `ValueDecoder` fills straight from a JSON object's members.
protocol StringKeyedMap {
    static func decodeMembers(of object: JSONObject, with decoder: ValueDecoderImpl) throws -> Self
}

extension Dictionary: StringKeyedMap where Key == String, Value: Decodable {
    static func decodeMembers(of object: JSONObject, with decoder: ValueDecoderImpl) throws -> Self {
        var result = Self(minimumCapacity: object.count)
        for position in 0..<object.count {
            let name = object.key(at: position)
            result[name] = try decoder.unbox(object.value(at: position), as: Value.self, parent: decoder, key: StringCodingKey(name))
        }
        return result
    }
}
