/// `core/v1.TolerationOperator`: how a toleration's value is matched against a taint's.
public enum TolerationOperator: String, StringEnum {
    /// Any value matches; the toleration's value must be empty.
    case exists = "Exists"
    /// The values must be equal (the default).
    case equal = "Equal"
    /// Numeric less-than comparison (feature gate TaintTolerationComparisonOperators).
    case lt = "Lt"
    /// Numeric greater-than comparison (feature gate TaintTolerationComparisonOperators).
    case gt = "Gt"
}

/// `core/v1.Toleration`: lets a pod schedule onto (or stay on) nodes with a matching taint.
public struct Toleration: Codable, Sendable, Hashable {
    /// The taint key; empty with operator `Exists` matches every taint.
    public var key: String?
    /// Defaults to `Equal`.
    public var `operator`: TolerationOperator?
    public var value: String?
    /// The taint effect to match; empty matches all effects.
    public var effect: Taint.Effect?
    /// For `NoExecute`: how long the pod stays bound after the taint appears; unset means forever.
    public var tolerationSeconds: Int64?

    public init(
        key: String? = nil, operator: TolerationOperator? = nil, value: String? = nil, effect: Taint.Effect? = nil,
        tolerationSeconds: Int64? = nil
    ) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }
}
