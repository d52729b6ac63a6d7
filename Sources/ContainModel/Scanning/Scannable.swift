/// A type a `JSONScanner` reads by hand, to the value its `Decodable` conformance gives through
/// `ValueDecoder(rejectsUnknownFields: false)` — or `Unexpected`, never something else.
///
/// The rules every conformance keeps: a member it reads is read with the type the property
/// has (`null` is nil for an optional property, and `Unexpected` for a required one); a
/// required member that is absent is `Unexpected`; every other member goes to
/// `JSONScanner.skip(_:)`, which skips only the names the scan was told no reader needs and
/// is `Unexpected` for the rest — a field a conformance does not read sends the document down
/// the general route instead of losing it.
protocol Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected)
}

extension JSONScanner {
    /// Reads a `T`.
    mutating func read<T: Scannable>(_ type: T.Type = T.self) throws(Unexpected) -> T {
        try T(scanning: &self)
    }

    /// Reads a `T`, or nil for `null` (what `decodeIfPresent` gives).
    mutating func optional<T: Scannable>(_ type: T.Type = T.self) throws(Unexpected) -> T? {
        takeNull() ? nil : try T(scanning: &self)
    }

    /// Reads an array of `T`.
    mutating func array<T: Scannable>(of type: T.Type = T.self) throws(Unexpected) -> [T] {
        var values: [T] = []
        values.reserveCapacity(4)  // grows once less for the typical few containers, ports or volumes
        try elements { scanner throws(Unexpected) in values.append(try T(scanning: &scanner)) }
        return values
    }

    /// Reads an array of `T`, or nil for `null`.
    mutating func optionalArray<T: Scannable>(of type: T.Type = T.self) throws(Unexpected) -> [T]? {
        takeNull() ? nil : try array(of: type)
    }

    /// Reads an object of `T` values by name, or nil for `null`. Every member is kept: a map's
    /// names are data, never skipped.
    mutating func optionalMap<T: Scannable>(of type: T.Type = T.self) throws(Unexpected) -> [String: T]? {
        if takeNull() { return nil }
        var map: [String: T] = [:]
        map.reserveCapacity(8)  // labels, annotations and resource lists rarely have more
        try members { key, scanner throws(Unexpected) in map[key.string] = try T(scanning: &scanner) }
        return map
    }

    /// Reads one of a closed set of strings, or nil for `null`.
    mutating func optionalEnum<E: StringEnum>(_ type: E.Type = E.self) throws(Unexpected) -> E? {
        takeNull() ? nil : try readEnum(type)
    }

    /// Reads one of a closed set of strings.
    mutating func readEnum<E: StringEnum>(_ type: E.Type = E.self) throws(Unexpected) -> E {
        guard let value = E(rawValue: try string()) else { throw Unexpected() }
        return value
    }
}

/// Presence of required members, one bit each, checked when an object ends.
struct RequiredMembers {
    private var seen: UInt8 = 0

    /// Records member `bit` (0–7) as read.
    mutating func saw(_ bit: UInt8) { seen |= 1 << bit }

    /// `Unexpected` unless every member in `0..<count` was read.
    func require(_ count: UInt8) throws(JSONScanner.Unexpected) {
        guard seen == (1 << count) - 1 else { throw JSONScanner.Unexpected() }
    }
}

extension String: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) { self = try scanner.string() }
}

extension Bool: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) { self = try scanner.bool() }
}

extension Int64: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) { self = try scanner.int64() }
}

extension Int32: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) { self = try scanner.int32() }
}

extension Quantity: Scannable {
    /// As `init(from:)`: `null` is zero, a string is trimmed and parsed, an integer is parsed
    /// from its digits; a fractional number is `Unexpected`.
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        if scanner.takeNull() {
            self = .zero
            return
        }
        let text = scanner.nextIsString() ? Quantity.trimmingWhitespace(try scanner.string()) : String(try scanner.int64())
        do {
            self = try Quantity.parse(text)
        } catch {
            throw JSONScanner.Unexpected()
        }
    }
}

extension Time: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        guard let time = Time(rfc3339: try scanner.string()) else { throw JSONScanner.Unexpected() }
        self = time
    }
}

extension IntOrString: Scannable {
    init(scanning scanner: inout JSONScanner) throws(JSONScanner.Unexpected) {
        self = scanner.nextIsString() ? .string(try scanner.string()) : .int(Int(try scanner.int64()))
    }
}
