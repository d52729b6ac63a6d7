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
        var bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: ".")), bytes.count <= 5, text.lowercased().hasSuffix(".inf") || text.lowercased() == ".nan" {
            // Not representable in JSON; kept as text so nothing is lost.
            return nil
        }
        if bytes.contains(UInt8(ascii: "_")) { bytes.removeAll { $0 == UInt8(ascii: "_") } }
        if let integer = parseInteger(bytes) { return .integer(integer) }
        if isFloat(bytes), let double = Double(String(decoding: bytes, as: UTF8.self)), double.isFinite { return .double(double) }
        return nil
    }

    private static func parseInteger(_ bytes: [UInt8]) -> Int64? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var radix: UInt64 = 10
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count {
            switch bytes[index + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): radix = 16; index += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): radix = 8; index += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): radix = 2; index += 2
            default: radix = 8; index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var magnitude: UInt64 = 0
        for byte in bytes[index...] {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { index = 1 }
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        let integerDigits = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionDigits = digits()
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}
