import Foundation

/// How one Kubernetes protobuf message maps to its JSON form: field number → JSON name and type,
/// as the upstream `generated.proto` files declare them.
public struct ProtobufMessage: Sendable {
    /// The type of one field.
    public indirect enum FieldType: Sendable {
        case string
        /// Bytes, written to JSON as base64 (as Go's `[]byte`).
        case bytes
        case int64
        case int32
        case bool
        case message(ProtobufMessage)
        /// `map<string, V>` (repeated key/value entries).
        case map(FieldType)
        /// `metav1.Time` → RFC 3339 text.
        case time
        /// `resource.Quantity` → its string.
        case quantity
        /// `intstr.IntOrString` → a number or a string.
        case intOrString
    }

    /// One field.
    public struct Field: Sendable {
        public var name: String
        public var type: FieldType
        public var repeated: Bool

        public init(_ name: String, _ type: FieldType, repeated: Bool = false) {
            self.name = name
            self.type = type
            self.repeated = repeated
        }
    }

    public var fields: [Int: Field]

    public init(_ fields: [Int: Field]) { self.fields = fields }

    /// Decodes one message into its JSON object. Unknown field numbers are skipped, as protobuf
    /// readers do.
    public func decode(_ bytes: ArraySlice<UInt8>, depth: Int = 0) throws(ProtobufError) -> JSONObject {
        guard depth < 64 else { throw ProtobufError("message nesting is too deep") }
        var reader = ProtobufWireReader(bytes)
        var object = JSONObject()
        while let (number, wire) = try reader.next() {
            guard let field = fields[number] else { continue }
            if case .map(let valueType) = field.type {
                guard case .bytes(let entryBytes) = wire else { throw ProtobufError("\(field.name): a map entry must be length-delimited") }
                var entry = ProtobufWireReader(entryBytes)
                var key = "", value: JSONValue = .null
                while let (entryNumber, entryWire) = try entry.next() {
                    if entryNumber == 1 {
                        guard case .string(let text) = try Self.scalar(entryWire, type: .string, name: field.name, depth: depth) else { continue }
                        key = text
                    } else if entryNumber == 2 {
                        value = try Self.scalar(entryWire, type: valueType, name: field.name, depth: depth)
                    }
                }
                if value == .null { value = Self.zero(valueType) }
                var map = object[field.name]?.objectValue ?? JSONObject()
                map[key] = value
                object[field.name] = .object(map)
                continue
            }
            let value = try Self.scalar(wire, type: field.type, name: field.name, depth: depth)
            // Go writes zero values of optional scalars; their JSON form omits them (omitempty).
            if !field.repeated, value == Self.zero(field.type) { continue }
            if field.repeated {
                object[field.name] = .array((object[field.name]?.arrayValue ?? []) + [value])
            } else {
                object[field.name] = value
            }
        }
        return object
    }

    /// `metav1.Time`, `resource.Quantity` and `intstr.IntOrString` on the wire.
    static let timeMessage = ProtobufMessage([1: Field("seconds", .int64)])
    static let quantityMessage = ProtobufMessage([1: Field("string", .string)])
    static let intOrStringMessage = ProtobufMessage([1: Field("type", .int64), 2: Field("intVal", .int32), 3: Field("strVal", .string)])

    static func zero(_ type: FieldType) -> JSONValue {
        switch type {
        case .string, .bytes, .quantity: .string("")
        case .int64, .int32: .integer(0)
        case .bool: .bool(false)
        default: .null
        }
    }

    static func scalar(_ wire: ProtobufWireReader.Value, type: FieldType, name: String, depth: Int) throws(ProtobufError) -> JSONValue {
        switch (type, wire) {
        case (.string, .bytes(let bytes)):
            guard let text = String(validating: bytes, as: UTF8.self) else { throw ProtobufError("\(name): not valid UTF-8") }
            return .string(text)
        case (.bytes, .bytes(let bytes)):
            return .string(Data(bytes).base64EncodedString())
        case (.int64, .varint(let value)):
            return .integer(Int64(bitPattern: value))
        case (.int32, .varint(let value)):
            return .integer(Int64(Int32(truncatingIfNeeded: value)))
        case (.bool, .varint(let value)):
            return .bool(value != 0)
        case (.message(let message), .bytes(let bytes)):
            return .object(try message.decode(bytes, depth: depth + 1))
        case (.time, .bytes(let bytes)):
            let time = try timeMessage.decode(bytes, depth: depth + 1)
            return .string(Time(secondsSince1970: time["seconds"]?.integerValue ?? 0).rfc3339)
        case (.quantity, .bytes(let bytes)):
            let quantity = try quantityMessage.decode(bytes, depth: depth + 1)
            return quantity["string"] ?? .string("")
        case (.intOrString, .bytes(let bytes)):
            let value = try intOrStringMessage.decode(bytes, depth: depth + 1)
            return value["type"]?.integerValue == 1 ? (value["strVal"] ?? .string("")) : (value["intVal"] ?? .integer(0))
        default:
            throw ProtobufError("\(name): unexpected wire type for its field type")
        }
    }
}
