import ContainModel

/// An API failure: an HTTP code and the `metav1.Status` body kubectl prints as
/// `Error from server (Reason): message`. Every error path of the server ends in one of these.
public struct APIError: Error, Sendable, Hashable {
    /// The Status body; `status.code` is the HTTP status code.
    public var status: Status

    public init(_ status: Status) { self.status = status }

    /// The HTTP status code.
    public var code: Int { status.code ?? 500 }

    static func details(_ resource: APIResource?, name: String?) -> StatusDetails {
        StatusDetails(name: name, group: resource?.type.group, kind: resource?.type.plural)
    }

    /// 400 BadRequest.
    public static func badRequest(_ message: String) -> APIError {
        APIError(.failure(code: 400, reason: "BadRequest", message: message))
    }

    /// 404 NotFound for an object: `tenants.platform.contain.dev "x" not found`.
    public static func notFound(_ resource: APIResource, name: String) -> APIError {
        APIError(.failure(code: 404, reason: "NotFound", message: "\(resource.qualifiedName) \"\(name)\" not found",
                          details: details(resource, name: name)))
    }

    /// 404 NotFound for a path nothing is served at.
    public static func pathNotFound(_ path: String) -> APIError {
        APIError(.failure(code: 404, reason: "NotFound", message: "the server could not find the requested resource",
                          details: StatusDetails(causes: [StatusCause(reason: "UnexpectedServerResponse", message: "404 page not found: \(path)")])))
    }

    /// 405 MethodNotAllowed.
    public static func methodNotAllowed(_ method: String, _ what: String) -> APIError {
        APIError(.failure(code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource (\(method) \(what))"))
    }

    /// 409 AlreadyExists.
    public static func alreadyExists(_ resource: APIResource, name: String) -> APIError {
        APIError(.failure(code: 409, reason: "AlreadyExists", message: "\(resource.qualifiedName) \"\(name)\" already exists",
                          details: details(resource, name: name)))
    }

    /// 409 Conflict on a stale resourceVersion (or a failed precondition).
    public static func conflict(_ resource: APIResource, name: String,
                                detail: String = "the object has been modified; please apply your changes to the latest version and try again") -> APIError {
        APIError(.failure(code: 409, reason: "Conflict", message: "Operation cannot be fulfilled on \(resource.qualifiedName) \"\(name)\": \(detail)",
                          details: details(resource, name: name)))
    }

    /// 409 Conflict for a server-side apply that would change fields other managers own.
    public static func applyConflict(_ conflicts: FieldManager.ApplyConflicts) -> APIError {
        let causes = conflicts.conflicts.map {
            StatusCause(reason: "FieldManagerConflict", message: "conflict with \($0.manager)", field: $0.field)
        }
        return APIError(.failure(code: 409, reason: "Conflict", message: conflicts.message, details: StatusDetails(causes: causes)))
    }

    /// 410 Expired.
    public static func expired(_ message: String) -> APIError {
        APIError(.failure(code: 410, reason: "Expired", message: message))
    }

    /// 413 RequestEntityTooLarge.
    public static func tooLarge(limit: Int) -> APIError {
        APIError(.failure(code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(limit)"))
    }

    /// 415 UnsupportedMediaType.
    public static func unsupportedMediaType(_ contentType: String, supported: [String]) -> APIError {
        APIError(.failure(code: 415, reason: "UnsupportedMediaType",
                          message: "the body of the request was in an unknown format - accepted media types include: \(supported.joined(separator: ", "))",
                          details: StatusDetails(causes: [StatusCause(reason: "UnexpectedServerResponse", message: contentType)])))
    }

    /// 500 InternalError.
    public static func internalError(_ message: String) -> APIError {
        APIError(.failure(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)"))
    }

    /// 422 Invalid with one cause per field issue: `Tenant.platform.contain.dev "x" is invalid: spec.owners: Required value: …`.
    public static func invalid(_ resource: APIResource, name: String, issues: [FieldIssue]) -> APIError {
        let causes = issues.map { issue in
            StatusCause(reason: causeReason(issue.message), message: issue.message, field: issue.path.description)
        }
        let summary = issues.map { "\($0.path): \($0.message)" }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        return APIError(.failure(code: 422, reason: "Invalid", message: "\(resource.qualifiedKind) \"\(name)\" is invalid: \(joined)",
                                 details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.kind, causes: causes)))
    }

    /// The upstream cause reason for a field error message (`Required value: …` → `FieldValueRequired`).
    public static func causeReason(_ message: String) -> String {
        let table: [(String, String)] = [
            ("Required value", "FieldValueRequired"), ("Invalid value", "FieldValueInvalid"),
            ("Duplicate value", "FieldValueDuplicate"), ("Not found", "FieldValueNotFound"),
            ("Unsupported value", "FieldValueNotSupported"), ("Forbidden", "FieldValueForbidden"),
            ("Too long", "FieldValueTooLong"), ("Too many", "FieldValueTooMany"),
        ]
        for (prefix, reason) in table where message.hasPrefix(prefix) { return reason }
        return "FieldValueInvalid"
    }

    /// The field issue a strict-decoding problem amounts to, when it is not an unknown field.
    public static func issue(_ problem: DecodingProblem) -> FieldIssue {
        let prefix = problem.kind == .missingField ? "Required value" : "Invalid value"
        if problem.message.hasPrefix(prefix) { return FieldIssue(path: problem.path, message: problem.message) }
        return FieldIssue(path: problem.path, message: "\(prefix): \(problem.message)")
    }
}
