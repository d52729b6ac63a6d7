/// Why a protobuf body could not be read.
public struct ProtobufError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reads the protobuf wire format: a sequence of (field number, wire type, value). Pure; every
/// length is checked against the bytes left, so truncated or hostile input is an error, not a crash.
struct ProtobufWireReader {
    /// One field as it appears on the wire.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed32(UInt32)
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position >= bytes.endIndex }

    /// The next field, or `nil` at the end.
    mutating func next() throws(ProtobufError) -> (field: Int, value: Value)? {
        if isAtEnd { return nil }
        let tag = try varint()
        let field = Int(tag >> 3)
        guard field > 0, field < 1 << 29 else { throw ProtobufError("invalid field number \(field)") }
        switch tag & 7 {
        case 0:
            return (field, .varint(try varint()))
        case 1:
            return (field, .fixed64(try fixed(8)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.endIndex - position) else {
                throw ProtobufError("field \(field) claims \(length) bytes, only \(bytes.endIndex - position) remain")
            }
            let start = position
            position += Int(length)
            return (field, .bytes(bytes[start..<position]))
        case 5:
            return (field, .fixed32(UInt32(try fixed(4))))
        case let wireType:
            throw ProtobufError("unsupported wire type \(wireType) for field \(field)")
        }
    }

    private mutating func varint() throws(ProtobufError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex {
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 { throw ProtobufError("varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw ProtobufError("truncated varint")
    }

    private mutating func fixed(_ size: Int) throws(ProtobufError) -> UInt64 {
        guard bytes.endIndex - position >= size else { throw ProtobufError("truncated fixed-width field") }
        var result: UInt64 = 0
        for index in 0..<size { result |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += size
        return result
    }
}
