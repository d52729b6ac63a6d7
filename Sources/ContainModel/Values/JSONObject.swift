/// A JSON object that remembers the order of its members.
///
/// Order matters to people reading manifests and to byte-identical output; it does not matter
/// to equality, which compares members as JSON does.
public struct JSONObject: Sendable, Hashable {
    /// Objects with more members than this keep an index by name; smaller ones are searched,
    /// which is faster than hashing and saves an allocation for the typical small object.
    static let indexThreshold = 8

    /// Members in insertion order.
    private var storage: [(key: String, value: JSONValue)]
    /// Position of each member by name, for large objects only.
    private var index: [String: Int]?

    /// An empty object.
    public init() {
        storage = []
        index = nil
    }

    /// An object with these members, in this order; a repeated name keeps its last value.
    public init<S: Sequence>(_ members: S) where S.Element == (String, JSONValue) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// An object from members already known to have distinct names (readers build objects this way).
    init(uniqueMembers members: [(key: String, value: JSONValue)]) {
        storage = members
        index = nil
        if members.count > Self.indexThreshold { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        var index = [String: Int](minimumCapacity: storage.count)
        for (position, member) in storage.enumerated() { index[member.key] = position }
        self.index = index
    }

    /// Member names in order.
    public var keys: [String] { storage.map(\.key) }

    /// Number of members.
    public var count: Int { storage.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { storage.isEmpty }

    /// The position of a member in order, for callers that track members by position.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Lengths first: most names a decoder asks for are absent, and a length is one load.
        let length = key.utf8.count
        return storage.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }

    /// The name at a position in order.
    public func key(at position: Int) -> String { storage[position].key }

    /// The value at a position in order.
    public func value(at position: Int) -> JSONValue { storage[position].value }

    /// The member named `key`; assigning `nil` removes it, assigning a new name appends it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { storage[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    storage[position].value = newValue
                } else {
                    storage.append((key, newValue))
                    if index != nil {
                        index?[key] = storage.count - 1
                    } else if storage.count > Self.indexThreshold {
                        rebuildIndex()
                    }
                }
            } else if let position = position(of: key) {
                storage.remove(at: position)
                if index != nil { rebuildIndex() }
            }
        }
    }

    /// Whether a member with this name exists.
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Members in order.
    public var members: [(key: String, value: JSONValue)] { storage }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.storage {
            guard let position = rhs.position(of: member.key), rhs.storage[position].value == member.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-insensitive, as equality is.
        var combined = 0
        for member in storage {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { storage.makeIterator() }
    public var underestimatedCount: Int { storage.count }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

extension JSONObject: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let valueDecoder = decoder as? ValueDecoderImpl {
            guard case .object(let object) = valueDecoder.value else {
                throw DecodingError.typeMismatch(
                    JSONObject.self,
                    .init(codingPath: decoder.codingPath,
                          debugDescription: "expected object, got \(valueDecoder.value.typeName)"))
            }
            self = object
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init()
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            self[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in self {
            try container.encode(value, forKey: AnyKey(stringValue: key))
        }
    }
}
