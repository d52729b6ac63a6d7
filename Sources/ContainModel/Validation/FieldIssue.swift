/// A problem with one field of one object, worded the way Kubernetes words field errors
/// (`Invalid value: "x": detail`, `Required value: detail`, `Duplicate value: …`, `Not found: …`,
/// `Unsupported value: …`, `Forbidden: …`), so kubectl users recognise it.
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    /// Whether the issue blocks the object or only warns.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// The field the issue is about.
    public var path: FieldPath
    /// The full message, including the `Invalid value: …` lead.
    public var message: String
    public var severity: Severity

    public init(path: FieldPath, message: String, severity: Severity = .error) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(path): \(message)" }

    /// The value is malformed or breaks a rule.
    public static func invalid(_ path: FieldPath, _ value: JSONValue, _ detail: String) -> FieldIssue {
        FieldIssue(path: path, message: "Invalid value: \(JSONWriter.compact(value)): \(detail)")
    }

    /// A required value is missing.
    public static func required(_ path: FieldPath, _ detail: String) -> FieldIssue {
        FieldIssue(path: path, message: "Required value: \(detail)")
    }

    /// The value repeats one that must be unique.
    public static func duplicate(_ path: FieldPath, _ value: JSONValue, _ detail: String? = nil) -> FieldIssue {
        FieldIssue(path: path, message: "Duplicate value: \(JSONWriter.compact(value))" + (detail.map { ": \($0)" } ?? ""))
    }

    /// The value refers to something that does not exist.
    public static func notFound(_ path: FieldPath, _ value: JSONValue, _ detail: String) -> FieldIssue {
        FieldIssue(path: path, message: "Not found: \(JSONWriter.compact(value)): \(detail)")
    }

    /// The value is well-formed but not allowed here.
    public static func forbidden(_ path: FieldPath, _ detail: String) -> FieldIssue {
        FieldIssue(path: path, message: "Forbidden: \(detail)")
    }
}
