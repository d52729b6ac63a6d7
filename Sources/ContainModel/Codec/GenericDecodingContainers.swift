/// A single-value decoding container whose every `decode` goes through one generic method.
/// `Decoder` requires fourteen primitive overloads besides the generic one; this supplies them,
/// so each decoder in the module writes its logic once.
protocol GenericSingleValueDecodingContainer: SingleValueDecodingContainer {
    func decodeSingle<T: Decodable>(_ type: T.Type) throws -> T
}

extension GenericSingleValueDecodingContainer {
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeSingle(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decodeSingle(type) }
    func decode(_ type: String.Type) throws -> String { try decodeSingle(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeSingle(type) }
    func decode(_ type: Float.Type) throws -> Float { try decodeSingle(type) }
    func decode(_ type: Int.Type) throws -> Int { try decodeSingle(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeSingle(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeSingle(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeSingle(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeSingle(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeSingle(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeSingle(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeSingle(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeSingle(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeSingle(type) }
}

/// An unkeyed decoding container whose every `decode` goes through one generic method; this
/// supplies the fourteen primitive overloads `UnkeyedDecodingContainer` requires.
protocol GenericUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    mutating func decodeNext<T: Decodable>(_ type: T.Type) throws -> T
}

extension GenericUnkeyedDecodingContainer {
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
}
