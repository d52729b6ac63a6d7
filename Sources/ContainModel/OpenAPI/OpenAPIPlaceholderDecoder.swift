/// The decoder behind ``OpenAPIPlaceholderFactory``: an input with nothing in it.
struct OpenAPIPlaceholderDecoder: Decoder {
    let factory: OpenAPIPlaceholderFactory
    let mode: OpenAPIPlaceholderFactory.Mode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(factory: factory, mode: mode))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(factory: factory, mode: mode) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(factory: factory, mode: mode) }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let factory: OpenAPIPlaceholderFactory
        let mode: OpenAPIPlaceholderFactory.Mode
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { false }
        func decodeNil(forKey key: Key) throws -> Bool { true }
        func value<T: Decodable>(_ type: T.Type) throws -> T { try factory.make(type, mode: mode) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { nil }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { nil }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { nil }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { nil }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { nil }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { nil }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { nil }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { nil }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { nil }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { nil }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { nil }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { nil }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { nil }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { nil }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { nil }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            KeyedDecodingContainer(Keyed<NestedKey>(factory: factory, mode: mode))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(factory: factory, mode: mode)
        }

        func superDecoder() throws -> any Decoder { OpenAPIPlaceholderDecoder(factory: factory, mode: mode) }
        func superDecoder(forKey key: Key) throws -> any Decoder { OpenAPIPlaceholderDecoder(factory: factory, mode: mode) }
    }

    /// An empty array.
    private struct Unkeyed: GenericUnkeyedDecodingContainer {
        let factory: OpenAPIPlaceholderFactory
        let mode: OpenAPIPlaceholderFactory.Mode
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decodeNext<T: Decodable>(_ type: T.Type) throws -> T { throw end(type) }

        func end<T>(_ type: T.Type) -> DecodingError {
            DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "placeholder array is empty"))
        }


        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw end(type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw end(Any.self) }
        mutating func superDecoder() throws -> any Decoder { throw end(Any.self) }
    }

    private struct Single: GenericSingleValueDecodingContainer {
        let factory: OpenAPIPlaceholderFactory
        let mode: OpenAPIPlaceholderFactory.Mode
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { mode.isNil }
        func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T { try factory.make(type, mode: mode) }

    }
}
