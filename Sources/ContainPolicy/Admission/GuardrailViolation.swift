import ContainModel

/// One broken rule: which, in what mode, where in the object, and a message a person can act on.
public struct GuardrailViolation: Sendable, Hashable {
    public var rule: GuardrailRule
    public var mode: GuardrailMode
    /// The offending field, relative to the object (`spec.containers[0].image`); root when the
    /// whole object is at fault.
    public var fieldPath: FieldPath
    public var message: String

    /// A violation of `rule` at `fieldPath`.
    public init(rule: GuardrailRule, mode: GuardrailMode, fieldPath: FieldPath, message: String) {
        self.rule = rule
        self.mode = mode
        self.fieldPath = fieldPath
        self.message = message
    }

    /// `fieldPath` as text (`spec.containers[0].image`).
    public var path: String { fieldPath.description }
}
