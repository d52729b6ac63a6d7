/// Encodes `Encodable` values into `JSONValue`s.
///
/// Struct members keep their declaration order and dictionaries with string keys are written
/// with sorted keys, as Go's JSON encoder does for Kubernetes objects, so the same value always
/// gives byte-identical output whatever the process's hash seed.
public struct ValueEncoder: Sendable {
    public init() {}

    /// Encodes a value into a JSON value.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try ValueEncoderImpl.box(value, codingPath: [])
    }
}

/// A dictionary whose keys are strings, which `ValueEncoder` writes in sorted key order.
protocol SortedKeysEncodable {
    func encodeSorted(codingPath: [any CodingKey]) throws -> JSONValue
}

extension Dictionary: SortedKeysEncodable where Key == String, Value: Encodable {
    func encodeSorted(codingPath: [any CodingKey]) throws -> JSONValue {
        var object = JSONObject()
        for key in keys.sorted() {
            guard let element = self[key] else { continue }
            object[key] = try ValueEncoderImpl.box(element, codingPath: codingPath + [StringCodingKey(key)])
        }
        return .object(object)
    }
}

/// A coding key made from a string.
struct StringCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// What an encoder has been given so far: nothing, a finished value, or an open container.
private enum EncodedSlot {
    case empty
    case value(JSONValue)
    case object(ObjectBox)
    case array(ArrayBox)

    func resolved() -> JSONValue {
        switch self {
        case .empty: .object(JSONObject())
        case .value(let value): value
        case .object(let box): box.resolved()
        case .array(let box): box.resolved()
        }
    }
}

private final class ObjectBox {
    var keys: [String] = []
    var slots: [String: EncodedSlot] = [:]

    func set(_ slot: EncodedSlot, for key: String) {
        if slots.updateValue(slot, forKey: key) == nil { keys.append(key) }
    }

    func resolved() -> JSONValue {
        var object = JSONObject()
        for key in keys { object[key] = slots[key]?.resolved() }
        return .object(object)
    }
}

private final class ArrayBox {
    var slots: [EncodedSlot] = []
    func resolved() -> JSONValue { .array(slots.map { $0.resolved() }) }
}

final class ValueEncoderImpl: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    fileprivate var slot: EncodedSlot = .empty

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        switch value {
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .integer(Int64(int))
        case let int as Int64: return .integer(int)
        case let int as Int32: return .integer(Int64(int))
        case let double as Double: return .double(double)
        case let json as JSONValue: return json
        case let object as JSONObject: return .object(object)
        case let dictionary as any SortedKeysEncodable: return try dictionary.encodeSorted(codingPath: codingPath)
        default:
            let encoder = ValueEncoderImpl(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.slot.resolved()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = slot {
            box = existing
        } else {
            box = ObjectBox()
            slot = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = slot {
            box = existing
        } else {
            box = ArrayBox()
            slot = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { box.set(.value(.null), for: key.stringValue) }
        mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.set(.value(try ValueEncoderImpl.box(value, codingPath: codingPath + [key])), for: key.stringValue)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeValue(value, forKey: key) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = ObjectBox()
            box.set(.object(nested), for: key.stringValue)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.set(.array(nested), for: key.stringValue)
            return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let encoder = ValueEncoderImpl(codingPath: codingPath + [key])
            let nested = ObjectBox()
            encoder.slot = .object(nested)
            box.set(.object(nested), for: key.stringValue)
            return encoder
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: ArrayBox
        let codingPath: [any CodingKey]
        var count: Int { box.slots.count }

        mutating func encodeNil() throws { box.slots.append(.value(.null)) }
        mutating func encodeValue<T: Encodable>(_ value: T) throws {
            let key = IndexCodingKey(box.slots.count)
            box.slots.append(.value(try ValueEncoderImpl.box(value, codingPath: codingPath + [key])))
        }
        mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value) }
        mutating func encode(_ value: Bool) throws { try encodeValue(value) }
        mutating func encode(_ value: String) throws { try encodeValue(value) }
        mutating func encode(_ value: Double) throws { try encodeValue(value) }
        mutating func encode(_ value: Float) throws { try encodeValue(value) }
        mutating func encode(_ value: Int) throws { try encodeValue(value) }
        mutating func encode(_ value: Int8) throws { try encodeValue(value) }
        mutating func encode(_ value: Int16) throws { try encodeValue(value) }
        mutating func encode(_ value: Int32) throws { try encodeValue(value) }
        mutating func encode(_ value: Int64) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt8) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt16) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt32) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt64) throws { try encodeValue(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let key = IndexCodingKey(box.slots.count)
            let nested = ObjectBox()
            box.slots.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let key = IndexCodingKey(box.slots.count)
            let nested = ArrayBox()
            box.slots.append(.array(nested))
            return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder {
            let key = IndexCodingKey(box.slots.count)
            let encoder = ValueEncoderImpl(codingPath: codingPath + [key])
            let nested = ObjectBox()
            encoder.slot = .object(nested)
            box.slots.append(.object(nested))
            return encoder
        }
    }

    private struct SingleContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoderImpl
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.slot = .value(.null) }
        mutating func encodeValue<T: Encodable>(_ value: T) throws {
            encoder.slot = .value(try ValueEncoderImpl.box(value, codingPath: codingPath))
        }
        mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value) }
        mutating func encode(_ value: Bool) throws { try encodeValue(value) }
        mutating func encode(_ value: String) throws { try encodeValue(value) }
        mutating func encode(_ value: Double) throws { try encodeValue(value) }
        mutating func encode(_ value: Float) throws { try encodeValue(value) }
        mutating func encode(_ value: Int) throws { try encodeValue(value) }
        mutating func encode(_ value: Int8) throws { try encodeValue(value) }
        mutating func encode(_ value: Int16) throws { try encodeValue(value) }
        mutating func encode(_ value: Int32) throws { try encodeValue(value) }
        mutating func encode(_ value: Int64) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt8) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt16) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt32) throws { try encodeValue(value) }
        mutating func encode(_ value: UInt64) throws { try encodeValue(value) }
    }
}
