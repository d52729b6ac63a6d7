/// The answer of an authoriser: allowed or not, and why (the reason kube-apiserver reports).
public struct AuthorizationDecision: Sendable, Hashable {
    public var allowed: Bool
    /// Why: the binding that allowed it, or what is missing; may be empty.
    public var reason: String

    public init(allowed: Bool, reason: String = "") {
        self.allowed = allowed
        self.reason = reason
    }

    public static func allow(_ reason: String) -> AuthorizationDecision { AuthorizationDecision(allowed: true, reason: reason) }
    public static let deny = AuthorizationDecision(allowed: false)
}
