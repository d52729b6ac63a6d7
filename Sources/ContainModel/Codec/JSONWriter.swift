/// Writes `JSONValue`s as JSON text: compact (for the wire) or indented (for people), members in
/// their stored order, so the same value always gives the same bytes.
public enum JSONWriter {
    /// Compact JSON, one line.
    public static func compact(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, indent: nil, level: 0)
        return output
    }

    /// JSON indented by `indent` spaces per level, ending without a newline (as `kubectl -o json`
    /// prints, minus its trailing newline).
    public static func pretty(_ value: JSONValue, indent: Int = 4) -> String {
        var output = ""
        write(value, into: &output, indent: indent, level: 0)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String, indent: Int?, level: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .integer(let integer): output += String(integer)
        case .double(let double): output += formatDouble(double)
        case .string(let string): writeString(string, into: &output)
        case .array(let array):
            if array.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                newline(&output, indent: indent, level: level + 1)
                write(element, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            var first = true
            for (key, member) in object {
                if !first { output += "," }
                first = false
                newline(&output, indent: indent, level: level + 1)
                writeString(key, into: &output)
                output += indent == nil ? ":" : ": "
                write(member, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    /// Formats a double the way Go's `encoding/json` does for values in range: integral values
    /// without a fraction (`1000`, not `1000.0`), others in shortest round-trip form.
    static func formatDouble(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        if double == double.rounded(), abs(double) < 1e21 {
            if let integer = Int64(exactly: double) { return String(integer) }
        }
        let text = "\(double)"
        // Swift prints `1e-07`; JSON wants the same digits, which it accepts as is.
        return text
    }

    static func writeString(_ string: String, into output: inout String) {
        output += "\""
        var needsEscaping = false
        for byte in string.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscaping = true
            break
        }
        if !needsEscaping {
            output += string
            output += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
