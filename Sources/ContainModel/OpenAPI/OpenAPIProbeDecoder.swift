/// A `Decoder` that decodes nothing: it answers a type's requests by recording them (member
/// names, whether required, requested types) and handing back placeholder values, so a type's
/// own `init(from:)` reveals its JSON shape. It never traps; a type whose `init(from:)` throws
/// anyway keeps what was recorded before the throw.
final class OpenAPIProbeDecoder: Decoder {
    let recorder: OpenAPIProbeRecorder
    let placeholders: OpenAPIPlaceholderFactory
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(recorder: OpenAPIProbeRecorder, placeholders: OpenAPIPlaceholderFactory) {
        self.recorder = recorder
        self.placeholders = placeholders
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        recorder.beginObject()
        return KeyedDecodingContainer(Keyed<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        recorder.beginArray()
        return Unkeyed(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        recorder.beginSingle()
        return Single(decoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: OpenAPIProbeDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { Key(stringValue: OpenAPIProbeRecorder.syntheticKey).map { [$0] } ?? [] }

        func contains(_ key: Key) -> Bool {
            decoder.recorder.query(key.stringValue)
            return true
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            decoder.recorder.query(key.stringValue)
            return false
        }

        func required<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            decoder.recorder.record(key.stringValue, required: true, type: .type(type))
            return try decoder.placeholders.make(type)
        }

        func optional<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
            decoder.recorder.record(key.stringValue, required: false, type: .type(type))
            return nil
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try required(type, key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { optional(type, key) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try required(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try required(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try required(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try required(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try required(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try required(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try required(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try required(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try required(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try required(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try required(type, key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { optional(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { optional(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { optional(type, key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { optional(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { optional(type, key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { optional(type, key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { optional(type, key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { optional(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { optional(type, key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { optional(type, key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { optional(type, key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { optional(type, key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { optional(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { optional(type, key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            decoder.recorder.record(key.stringValue, required: false, type: .freeForm)
            return try OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            decoder.recorder.record(key.stringValue, required: false, type: .freeForm)
            return try OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            decoder.recorder.record(key.stringValue, required: false, type: .freeForm)
            return OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty)
        }
    }

    /// Answers as an array of one element, so the element type is asked for once.
    private struct Unkeyed: GenericUnkeyedDecodingContainer {
        let decoder: OpenAPIProbeDecoder
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex >= 1 }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decodeNext<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "probe array has one element"))
            }
            currentIndex += 1
            decoder.recorder.recordElement(.type(type))
            return try decoder.placeholders.make(type)
        }


        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            currentIndex += 1
            decoder.recorder.recordElement(.freeForm)
            return try OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            decoder.recorder.recordElement(.freeForm)
            return try OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            currentIndex += 1
            decoder.recorder.recordElement(.freeForm)
            return OpenAPIPlaceholderDecoder(factory: decoder.placeholders, mode: .empty)
        }
    }

    private struct Single: GenericSingleValueDecodingContainer {
        let decoder: OpenAPIProbeDecoder
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T {
            decoder.recorder.recordSingle(type)
            return try decoder.placeholders.make(type)
        }

    }
}
