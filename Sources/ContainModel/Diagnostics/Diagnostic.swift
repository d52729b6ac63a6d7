/// One problem reported to a person: where (`file:line:column`), which object and field, and what.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var severity: FieldIssue.Severity
    /// The file, as the user named it; `nil` for input without a file.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The object, as `Kind/name`, when the problem belongs to one.
    public var object: String?
    /// The field path (`spec.nodePools[1].vcpu`), when the problem belongs to a field.
    public var field: String?
    public var message: String

    public init(severity: FieldIssue.Severity = .error, file: String?, line: Int?, column: Int?, object: String? = nil,
                field: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.object = object
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, the form editors and CI logs link to.
    public var description: String {
        var text = file ?? "<input>"
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if let field, !field.isEmpty { text += "\(field): " }
        return text + message
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file ?? "", lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.file ?? "", rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }

    /// A diagnostic for a syntax error.
    public init(_ error: SyntaxError) {
        self.init(file: error.file, line: error.position.line, column: error.position.column, message: error.message)
    }

    /// A diagnostic for a field issue of an object read from a document.
    public init(_ issue: FieldIssue, in document: SourceDocument, object: String?) {
        let position = document.position(of: issue.path)
        self.init(severity: issue.severity, file: document.file, line: position?.line, column: position?.column,
                  object: object, field: issue.path.description, message: issue.message)
    }
}
