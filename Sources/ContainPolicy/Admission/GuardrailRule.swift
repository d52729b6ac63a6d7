import ContainModel

/// The platform's admission rules, each with a per-tenant mode (`TenantGuardrails.modes`).
public enum GuardrailRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// Pod Security Standards at the namespace's or tenant's level.
    case podSecurity
    /// Images only from the tenant's registries.
    case registries
    /// Images only by digest.
    case imageDigest
    /// Container requests and limits (defaulted by mutation or required).
    case resources
    /// `runtimeClassName` is the tenant's sandbox runtime.
    case runtimeClass
    /// GPUs and MIG slices only where allowed.
    case gpu
    /// Ingress classes and hostnames.
    case ingress
    /// Service types LoadBalancer, NodePort and ExternalName.
    case serviceTypes
    /// Storage classes of volume claims.
    case storageClasses
    /// RoleBinding subjects of other tenants.
    case roleBindings
    /// Namespaces created by owners, up to the namespace quota.
    case namespaceQuota

    /// Dense index for per-rule tables.
    var index: Int {
        switch self {
        case .podSecurity: 0
        case .registries: 1
        case .imageDigest: 2
        case .resources: 3
        case .runtimeClass: 4
        case .gpu: 5
        case .ingress: 6
        case .serviceTypes: 7
        case .storageClasses: 8
        case .roleBindings: 9
        case .namespaceQuota: 10
        }
    }

    /// The mode `modes` sets for this rule.
    func mode(in modes: GuardrailModes?) -> GuardrailMode? {
        guard let modes else { return nil }
        switch self {
        case .podSecurity: return modes.podSecurity
        case .registries: return modes.registries
        case .imageDigest: return modes.imageDigest
        case .resources: return modes.resources
        case .runtimeClass: return modes.runtimeClass
        case .gpu: return modes.gpu
        case .ingress: return modes.ingress
        case .serviceTypes: return modes.serviceTypes
        case .storageClasses: return modes.storageClasses
        case .roleBindings: return modes.roleBindings
        case .namespaceQuota: return modes.namespaceQuota
        }
    }
}

extension GuardrailMode {
    /// Whether a violation in this mode refuses the request.
    public var isEnforced: Bool { self == .enforce }
}
