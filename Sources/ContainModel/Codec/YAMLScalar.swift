/// YAML 1.1 plain-scalar resolution, as Kubernetes' YAML reader applies it, and the reverse
/// question a writer must ask: would this string read back as something other than a string?
public enum YAMLScalar {
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trues: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falses: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]

    /// The value a plain (unquoted) scalar stands for.
    public static func resolvePlain(_ text: String) -> JSONValue {
        guard let first = text.utf8.first else { return .null }
        // Only these first characters can start a non-string scalar.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(text) ?? .string(text)
        case UInt8(ascii: "~"):
            if text == "~" { return .null }
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Only short words starting with these letters can be nulls or booleans.
            guard text.utf8.count <= 5 else { break }
            if nulls.contains(text) { return .null }
            if trues.contains(text) { return .bool(true) }
            if falses.contains(text) { return .bool(false) }
        default:
            break
        }
        return .string(text)
    }

    /// Whether a string must be quoted so that it reads back as the same string.
    public static func needsQuotes(_ text: String) -> Bool {
        if case .string = resolvePlain(text) {} else { return true }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first == " " || last == " " || first == "\t" || last == "\t" { return true }
        if ",[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if "-?:".unicodeScalars.contains(first) {
            // These start a plain scalar only when a non-space character follows (`--flag`).
            let scalars = Array(text.unicodeScalars.prefix(2))
            if scalars.count < 2 || scalars[1] == " " || scalars[1] == "\t" { return true }
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0) { return true }
            if scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" { return true }
            if scalar == "#" && previous == " " { return true }
            if previous == ":" && scalar == " " { return true }
            previous = scalar
        }
        if last == ":" { return true }
        if text == "<<" || text == "=" { return true }
        if looksLikeTimestamp(text) { return true }
        return false
    }

    private static func looksLikeTimestamp(_ text: String) -> Bool {
        // YAML 1.1 timestamps (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`) are quoted on
        // output so that no reader turns them into a date.
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return digits.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } && bytes[4] == 0x2D && bytes[7] == 0x2D
    }

    private static func resolveNumber(_ text: String) -> JSONValue? {
        if text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf" || text == "-.inf"
            || text == ".nan" || text == ".NaN" || text == ".NAN" || text == "+.Inf" || text == "-.Inf"
        {
            // Not representable in JSON; kept as text so nothing is lost.
            return nil
        }
        let cleaned = text.contains("_") ? String(text.filter { $0 != "_" }) : text
        if let integer = parseInteger(cleaned) { return .integer(integer) }
        if isFloat(cleaned), let double = Double(cleaned), double.isFinite { return .double(double) }
        return nil
    }

    private static func parseInteger(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.hasPrefix("0o") || body.hasPrefix("0O") {
            radix = 8
            body = body.dropFirst(2)
        } else if body.hasPrefix("0b") || body.hasPrefix("0B") {
            radix = 2
            body = body.dropFirst(2)
        } else if body.count > 1 && body.hasPrefix("0") {
            radix = 8
            body = body.dropFirst()
        }
        guard !body.isEmpty, let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digits(_ slice: inout Substring.UTF8View.SubSequence) -> Int {
            var count = 0
            while let byte = slice.first, byte >= 0x30 && byte <= 0x39 {
                slice = slice.dropFirst()
                count += 1
            }
            return count
        }
        let integerDigits = digits(&bytes)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = digits(&bytes)
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            if digits(&bytes) == 0 { return false }
        }
        return bytes.isEmpty
    }
}
