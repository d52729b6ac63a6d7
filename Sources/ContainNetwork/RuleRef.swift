import ContainModel

/// One rule of a NetworkPolicy: the policy, the direction, and the rule's index in the
/// policy's `ingress` or `egress` list.
public struct RuleRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var policy: PolicyRef
    public var direction: PolicyType
    /// Zero-based index in `spec.ingress` or `spec.egress`.
    public var index: Int

    /// Creates a rule reference.
    public init(policy: PolicyRef, direction: PolicyType, index: Int) {
        self.policy = policy
        self.direction = direction
        self.index = index
    }

    /// For example `shop/allow-web ingress[0]`.
    public var description: String { "\(policy) \(direction == .ingress ? "ingress" : "egress")[\(index)]" }
}
