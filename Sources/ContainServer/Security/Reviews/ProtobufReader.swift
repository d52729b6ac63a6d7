/// A reader of the protobuf wire format (varints, length-delimited fields, fixed 32/64-bit),
/// enough to decode Kubernetes' protobuf request bodies by hand. Every read is bounds-checked:
/// bad input throws, never traps.
public struct ProtobufReader: Sendable {
    /// A wire-format problem.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// One field: its number and value.
    public enum Field: Sendable {
        case varint(Int, UInt64)
        case bytes(Int, ArraySlice<UInt8>)
        case fixed(Int)

        public var number: Int {
            switch self {
            case .varint(let number, _), .bytes(let number, _), .fixed(let number): number
            }
        }
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    public var isAtEnd: Bool { index >= bytes.endIndex }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < bytes.endIndex else { throw Problem(description: "truncated varint") }
            let byte = bytes[index]
            index += 1
            guard shift < 64 else { throw Problem(description: "varint longer than 10 bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// The next field, or nil at the end.
    public mutating func next() throws -> Field? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 && number < (1 << 29) else { throw Problem(description: "invalid field number \(key >> 3)") }
        switch key & 7 {
        case 0:
            return .varint(number, try varint())
        case 1:
            guard bytes.endIndex - index >= 8 else { throw Problem(description: "truncated fixed64") }
            index += 8
            return .fixed(number)
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.endIndex - index) else { throw Problem(description: "field \(number) length \(length) runs past the end") }
            let start = index
            index += Int(length)
            return .bytes(number, bytes[start..<index])
        case 5:
            guard bytes.endIndex - index >= 4 else { throw Problem(description: "truncated fixed32") }
            index += 4
            return .fixed(number)
        default:
            throw Problem(description: "unsupported wire type \(key & 7)")
        }
    }

    /// Reads every field of a message, calling `body` for each.
    public static func fields(_ bytes: ArraySlice<UInt8>, _ body: (Field) throws -> Void) throws {
        var reader = ProtobufReader(bytes)
        while let field = try reader.next() { try body(field) }
    }

    /// A length-delimited field as UTF-8 text.
    public static func string(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Problem(description: "a string field is not UTF-8") }
        return text
    }
}
