/// Writes `JSONValue`s as block-style YAML the way kubectl prints it: two-space indentation,
/// sequences at their parent key's indentation, members in stored order, and strings quoted
/// only when they would otherwise read back as something else.
public enum YAMLWriter {
    /// One YAML document (no `---` marker), ending with a newline.
    public static func document(_ value: JSONValue) -> String {
        var output = ""
        switch value {
        case .object(let object) where !object.isEmpty:
            writeMembers(object, into: &output, indent: 0)
        case .array(let array) where !array.isEmpty:
            writeElements(array, into: &output, indent: 0)
        default:
            output += inline(value, indent: 0)
            output += "\n"
        }
        return output
    }

    /// Several documents separated by `---` lines.
    public static func documents(_ values: [JSONValue]) -> String {
        values.map(document).joined(separator: "---\n")
    }

    private static func writeMembers(_ object: JSONObject, into output: inout String, indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for (key, value) in object {
            output += padding
            output += keyText(key)
            output += ":"
            writeNested(value, into: &output, indent: indent, inSequence: false)
        }
    }

    private static func writeElements(_ array: [JSONValue], into output: inout String, indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for element in array {
            output += padding
            output += "-"
            switch element {
            case .object(let object) where !object.isEmpty:
                // The first member shares the dash's line; the rest align under it.
                var memberText = ""
                writeMembers(object, into: &memberText, indent: indent + 2)
                output += " "
                output += memberText.dropFirst(indent + 2)
            case .array(let nested) where !nested.isEmpty:
                var nestedText = ""
                writeElements(nested, into: &nestedText, indent: indent + 2)
                output += " "
                output += nestedText.dropFirst(indent + 2)
            default:
                output += " "
                output += inline(element, indent: indent + 2)
                output += "\n"
            }
        }
    }

    /// What follows `key:`: an inline scalar, or a newline and an indented block.
    private static func writeNested(_ value: JSONValue, into output: inout String, indent: Int, inSequence: Bool) {
        switch value {
        case .object(let object) where !object.isEmpty:
            output += "\n"
            writeMembers(object, into: &output, indent: indent + 2)
        case .array(let array) where !array.isEmpty:
            output += "\n"
            writeElements(array, into: &output, indent: indent)
        default:
            output += " "
            output += inline(value, indent: indent + 2)
            output += "\n"
        }
    }

    private static func inline(_ value: JSONValue, indent: Int) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .integer(let integer): String(integer)
        case .double(let double): JSONWriter.formatDouble(double)
        case .string(let string): scalarText(string, indent: indent)
        case .array: "[]"
        case .object: "{}"
        }
    }

    private static func keyText(_ key: String) -> String {
        if !YAMLScalar.needsQuotes(key) { return key }
        if !key.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "'" || $0.value >= 0x80 }) {
            return "'" + key + "'"
        }
        var output = ""
        JSONWriter.writeString(key, into: &output)
        return output
    }

    /// A string as a YAML scalar: plain when safe, a literal block for multi-line text, otherwise
    /// double-quoted with escapes.
    static func scalarText(_ string: String, indent: Int) -> String {
        if !YAMLScalar.needsQuotes(string) { return string }
        if string.contains("\n"), let block = literalBlock(string, indent: indent) { return block }
        if !string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "'" || $0.value >= 0x80 }) {
            return "'" + string + "'"
        }
        var output = ""
        JSONWriter.writeString(string, into: &output)
        return output
    }

    private static func literalBlock(_ string: String, indent: Int) -> String? {
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        // Keep the simple cases only: no carriage returns, tabs or trailing blanks that a
        // literal block would not reproduce exactly.
        for line in lines {
            if line.contains("\r") || line.last == " " || line.last == "\t" { return nil }
            if line.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) { return nil }
        }
        if lines.first?.first == " " { return nil }
        var body = Array(lines)
        let chomp: String
        if body.last == "" {
            body.removeLast()
            if body.last == "" { return nil }
            chomp = "|"
        } else {
            chomp = "|-"
        }
        let padding = String(repeating: " ", count: max(indent, 2))
        return chomp + "\n" + body.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }
}
