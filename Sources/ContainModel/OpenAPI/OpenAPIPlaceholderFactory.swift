/// Makes a value of any `Decodable` type without input, for the probe to hand back when a type
/// asks for a required member. It decodes the type from a decoder that answers "empty" (no
/// members, no elements, `null`, `""`, `0`, `false`, the first case of a string enum) and, if the
/// type's own validation rejects that, tries a few other plausible scalars (`"0"`, an RFC 3339
/// time, `"a"`). It never traps; a type no answer satisfies makes `make` throw.
final class OpenAPIPlaceholderFactory {
    /// The scalar answers one attempt gives.
    enum Mode: CaseIterable {
        case empty, zeroText, timestamp, letter

        var string: String {
            switch self {
            case .empty: ""
            case .zeroText: "0"
            case .timestamp: "1970-01-01T00:00:00Z"
            case .letter: "a"
            }
        }

        var isNil: Bool { self == .empty }
    }

    private var made: [ObjectIdentifier: Any] = [:]
    private var impossible: Set<ObjectIdentifier> = []
    private var depth = 0
    /// Deeper than this the factory gives up (a type that requires itself).
    static let maximumDepth = 48

    /// A value of `type`, by whichever mode first decodes.
    func make<T: Decodable>(_ type: T.Type) throws -> T {
        try make(type, mode: .empty)
    }

    /// A value of `type`; scalars answer per `mode`, composite types try every mode.
    func make<T: Decodable>(_ type: T.Type, mode: Mode) throws -> T {
        if let scalar: T = Self.scalar(type, mode: mode) { return scalar }
        if let enumType = type as? any OpenAPIStringCases.Type,
            let first = Self.firstCase(enumType) as? T
        {
            return first
        }
        let id = ObjectIdentifier(type)
        if let cached = made[id] as? T { return cached }
        guard !impossible.contains(id), depth < Self.maximumDepth else { throw Self.failure(type) }
        depth += 1
        defer { depth -= 1 }
        for attempt in Mode.allCases {
            if let value = try? T(from: OpenAPIPlaceholderDecoder(factory: self, mode: attempt)) {
                made[id] = value
                return value
            }
        }
        impossible.insert(id)
        throw Self.failure(type)
    }

    private static func failure(_ type: any Any.Type) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no placeholder value for \(type)"))
    }

    private static func firstCase<E: OpenAPIStringCases>(_ type: E.Type) -> Any? { E.allCases.first }

    /// The placeholder of a standard scalar type, or nil for any other type.
    static func scalar<T>(_ type: T.Type, mode: Mode) -> T? {
        switch type {
        case is String.Type: return mode.string as? T
        case is Bool.Type: return false as? T
        case is Int.Type: return Int(0) as? T
        case is Int8.Type: return Int8(0) as? T
        case is Int16.Type: return Int16(0) as? T
        case is Int32.Type: return Int32(0) as? T
        case is Int64.Type: return Int64(0) as? T
        case is UInt.Type: return UInt(0) as? T
        case is UInt8.Type: return UInt8(0) as? T
        case is UInt16.Type: return UInt16(0) as? T
        case is UInt32.Type: return UInt32(0) as? T
        case is UInt64.Type: return UInt64(0) as? T
        case is Double.Type: return Double(0) as? T
        case is Float.Type: return Float(0) as? T
        default: return nil
        }
    }
}
