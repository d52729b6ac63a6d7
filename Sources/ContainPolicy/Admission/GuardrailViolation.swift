import ContainModel

/// One broken rule: which, in what mode, where in the object, and a message a person can act on.
public struct GuardrailViolation: Sendable, Hashable, Codable {
    public var rule: GuardrailRule
    public var mode: GuardrailMode
    /// The offending field, relative to the object (`spec.containers[0].image`); root when the
    /// whole object is at fault.
    public var path: String
    public var message: String

    /// A violation of `rule` at `path`.
    public init(rule: GuardrailRule, mode: GuardrailMode, path: String, message: String) {
        self.rule = rule
        self.mode = mode
        self.path = path
        self.message = message
    }
}
