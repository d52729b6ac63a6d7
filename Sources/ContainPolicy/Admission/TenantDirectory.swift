import ContainModel

/// Every tenant the engine judges against, indexed for the rules that look across tenants:
/// which tenant owns a namespace, who claims a hostname, whose users and groups a subject is,
/// and how many namespaces a tenant already has.
public struct TenantDirectory: Sendable {
    /// The platform's standard container defaults (the same numbers tenancy's LimitRange uses).
    public static let standardRequests: ResourceList = ["cpu": Quantity(milliValue: 100), "memory": Quantity(128 * 1024 * 1024, format: .binarySI)]
    public static let standardLimits: ResourceList = ["cpu": Quantity(milliValue: 500), "memory": Quantity(512 * 1024 * 1024, format: .binarySI)]

    private var policies: [String: TenantPolicy] = [:]
    private var namespaceOwners: [String: String] = [:]
    /// Hostname claims: declared patterns and hosts already in use, each with its tenant.
    private var hostClaims: [(pattern: HostnamePattern, tenant: String)] = []
    private var subjectOwners: [String: [String]] = [:]
    private var namespaceCounts: [String: Int] = [:]

    /// An empty directory: no tenants, so only Pod Security applies.
    public init() {}

    /// Indexes `tenants`. `platformRegistry` is what an empty registry list allows;
    /// `namespaceCounts` are live counts of each tenant's namespaces (the declared namespaces
    /// count when a tenant is missing); `hostsInUse` are hosts of existing Ingresses by tenant.
    public init(tenants: [Tenant], platformRegistry: String? = nil,
                defaultRequests: ResourceList = TenantDirectory.standardRequests,
                defaultLimits: ResourceList = TenantDirectory.standardLimits,
                namespaceCounts: [String: Int] = [:], namespaceOwners: [String: String] = [:],
                hostsInUse: [String: String] = [:]) {
        for tenant in tenants {
            let policy = TenantPolicy(tenant, platformRegistry: platformRegistry, defaultRequests: defaultRequests,
                                      defaultLimits: defaultLimits)
            policies[tenant.name] = policy
            for namespace in tenant.spec.namespaces where self.namespaceOwners[namespace.name] == nil {
                self.namespaceOwners[namespace.name] = tenant.name
            }
            for pattern in policy.hostnames { hostClaims.append((pattern, tenant.name)) }
            for subject in policy.subjects { subjectOwners[subject, default: []].append(tenant.name) }
            self.namespaceCounts[tenant.name] = namespaceCounts[tenant.name] ?? policy.declaredNamespaces.count
        }
        for (namespace, tenant) in namespaceOwners { self.namespaceOwners[namespace] = tenant }
        addHostsInUse(hostsInUse)
    }

    /// The compiled policy of the tenant called `name`.
    public func policy(named name: String) -> TenantPolicy? { policies[name] }

    /// Every tenant's name, sorted.
    public var tenantNames: [String] { policies.keys.sorted() }

    /// The tenant owning `namespace`, if any.
    public func tenantName(forNamespace namespace: String) -> String? { namespaceOwners[namespace] }

    /// The most specific claim of another tenant covering `host`.
    func foreignClaim(on host: HostnamePattern, excluding tenant: String) -> (pattern: HostnamePattern, tenant: String)? {
        var best: (pattern: HostnamePattern, tenant: String)?
        for claim in hostClaims where claim.tenant != tenant && claim.pattern.covers(host) {
            if best == nil || claim.pattern.specificity > best!.pattern.specificity { best = claim }
        }
        return best
    }

    /// Tenants whose owners or members include the subject `Kind:name`.
    func tenants(withSubject key: String) -> [String] { subjectOwners[key] ?? [] }

    /// Tenants whose owners include `user`, directly or through a group, sorted.
    func tenantsOwned(by user: AdmissionUser) -> [String] {
        policies.values.filter { $0.isOwner(user) }.map(\.name).sorted()
    }

    /// The tenant a new namespace is for: the one its `platform.contain.dev/tenant` label names,
    /// or else the only tenant `user` owns; nil when neither names a known tenant.
    func tenant(forNewNamespace namespace: Namespace, by user: AdmissionUser) -> TenantPolicy? {
        if let labelled = namespace.metadata.labels?[AdmissionLabels.tenant] { return policy(named: labelled) }
        let owned = tenantsOwned(by: user)
        return owned.count == 1 ? policy(named: owned[0]) : nil
    }

    /// How many namespaces `tenant` has.
    func namespaceCount(of tenant: String) -> Int { namespaceCounts[tenant] ?? 0 }

    /// Records the live number of `tenant`'s namespaces (what the namespace quota compares with).
    public mutating func setNamespaceCount(_ count: Int, of tenant: String) { namespaceCounts[tenant] = count }

    /// Records hosts already served by Ingresses, each with its tenant (they are claimed like
    /// declared hostnames), in host order.
    public mutating func addHostsInUse(_ hostsInUse: [String: String]) {
        for (host, tenant) in hostsInUse.sorted(by: { $0.key < $1.key }) { hostClaims.append((HostnamePattern(host), tenant)) }
    }
}
