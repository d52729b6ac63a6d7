/// A forward-only reader of JSON bytes for hand-written decoders of hot shapes — admission's pod
/// reviews — that builds only what it is asked for.
///
/// It has no error messages. Anything it does not expect — malformed JSON, a type the decoder did
/// not ask for, a member the decoder does not know, a duplicate member name, a number that is not
/// a plain integer, a string with a surrogate escape, nesting deeper than `JSONReader` accepts —
/// throws `Unexpected`, and the caller decodes the document again the general way (`JSONReader`
/// and `ValueDecoder`), which accepts or refuses it with a precise message. A scanner decoder is
/// therefore only ever a faster route to the value the general route gives, never a different one.
public struct JSONScanner {
    /// Thrown for anything the scanner or a decoder on it does not expect.
    public struct Unexpected: Error, Sendable {
        public init() {}
    }

    /// A member name, as the bytes between its quotes (names with escapes are `Unexpected`).
    public struct Key {
        @usableFromInline let start: UnsafePointer<UInt8>
        @usableFromInline let count: Int

        /// Whether the name is `name`; lets a `switch` over keys use string literals as cases.
        @inlinable @inline(__always)
        public static func ~= (name: StaticString, key: Key) -> Bool {
            guard key.count == name.utf8CodeUnitCount else { return false }
            let other = name.utf8Start
            var index = 0
            while index < key.count {
                if key.start[index] != other[index] { return false }
                index += 1
            }
            return true
        }

        /// The name as a string.
        public var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

        func equals(_ other: Key) -> Bool {
            guard count == other.count else { return false }
            var index = 0
            while index < count {
                if start[index] != other.start[index] { return false }
                index += 1
            }
            return true
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    /// Nesting depth of the value being read (the document is depth 0), as `JSONReader` counts it.
    private var depth = 0
    /// Names of the members read so far in every object still open, innermost last: a name
    /// repeated within one object is `Unexpected` (the general reader refuses it).
    private var openNames: [Key] = []
    /// Names a decoder may skip where it meets them as a member it does not read (see `skip(_:)`).
    private let skippable: SkipList

    /// Member names a scan may skip; built once and shared by every scan that skips them.
    public struct SkipList: Sendable {
        let names: [[UInt8]]
        /// Bit `n` is set when some name is `n` bytes long: most names are ruled out by length.
        let lengths: UInt64

        public init(_ names: [String]) {
            self.names = names.map { Array($0.utf8) }
            var lengths: UInt64 = 0
            for name in self.names where name.count < 64 { lengths |= 1 << UInt64(name.count) }
            self.lengths = lengths
        }

        func contains(_ key: Key) -> Bool {
            guard key.count < 64, lengths & (1 << UInt64(key.count)) != 0 else { return false }
            return names.contains { $0.elementsEqual(UnsafeBufferPointer(start: key.start, count: key.count)) }
        }
    }

    /// Scans `bytes` with `body`, which must read exactly one value; nil when anything was
    /// unexpected (including content after the value).
    public static func scan<T>(
        _ bytes: [UInt8], skipping skippable: SkipList = SkipList([]),
        _ body: (inout JSONScanner) throws(Unexpected) -> T
    ) -> T? {
        bytes.withUnsafeBufferPointer { buffer -> T? in
            var scanner = JSONScanner(bytes: buffer, skippable: skippable)
            scanner.openNames.reserveCapacity(64)
            do {
                let value = try body(&scanner)
                scanner.skipWhitespace()
                return scanner.offset == buffer.count ? value : nil
            } catch {
                return nil
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, skippable: SkipList) {
        self.bytes = bytes
        self.skippable = skippable
    }

    // MARK: Structure

    /// Reads an object, calling `body` with each member's name; `body` must read the member's value.
    public mutating func members(_ body: (Key, inout JSONScanner) throws(Unexpected) -> Void) throws(Unexpected) {
        try consume(UInt8(ascii: "{"))
        if isEmpty(closedBy: UInt8(ascii: "}")) {
            return
        }
        let firstName = openNames.count
        depth += 1
        while true {
            skipWhitespace()
            let key = try name()
            for index in firstName..<openNames.count where openNames[index].equals(key) { throw Unexpected() }
            openNames.append(key)
            skipWhitespace()
            try consume(UInt8(ascii: ":"))
            skipWhitespace()
            try body(key, &self)
            if try closes(UInt8(ascii: "}")) { break }
        }
        openNames.removeSubrange(firstName...)
        depth -= 1
    }

    /// Reads an array, calling `body` once per element; `body` must read the element.
    public mutating func elements(_ body: (inout JSONScanner) throws(Unexpected) -> Void) throws(Unexpected) {
        try consume(UInt8(ascii: "["))
        if isEmpty(closedBy: UInt8(ascii: "]")) {
            return
        }
        depth += 1
        defer { depth -= 1 }
        while true {
            skipWhitespace()
            try body(&self)
            if try closes(UInt8(ascii: "]")) { return }
        }
    }

    /// Reads `null` if it is next, saying whether it was.
    public mutating func takeNull() -> Bool {
        guard offset + 4 <= bytes.count, bytes[offset] == UInt8(ascii: "n"), bytes[offset + 1] == UInt8(ascii: "u"),
              bytes[offset + 2] == UInt8(ascii: "l"), bytes[offset + 3] == UInt8(ascii: "l")
        else { return false }
        offset += 4
        return true
    }

    /// Skips the value of `key` if it is one of the skippable names, and is `Unexpected` otherwise:
    /// the `default` of a decoder's `switch`. Like `JSONReader` leaving out an omitted member, it
    /// checks the value is JSON but not that its objects' member names are distinct.
    public mutating func skip(_ key: Key) throws(Unexpected) {
        guard skippable.contains(key) else { throw Unexpected() }
        try skipUncheckedValue()
    }

    /// Where `skipUncheckedValue` is in the grammar.
    private enum SkipState { case value, name, afterValue }

    /// Skips one value as `JSONReader` skips an omitted member's value — well-formed JSON, no
    /// deeper than `JSONReader.maximumDepth`, member names not compared — in one loop over the
    /// bytes rather than a call per value: the values skipped are most of a review. Containers
    /// nested more than 63 deep inside the skipped value are `Unexpected`.
    private mutating func skipUncheckedValue() throws(Unexpected) {
        // The open containers, innermost in the lowest bit: 1 for an object, 0 for an array.
        var objects: UInt64 = 0
        var open = 0
        var state = SkipState.value
        while true {
            skipWhitespace()
            guard offset < bytes.count else { throw Unexpected() }
            let byte = bytes[offset]
            switch state {
            case .value:
                guard depth + open < JSONReader.maximumDepth else { throw Unexpected() }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    offset += 1
                    let isObject = byte == UInt8(ascii: "{")
                    if isEmpty(closedBy: isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        state = .afterValue
                    } else {
                        guard open < 63 else { throw Unexpected() }
                        objects = objects << 1 | (isObject ? 1 : 0)
                        open += 1
                        state = isObject ? .name : .value
                    }
                case UInt8(ascii: "\""):
                    try skipString()
                    state = .afterValue
                case UInt8(ascii: "t"):
                    try literal("true")
                    state = .afterValue
                case UInt8(ascii: "f"):
                    try literal("false")
                    state = .afterValue
                case UInt8(ascii: "n"):
                    try literal("null")
                    state = .afterValue
                default:
                    try skipNumber()
                    state = .afterValue
                }
            case .name:
                try skipString()
                skipWhitespace()
                try consume(UInt8(ascii: ":"))
                state = .value
            case .afterValue:
                guard open > 0 else { return }
                let inObject = objects & 1 == 1
                offset += 1
                if byte == UInt8(ascii: ",") {
                    state = inObject ? .name : .value
                } else if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    objects >>= 1
                    open -= 1
                } else {
                    throw Unexpected()
                }
            }
        }
    }

    /// Reads any value without building it, as `JSONReader` reads a value it keeps: well-formed,
    /// and no member name repeated within an object.
    public mutating func skipValue() throws(Unexpected) {
        guard depth < JSONReader.maximumDepth, offset < bytes.count else { throw Unexpected() }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            try members { _, scanner throws(Unexpected) in try scanner.skipValue() }
        case UInt8(ascii: "["):
            try elements { scanner throws(Unexpected) in try scanner.skipValue() }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        default:
            try skipNumber()
        }
    }

    // MARK: Scalars

    /// Reads a string.
    public mutating func string() throws(Unexpected) -> String {
        try consume(UInt8(ascii: "\""))
        let start = offset
        skipPlainStringBytes()
        guard offset < bytes.count else { throw Unexpected() }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
            offset += 1
            return text
        }
        if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
        throw Unexpected()
    }

    /// Reads `true` or `false`.
    public mutating func bool() throws(Unexpected) -> Bool {
        guard offset < bytes.count else { throw Unexpected() }
        if bytes[offset] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// Reads an integer written without fraction or exponent that fits in `Int64`.
    public mutating func int64() throws(Unexpected) -> Int64 {
        let negative = peek() == UInt8(ascii: "-")
        if negative { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw Unexpected() }
        if bytes[offset] == UInt8(ascii: "0"), offset + 1 < bytes.count, isDigit(bytes[offset + 1]) { throw Unexpected() }
        var magnitude: UInt64 = 0
        while offset < bytes.count, isDigit(bytes[offset]) {
            let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(bytes[offset] - 0x30))
            if overflowTimes || overflowSum { throw Unexpected() }
            magnitude = sum
            offset += 1
        }
        if let next = peek(), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw Unexpected()
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Unexpected() }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Unexpected() }
        return Int64(magnitude)
    }

    /// Reads an integer that fits in `Int32`.
    public mutating func int32() throws(Unexpected) -> Int32 {
        guard let value = Int32(exactly: try int64()) else { throw Unexpected() }
        return value
    }

    /// Whether the next value is a string (it is not read).
    public mutating func nextIsString() -> Bool { peek() == UInt8(ascii: "\"") }

    // MARK: Bytes

    @inline(__always)
    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Just after an opening bracket: skips whitespace and consumes `closing` if it comes next,
    /// saying whether the object or array is empty.
    @inline(__always)
    private mutating func isEmpty(closedBy closing: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == closing else { return false }
        offset += 1
        return true
    }

    /// After a member or element: consumes `,` (false: another follows) or `closing` (true: the
    /// object or array ends); anything else is `Unexpected`.
    @inline(__always)
    private mutating func closes(_ closing: UInt8) throws(Unexpected) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw Unexpected() }
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        throw Unexpected()
    }

    @inline(__always)
    private mutating func consume(_ byte: UInt8) throws(Unexpected) {
        guard offset < bytes.count, bytes[offset] == byte else { throw Unexpected() }
        offset += 1
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x09, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func literal(_ text: StaticString) throws(Unexpected) {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw Unexpected() }
        let expected = text.utf8Start
        for index in 0..<count where bytes[offset + index] != expected[index] { throw Unexpected() }
        offset += count
    }

    private mutating func name() throws(Unexpected) -> Key {
        try consume(UInt8(ascii: "\""))
        let start = offset
        skipPlainStringBytes()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw Unexpected() }
        offset += 1
        return Key(start: bytes.baseAddress! + start, count: offset - 1 - start)
    }

    /// Advances over string bytes that are not a quote, a backslash or a control character, eight
    /// at a time where it can (SWAR: each 8-byte word is examined with a few integer operations).
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let base = bytes.baseAddress!
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if Self.hasSpecialStringByte(word) { break }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
            offset += 1
        }
    }

    /// Whether any byte of `word` is a quote, a backslash or below 0x20. A borrow can also flag a
    /// byte after one that truly is, which only costs a byte-by-byte look.
    @inline(__always)
    private static func hasSpecialStringByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs != 0
    }

    @inline(__always)
    private mutating func skipString() throws(Unexpected) {
        try consume(UInt8(ascii: "\""))
        while true {
            skipPlainStringBytes()
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            offset += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte < 0x20 { throw Unexpected() }
            if byte == UInt8(ascii: "\\") {
                guard offset < bytes.count else { throw Unexpected() }
                let escape = bytes[offset]
                offset += 1
                if escape == UInt8(ascii: "u") {
                    _ = try hex4()
                } else if JSONReader.unescaped(escape) == nil {
                    throw Unexpected()
                }
            }
        }
        throw Unexpected()
    }

    /// The rest of a string that has an escape at `offset`, decoding escapes as `JSONReader` does;
    /// surrogate escapes are `Unexpected`.
    private mutating func escapedString(from start: Int) throws(Unexpected) -> String {
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw Unexpected() }
                let escape = bytes[offset]
                offset += 1
                if let byte = JSONReader.unescaped(escape) {
                    text.append(byte)
                } else if escape == UInt8(ascii: "u") {
                    let code = try hex4()
                    guard let scalar = Unicode.Scalar(code) else { throw Unexpected() }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                } else {
                    throw Unexpected()
                }
            default:
                if byte < 0x20 { throw Unexpected() }
                text.append(byte)
            }
        }
        throw Unexpected()
    }

    private mutating func hex4() throws(Unexpected) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw Unexpected() }
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = JSONReader.hexDigit(bytes[offset]) else { throw Unexpected() }
            code = code * 16 + digit
            offset += 1
        }
        return code
    }

    /// Skips an integer of at most 18 digits; fractions, exponents and longer integers (which
    /// `JSONReader` reads as doubles and may refuse as out of range) are `Unexpected`.
    private mutating func skipNumber() throws(Unexpected) {
        if peek() == UInt8(ascii: "-") { offset += 1 }
        let start = offset
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw Unexpected() }
        if bytes[offset] == UInt8(ascii: "0"), offset + 1 < bytes.count, isDigit(bytes[offset + 1]) { throw Unexpected() }
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        if offset - start > 18 { throw Unexpected() }
        if let next = peek(), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw Unexpected()
        }
    }
}
