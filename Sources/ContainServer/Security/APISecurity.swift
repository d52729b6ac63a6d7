import ContainRBAC
import ContainStore
import Foundation

/// Everything that guards the API: who is calling (authentication), whether they may
/// (RBAC, with the tenancy rule and escalation prevention), how often (rate and watch limits),
/// and the record of it (audit log).
public struct APISecurity: Sendable {
    public var authenticator: RequestAuthenticator
    public var policies: AuthorizationPolicyCache
    public var rateLimiter: UserRateLimiter?
    public var watchLimiter: WatchLimiter?
    public var audit: AuditLog?

    public init(authenticator: RequestAuthenticator, policies: AuthorizationPolicyCache, rateLimiter: UserRateLimiter? = nil,
                watchLimiter: WatchLimiter? = nil, audit: AuditLog? = nil) {
        self.authenticator = authenticator
        self.policies = policies
        self.rateLimiter = rateLimiter
        self.watchLimiter = watchLimiter
        self.audit = audit
    }
}
