import ContainRBAC

/// A request whose user is known: what handlers that act on behalf of a user take, so that such
/// a handler cannot be called without authentication having happened.
public struct AuthenticatedContext: Sendable {
    /// The user the request acts as (after impersonation, if any).
    public let user: UserInfo
    /// The user who authenticated, when different (impersonation).
    public let authenticatedAs: UserInfo?
    /// The request's RBAC attributes.
    public let attributes: RequestAttributes
    /// A per-request ID, also in the audit log.
    public let requestID: String
}
