import ContainModel

/// The answer to one admission request: allowed or refused (with an HTTP code and message),
/// warnings for the client, annotations for the audit log, and the mutation to apply.
public struct AdmissionDecision: Sendable, Hashable {
    public var allowed: Bool
    /// 200 when allowed; 403 when a rule refused the request; 400 for an undecodable object.
    public var code: Int
    /// Why the request was refused; empty when allowed.
    public var message: String
    /// Shown by kubectl as `Warning: …`.
    public var warnings: [String]
    /// Recorded in the API server's audit log.
    public var auditAnnotations: [String: String]
    /// The JSON Patch that mutation applies; empty when nothing changes or the request is refused.
    public var patch: [PatchOperation]
    /// Every violation found, in every mode.
    public var violations: [GuardrailViolation]

    /// A decision; `allowed` with nothing else by default.
    public init(allowed: Bool = true, code: Int = 200, message: String = "", warnings: [String] = [],
                auditAnnotations: [String: String] = [:], patch: [PatchOperation] = [],
                violations: [GuardrailViolation] = []) {
        self.allowed = allowed
        self.code = code
        self.message = message
        self.warnings = warnings
        self.auditAnnotations = auditAnnotations
        self.patch = patch
        self.violations = violations
    }

    /// An allowed request with nothing to say.
    public static let allow = AdmissionDecision()

    /// A request refused before any rule ran (the object could not be read).
    public static func badRequest(_ message: String) -> AdmissionDecision {
        AdmissionDecision(allowed: false, code: 400, message: message)
    }

    /// Violations enforced (the ones that refuse the request).
    public var enforcedViolations: [GuardrailViolation] { violations.filter { $0.mode.isEnforced } }
}
