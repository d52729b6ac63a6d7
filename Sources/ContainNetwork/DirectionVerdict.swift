import ContainModel

/// The verdict of one side of a connection: the source's egress or the destination's ingress.
public struct DirectionVerdict: Sendable, Hashable, CustomStringConvertible {
    /// Which side this is.
    public var direction: PolicyType
    /// The pod whose policies were checked.
    public var pod: PodRef
    /// Whether some policy selecting the pod governs this direction (lists it in its effective
    /// `policyTypes`). A pod that is not isolated allows everything in this direction.
    public var isolated: Bool
    /// The policies that select the pod and govern this direction, sorted.
    public var selectingPolicies: [PolicyRef]
    /// The rules that allow the connection (any one suffices; policies are additive).
    public var allowingRules: [RuleRef]

    /// Creates a direction verdict.
    public init(
        direction: PolicyType, pod: PodRef, isolated: Bool, selectingPolicies: [PolicyRef], allowingRules: [RuleRef]
    ) {
        self.direction = direction
        self.pod = pod
        self.isolated = isolated
        self.selectingPolicies = selectingPolicies
        self.allowingRules = allowingRules
    }

    /// Whether this side lets the connection through: not isolated, or some rule allows it.
    public var allowed: Bool { !isolated || !allowingRules.isEmpty }

    /// A one-line explanation.
    public var description: String {
        let side = direction == .ingress ? "ingress of" : "egress of"
        guard isolated else { return "\(side) \(pod): not isolated (no policy selects it for \(direction.rawValue))" }
        let policies = selectingPolicies.map(\.description).joined(separator: ", ")
        if allowingRules.isEmpty {
            return "\(side) \(pod): isolated by \(policies); no rule allows it"
        }
        return "\(side) \(pod): isolated by \(policies); allowed by "
            + allowingRules.map(\.description).joined(separator: ", ")
    }
}
