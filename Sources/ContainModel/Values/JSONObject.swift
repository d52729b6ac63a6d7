/// A JSON object that remembers the order of its members.
///
/// Order matters to people reading manifests and to byte-identical output; it does not matter
/// to equality, which compares members as JSON does.
public struct JSONObject: Sendable, Hashable {
    /// Member names in insertion order.
    public private(set) var keys: [String]
    private var storage: [String: JSONValue]

    /// An empty object.
    public init() {
        keys = []
        storage = [:]
    }

    /// An object with these members, in this order; a repeated name keeps its last value.
    public init<S: Sequence>(_ members: S) where S.Element == (String, JSONValue) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// An object from members already known to have distinct names (readers build objects this way).
    init(uniqueKeys keys: [String], storage: [String: JSONValue]) {
        self.keys = keys
        self.storage = storage
    }

    /// Number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The member named `key`; assigning `nil` removes it, assigning a new name appends it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Whether a member with this name exists.
    public func contains(_ key: String) -> Bool { storage[key] != nil }

    /// Members in order.
    public var members: [(key: String, value: JSONValue)] {
        keys.map { ($0, storage[$0] ?? .null) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension JSONObject: Sequence {
    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            let key = keys[index]
            return (key, storage[key] ?? .null)
        }
    }
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
