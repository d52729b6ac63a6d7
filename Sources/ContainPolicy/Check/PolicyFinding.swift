import ContainModel

/// One violation found in a manifest, located at `file:line`.
public struct PolicyFinding: Sendable, Hashable {
    public var file: String?
    public var line: Int?
    /// `Kind/name`.
    public var object: String
    public var violation: GuardrailViolation

    /// `file:line: Kind/name: message`, with `warning: ` or `audit: ` before messages that do
    /// not refuse the object.
    public var text: String {
        var out = ""
        if let file { out += file + ":" }
        if let line { out += "\(line):" }
        if !out.isEmpty { out += " " }
        out += object + ": "
        switch violation.mode {
        case .enforce: break
        case .warn: out += "warning: "
        case .audit: out += "audit: "
        }
        return out + violation.text
    }

    var json: JSONValue {
        var object: JSONObject = [:]
        if let file { object["file"] = .string(file) }
        if let line { object["line"] = .integer(Int64(line)) }
        object["object"] = .string(self.object)
        object["rule"] = .string(violation.rule.rawValue)
        object["mode"] = .string(violation.mode.rawValue)
        object["field"] = .string(violation.path)
        object["message"] = .string(violation.text)
        return .object(object)
    }
}
