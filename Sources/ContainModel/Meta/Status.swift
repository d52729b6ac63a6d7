/// `metav1.Status`: the body of every API error (and of some successful deletes), which kubectl
/// prints as `Error from server (Reason): message`.
public struct Status: Codable, Sendable, Hashable {
    public var kind: String
    public var apiVersion: String
    public var metadata: ListMeta
    /// `Success` or `Failure`.
    public var status: String?
    /// A message a person can act on.
    public var message: String?
    /// A machine-readable reason (`NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, …).
    public var reason: String?
    public var details: StatusDetails?
    /// The HTTP status code.
    public var code: Int?

    public init(status: String? = nil, message: String? = nil, reason: String? = nil, details: StatusDetails? = nil,
                code: Int? = nil, metadata: ListMeta = ListMeta()) {
        self.kind = "Status"
        self.apiVersion = "v1"
        self.metadata = metadata
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
    }

    /// A failure status with a code, reason and message.
    public static func failure(code: Int, reason: String, message: String, details: StatusDetails? = nil) -> Status {
        Status(status: "Failure", message: message, reason: reason, details: details, code: code)
    }
}

/// `metav1.StatusDetails`: which object an error is about, and its causes.
public struct StatusDetails: Codable, Sendable, Hashable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var uid: String?
    public var causes: [StatusCause]?
    public var retryAfterSeconds: Int?

    public init(name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil,
                causes: [StatusCause]? = nil, retryAfterSeconds: Int? = nil) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// `metav1.StatusCause`: one field-level cause of an error.
public struct StatusCause: Codable, Sendable, Hashable {
    /// A machine-readable cause (`FieldValueInvalid`, `FieldValueRequired`, `FieldValueNotSupported`, …).
    public var reason: String?
    public var message: String?
    /// The field path, as `spec.nodePools[1].vcpu`.
    public var field: String?

    public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
        self.reason = reason
        self.message = message
        self.field = field
    }
}
