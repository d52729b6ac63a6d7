import ContainModel

/// One tenant's guardrails compiled for evaluation: every lookup a rule needs, prepared once.
/// A class (immutable, so `Sendable`) so that handing it to each handler costs one retain.
public final class TenantPolicy: Sendable {
    public let tenant: Tenant
    public var name: String { tenant.name }
    /// The mode of each rule, by `GuardrailRule.index`.
    let modes: [GuardrailMode]
    /// Allowed registries; nil when unrestricted.
    let registries: [RegistryPrefix]?
    let requireDigest: Bool
    /// The RuntimeClass the tenant's pods must name; nil for the default runtime (runc).
    public let runtimeClassName: String?
    public let podSecurityLevel: PodSecurityLevel
    let resourcesRequired: Bool
    /// Default requests and limits in a fixed order (resource names sorted).
    let defaultRequests: [(name: String, quantity: Quantity)]
    let defaultLimits: [(name: String, quantity: Quantity)]
    let wholeGPUs: Bool
    let migProfiles: Set<String>
    let ingressClasses: Set<String>
    let hostnames: [HostnamePattern]
    let serviceTypes: Set<ServiceType>
    /// Allowed storage classes in the tenant's order; nil when unrestricted.
    let storageClasses: [String]?
    let namespaceQuota: Int?
    let declaredNamespaces: Set<String>
    /// `User:name` and `Group:name` of owners and members.
    let subjects: Set<String>
    let ownerUsers: Set<String>
    let ownerGroups: Set<String>

    /// Compiles `tenant`; `platformRegistry` is the registry an empty registry list means, and the
    /// default requests and limits apply when the tenant sets none.
    public init(_ tenant: Tenant, platformRegistry: String?, defaultRequests: ResourceList, defaultLimits: ResourceList) {
        self.tenant = tenant
        let spec = tenant.spec
        let guardrails = spec.guardrails
        let fallback = guardrails?.defaultMode ?? .enforce
        modes = GuardrailRule.allCases.map { $0.mode(in: guardrails?.modes) ?? fallback }
        if let list = spec.registries, !list.isEmpty {
            registries = list.map(RegistryPrefix.init)
        } else if let platformRegistry {
            registries = [RegistryPrefix(platformRegistry)]
        } else {
            registries = nil
        }
        requireDigest = spec.requireImageDigest ?? false
        let runtime = spec.isolation?.effectiveRuntime ?? .runc
        runtimeClassName = runtime.isSandboxed ? runtime.rawValue : nil
        podSecurityLevel = spec.isolation?.effectivePodSecurity ?? .restricted
        resourcesRequired = guardrails?.containerResources == .require
        let requests = guardrails?.defaultRequests ?? defaultRequests
        let limits = guardrails?.defaultLimits ?? defaultLimits
        self.defaultRequests = requests.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.defaultLimits = limits.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        wholeGPUs = (spec.quota?.gpus ?? 0) > 0
        migProfiles = Set(spec.gpu?.profiles ?? [])
        ingressClasses = Set(spec.network?.ingress?.classes ?? [])
        hostnames = (spec.network?.ingress?.hostnames ?? []).map(HostnamePattern.init)
        if let types = spec.network?.serviceTypes {
            serviceTypes = Set(types)
        } else {
            var types: Set<ServiceType> = []
            if (spec.quota?.loadBalancers ?? 0) > 0 { types.insert(.loadBalancer) }
            if (spec.quota?.nodePorts ?? 0) > 0 { types.insert(.nodePort) }
            serviceTypes = types
        }
        storageClasses = spec.storageClasses
        namespaceQuota = spec.quota?.namespaces
        declaredNamespaces = Set(spec.namespaces.map(\.name))
        var subjects: Set<String> = []
        for subject in spec.owners + (spec.members ?? []) { subjects.insert("\(subject.kind.rawValue):\(subject.name)") }
        self.subjects = subjects
        ownerUsers = Set(spec.owners.filter { $0.kind == .user }.map(\.name))
        ownerGroups = Set(spec.owners.filter { $0.kind == .group }.map(\.name))
    }

    /// The mode of `rule` for this tenant.
    public func mode(_ rule: GuardrailRule) -> GuardrailMode { modes[rule.index] }

    /// The resource names the defaults cover (`cpu`, `memory`): the ones every container must have.
    var requiredResources: [String] {
        Array(Set(defaultRequests.map(\.name) + defaultLimits.map(\.name))).sorted()
    }

    /// Whether `user` is one of the tenant's owners (directly or through a group).
    public func isOwner(_ user: AdmissionUser) -> Bool {
        ownerUsers.contains(user.username) || user.groups.contains { ownerGroups.contains($0) }
    }
}
