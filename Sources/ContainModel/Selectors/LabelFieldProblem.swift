/// One field-level problem, rendered the way Go's `field.Error.Error()` renders it:
/// `<path>: Invalid value: <value>: <detail>`.
struct LabelFieldProblem: Sendable, Hashable {
    /// The field path as upstream prints it (`key`, `values[0][app]`, or `<nil>` for no path).
    var path: String
    /// The offending value, already formatted as upstream formats it.
    var renderedValue: String
    var detail: String

    var message: String {
        path + ": Invalid value: " + renderedValue + ": " + detail
    }

    /// A problem whose bad value is a single string (Go renders it with `%q`).
    static func invalid(_ path: String, string value: String, _ detail: String) -> LabelFieldProblem {
        LabelFieldProblem(path: path, renderedValue: GoText.quote(value), detail: detail)
    }

    /// A problem whose bad value is a list of strings (Go renders it as JSON; an empty list as `null`,
    /// because the callers that reach this pass Go a nil slice).
    static func invalid(_ path: String, strings values: [String], _ detail: String) -> LabelFieldProblem {
        LabelFieldProblem(path: path, renderedValue: goJSONArray(values), detail: detail)
    }

    /// Joins problems the way `field.ErrorList.ToAggregate().Error()` does: duplicates
    /// dropped, a single message as is, several as `[a, b]`.
    static func aggregate(_ problems: [LabelFieldProblem]) -> String {
        var seen = Set<String>()
        var messages: [String] = []
        for problem in problems {
            let message = problem.message
            if seen.insert(message).inserted {
                messages.append(message)
            }
        }
        if messages.count == 1 {
            return messages[0]
        }
        return "[" + messages.joined(separator: ", ") + "]"
    }
}

// Go's `encoding/json` string formatting (`%q` is `GoText.quote`), needed to reproduce upstream
// error messages byte for byte.
extension LabelFieldProblem {
    /// Go's `json.Marshal` of a `[]string`, with `null` for an empty (nil) list.
    static func goJSONArray(_ values: [String]) -> String {
        if values.isEmpty { return "null" }
        return "[" + values.map(goJSONString).joined(separator: ",") + "]"
    }

    /// Go's `json.Marshal` of a string, including its HTML-safe escaping of `<`, `>` and `&`.
    static func goJSONString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + GoText.hex(scalar.value, digits: 4)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + GoText.hex(scalar.value, digits: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

}
