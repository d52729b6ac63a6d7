import ContainModel

/// When in the life of a write the engine is asked.
public enum AdmissionStage: String, Sendable, Hashable, CaseIterable {
    /// A mutating webhook: defaults (runtime class, requests and limits, storage class) are
    /// returned as a JSON Patch and the rest is judged on the mutated object.
    case mutating
    /// A validating webhook, after mutation: a missing default is a violation.
    case validating
    /// Manifests checked before they reach a cluster: what mutation would fill in is not a
    /// violation.
    case offline
}

/// What the engine knows about the request's surroundings besides the tenants.
public struct AdmissionContext: Sendable {
    public var stage: AdmissionStage
    /// Labels of the request's namespace, when known (Pod Security labels, the tenant label).
    public var namespaceLabels: [String: String]?
    /// The tenant the request belongs to, overriding what namespaces and labels say.
    public var tenantName: String?

    /// A context at `stage`.
    public init(stage: AdmissionStage, namespaceLabels: [String: String]? = nil, tenantName: String? = nil) {
        self.stage = stage
        self.namespaceLabels = namespaceLabels
        self.tenantName = tenantName
    }
}

/// The label naming a namespace's tenant (the one tenancy puts on every tenant namespace).
public enum AdmissionLabels {
    public static let tenant = "platform.contain.dev/tenant"
    static let enforce = "pod-security.kubernetes.io/enforce"
    static let enforceVersion = "pod-security.kubernetes.io/enforce-version"
    static let warn = "pod-security.kubernetes.io/warn"
    static let warnVersion = "pod-security.kubernetes.io/warn-version"
    static let audit = "pod-security.kubernetes.io/audit"
    static let auditVersion = "pod-security.kubernetes.io/audit-version"
}
