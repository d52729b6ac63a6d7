/// The answer of an authoriser: allowed or not, and why (the reason kube-apiserver reports).
///
/// An allow by a grant keeps the grant's source and the user's name and writes the sentence
/// only when `reason` is read: most decisions are only asked whether they allow.
public struct AuthorizationDecision: Sendable, Hashable {
    public var allowed: Bool

    private enum Why: Sendable {
        case text(String)
        case grant(source: String, user: String)
    }

    private var why: Why

    /// Why: the binding that allowed it, or what is missing; may be empty.
    public var reason: String {
        get {
            switch why {
            case .text(let text): return text
            case .grant(let source, let user): return "RBAC: allowed by \(source) to User \"\(user)\""
            }
        }
        set { why = .text(newValue) }
    }

    public init(allowed: Bool, reason: String = "") {
        self.allowed = allowed
        self.why = .text(reason)
    }

    public static func allow(_ reason: String) -> AuthorizationDecision { AuthorizationDecision(allowed: true, reason: reason) }
    public static let deny = AuthorizationDecision(allowed: false)

    /// Allowed by the grant described by `source` (`RoleBinding "x/ns" of ClusterRole "y"`).
    static func allow(by source: String, user: String) -> AuthorizationDecision {
        var decision = AuthorizationDecision(allowed: true)
        decision.why = .grant(source: source, user: user)
        return decision
    }

    public static func == (lhs: AuthorizationDecision, rhs: AuthorizationDecision) -> Bool {
        lhs.allowed == rhs.allowed && lhs.reason == rhs.reason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(allowed)
        hasher.combine(reason)
    }
}
