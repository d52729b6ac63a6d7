/// Reads JSON text into `JSONValue`s while recording where every value starts.
///
/// Hand-written rather than Foundation's `JSONSerialization` so that integers stay integers,
/// member order is kept, duplicate member names are refused (as Kubernetes' strict decoding
/// does) and every error carries a line and column.
public struct JSONReader {
    /// Deepest nesting accepted; deeper input is refused instead of exhausting the stack.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private let file: String?
    /// Whether a `SourceNode` tree is built beside the values (for `documents`, whose callers
    /// report positions); `value` only needs positions for its errors and skips the tree.
    private let tracksSource: Bool
    /// Member names whose values are checked but not kept (see `value(_:omitting:)`).
    private var omitted: [String] = []
    /// Bit `n` is set when some omitted name is `n` bytes long: most member names are ruled out
    /// by their length alone, without a comparison.
    private var omittedLengths: UInt64 = 0
    /// Member names under which nothing is omitted: maps whose keys are data, such as `labels`.
    private var keptWhole: [String] = []
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8], file: String?, tracksSource: Bool = true) {
        self.bytes = bytes
        self.file = file
        self.tracksSource = tracksSource
    }

    /// Parses one JSON document, or a stream of whitespace-separated documents.
    public static func documents(_ text: String, file: String? = nil) throws(SyntaxError) -> [SourceDocument] {
        var reader = JSONReader(bytes: Array(text.utf8), file: file)
        var documents: [SourceDocument] = []
        reader.skipWhitespace()
        while reader.offset < reader.bytes.count {
            let (value, node) = try reader.parseValue(depth: 0)
            documents.append(SourceDocument(file: file, index: documents.count, value: value, source: node))
            reader.skipWhitespace()
        }
        return documents
    }

    /// Parses exactly one JSON value.
    public static func value(_ text: String, file: String? = nil) throws(SyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8), file: file, tracksSource: false)
        reader.skipWhitespace()
        let (value, _) = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.offset < reader.bytes.count {
            throw reader.error("unexpected content after the JSON value")
        }
        return value
    }

    /// Parses exactly one JSON value, leaving out of every object the members named in
    /// `omitted` (at any depth). Their values are still read as JSON, so malformed input is
    /// refused exactly as by `value(_:)`, but nothing is built for them: readers that need a few
    /// fields of a large document (admission reading a pod under its `managedFields`) skip the rest.
    public static func value(_ text: String, omitting omitted: [String], keepingWhole keptWhole: [String] = []) throws(SyntaxError) -> JSONValue {
        try value(bytes: Array(text.utf8), omitting: omitted, keepingWhole: keptWhole)
    }

    /// `value(_:omitting:)` of UTF-8 bytes as they came off the wire (invalid UTF-8 in strings
    /// is repaired, as `String(decoding:as:)` repairs it).
    /// Members named in `keptWhole` are kept with everything in them: the maps of a schema
    /// (labels, annotations, resource lists) whose keys are data and may be any name.
    public static func value(bytes: [UInt8], omitting omitted: [String], keepingWhole keptWhole: [String] = []) throws(SyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, file: nil, tracksSource: false)
        reader.omitted = omitted
        reader.keptWhole = keptWhole
        for name in omitted where name.utf8.count < 64 { reader.omittedLengths |= 1 << UInt64(name.utf8.count) }
        reader.skipWhitespace()
        let (value, _) = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.offset < reader.bytes.count {
            throw reader.error("unexpected content after the JSON value")
        }
        return value
    }

    private var position: SourcePosition {
        SourcePosition(line: line, column: columnOf(offset))
    }

    /// Columns count bytes from the line start (as Go's JSON errors do), which keeps
    /// position tracking linear even for a minified document on one line.
    private func columnOf(_ offset: Int) -> Int { offset - lineStart + 1 }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(file: file, position: position, message: message)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D:
                offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> (JSONValue, SourceNode) {
        guard depth < Self.maximumDepth else { throw error("JSON nested deeper than \(Self.maximumDepth) levels") }
        guard offset < bytes.count else { throw error("unexpected end of JSON input") }
        let start = position
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth, start: start)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth, start: start)
        case UInt8(ascii: "\""):
            return (.string(try parseString()), .scalar(start))
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return (.bool(true), .scalar(start))
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return (.bool(false), .scalar(start))
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return (.null, .scalar(start))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return (try parseNumber(), .scalar(start))
        default:
            throw error("invalid character '\(Self.printable(bytes[offset]))' looking for beginning of value")
        }
    }

    private static func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { buffer in
            offset + count <= bytes.count && bytes[offset..<(offset + count)].elementsEqual(buffer)
        }
        guard matches else { throw error("invalid literal, expected \(literal)") }
        offset += count
    }

    private mutating func parseObject(depth: Int, start: SourcePosition) throws(SyntaxError) -> (JSONValue, SourceNode) {
        offset += 1
        var object: [(key: String, value: JSONValue)] = []
        var names: Set<String> = []
        var members: [SourceMember] = []
        if isEmpty(closedBy: UInt8(ascii: "}")) {
            return (.object(JSONObject()), .mapping(start, members))
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("expected a string for an object member name")
            }
            let keyPosition = position
            let key = try parseString()
            let duplicate: Bool
            if object.count < JSONObject.indexThreshold {
                duplicate = object.contains { $0.key == key }
            } else {
                if names.isEmpty { names = Set(object.map(\.key)) }
                duplicate = !names.insert(key).inserted
            }
            if duplicate { throw SyntaxError(file: file, position: keyPosition, message: "duplicate field \"\(key)\"") }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw error("expected ':' after object member name")
            }
            offset += 1
            skipWhitespace()
            if isOmitted(key) {
                try skipValue(depth: depth + 1)
            } else {
                let lengths = omittedLengths
                if isKeptWhole(key) { omittedLengths = 0 }  // nothing is omitted inside
                let (value, node) = try parseValue(depth: depth + 1)
                omittedLengths = lengths
                object.append((key, value))
                if tracksSource { members.append(SourceMember(key: key, keyPosition: keyPosition, value: node)) }
            }
            if try closes(UInt8(ascii: "}"), after: "object member") {
                return (.object(JSONObject(uniqueMembers: object)), .mapping(start, members))
            }
        }
    }

    private mutating func parseArray(depth: Int, start: SourcePosition) throws(SyntaxError) -> (JSONValue, SourceNode) {
        offset += 1
        var elements: [JSONValue] = []
        var nodes: [SourceNode] = []
        if isEmpty(closedBy: UInt8(ascii: "]")) {
            return (.array(elements), .sequence(start, nodes))
        }
        while true {
            skipWhitespace()
            let (value, node) = try parseValue(depth: depth + 1)
            elements.append(value)
            if tracksSource { nodes.append(node) }
            if try closes(UInt8(ascii: "]"), after: "array element") { return (.array(elements), .sequence(start, nodes)) }
        }
    }

    private func isKeptWhole(_ key: String) -> Bool {
        omittedLengths != 0 && !keptWhole.isEmpty && keptWhole.contains { $0.utf8.count == key.utf8.count && $0 == key }
    }

    private func isOmitted(_ key: String) -> Bool {
        let length = key.utf8.count
        guard length < 64, omittedLengths & (1 << UInt64(length)) != 0 else { return false }
        return omitted.contains { $0.utf8.count == length && $0 == key }
    }

    /// Just after an opening bracket: skips whitespace and consumes `closing` if it comes next,
    /// saying whether the object or array is empty.
    @inline(__always)
    private mutating func isEmpty(closedBy closing: UInt8) -> Bool {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == closing else { return false }
        offset += 1
        return true
    }

    /// After a member or element: consumes `,` (false: another follows) or `closing` (true: the
    /// object or array ends); anything else is an error naming what was expected.
    @inline(__always)
    private mutating func closes(_ closing: UInt8, after what: String) throws(SyntaxError) -> Bool {
        skipWhitespace()
        let container = closing == UInt8(ascii: "}") ? "object" : "array"
        guard offset < bytes.count else { throw error("unexpected end of JSON input in \(container)") }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            return false
        }
        if bytes[offset] == closing {
            offset += 1
            return true
        }
        throw error("expected ',' or '\(Self.printable(closing))' after \(what)")
    }

    /// Reads one value as `parseValue` would, refusing what it refuses, without building it. It
    /// mirrors `parseObject` and `parseArray` rather than sharing them so that the building
    /// reader's hot loop carries no "build or not" branch.
    private mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth < Self.maximumDepth else { throw error("JSON nested deeper than \(Self.maximumDepth) levels") }
        guard offset < bytes.count else { throw error("unexpected end of JSON input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            if isEmpty(closedBy: UInt8(ascii: "}")) {
                return
            }
            while true {
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                    throw error("expected a string for an object member name")
                }
                try skipString()
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                    throw error("expected ':' after object member name")
                }
                offset += 1
                skipWhitespace()
                try skipValue(depth: depth + 1)
                if try closes(UInt8(ascii: "}"), after: "object member") { return }
            }
        case UInt8(ascii: "["):
            offset += 1
            if isEmpty(closedBy: UInt8(ascii: "]")) {
                return
            }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                if try closes(UInt8(ascii: "]"), after: "array element") { return }
            }
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try parseValue(depth: depth)  // a scalar: cheap to read as usual
        }
    }

    /// Reads a string literal (escapes checked) without building it.
    private mutating func skipString() throws(SyntaxError) {
        offset += 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return
            }
            if byte < 0x20 { throw error("invalid control character in string literal") }
            offset += 1
            guard byte == UInt8(ascii: "\\") else { continue }
            guard offset < bytes.count else { break }
            let escape = bytes[offset]
            offset += 1
            if escape == UInt8(ascii: "u") {
                _ = try parseHex4()
            } else if Self.unescaped(escape) == nil {
                throw error("invalid escape '\\\(Self.printable(escape))' in string literal")
            }
        }
        throw error("unexpected end of JSON input in string literal")
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number") }
        if bytes[offset] == UInt8(ascii: "0"), offset + 1 < bytes.count, isDigit(bytes[offset + 1]) {
            throw error("invalid number: leading zero")
        }
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number: expected digit after '.'") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("invalid number: expected exponent digits") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else { throw error("number \(text) is out of range") }
        return .double(double)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func parseString() throws(SyntaxError) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("invalid control character in string literal") }
            offset += 1
        }
        var scalars = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                if let byte = Self.unescaped(escape) {
                    scalars.append(byte)
                    continue
                }
                switch escape {
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code), offset + 1 < bytes.count,
                        bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                    {
                        offset += 2
                        let low = try parseHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(Self.printable(escape))' in string literal")
                }
            default:
                if byte < 0x20 { throw error("invalid control character in string literal") }
                scalars.append(byte)
                offset += 1
            }
        }
        throw error("unexpected end of JSON input in string literal")
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[offset]) else { throw error("invalid \\u escape") }
            code = code * 16 + digit
            offset += 1
        }
        return code
    }

    /// The byte a one-character escape (`\n`, `\"`…) stands for; nil for `u` and invalid escapes.
    static func unescaped(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The value of an ASCII hexadecimal digit, nil for any other byte.
    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
