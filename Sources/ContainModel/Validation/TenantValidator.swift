/// Checks one `Tenant` on its own (references to clusters and other tenants are checked by
/// `PlatformValidator`, which sees the whole platform). Pure.
public struct TenantValidator: Sendable {
    /// Namespace names a tenant may never claim: they belong to Kubernetes or the platform.
    public var reservedNamespaces: Set<String> = ["default", "flux-system", "contain-system"]
    /// Namespace prefixes a tenant may never use.
    public var reservedNamespacePrefixes: [String] = ["kube-"]

    public init() {}

    /// Every problem found in the tenant's spec.
    public func validate(_ tenant: Tenant) -> [FieldIssue] {
        let spec = tenant.spec
        let path = FieldPath("spec")
        var issues: [FieldIssue] = []
        if spec.owners.isEmpty {
            issues.append(.required(path.child("owners"), "a tenant needs at least one owner"))
        }
        issues += validateSubjects(spec.owners, at: path.child("owners"))
        issues += validateSubjects(spec.members ?? [], at: path.child("members"))
        if spec.clusters.isEmpty {
            issues.append(.required(path.child("clusters"), "a tenant must be placed on at least one cluster"))
        }
        var clusters: Set<String> = []
        for (index, cluster) in spec.clusters.enumerated() where !clusters.insert(cluster).inserted {
            issues.append(.duplicate(path.child("clusters").index(index), .string(cluster)))
        }
        issues += validateNamespaces(spec, placed: clusters, at: path.child("namespaces"))
        if let quota = spec.quota {
            issues += validateQuota(quota, tenant: spec, at: path.child("quota"))
        }
        issues += validateIsolation(spec, at: path.child("isolation"))
        for (index, profile) in (spec.gpu?.profiles ?? []).enumerated() where !MIGProfile.isValid(profile) {
            issues.append(.invalid(path.child("gpu").child("profiles").index(index), .string(profile), MIGProfile.formatMessage))
        }
        for (index, registry) in (spec.registries ?? []).enumerated() where !Self.isRegistry(registry) {
            issues.append(.invalid(path.child("registries").index(index), .string(registry),
                                   "must be a registry host, optionally with a path (registry.example.com/team), without a scheme"))
        }
        if let network = spec.network {
            issues += validateNetwork(network, tenant: tenant, at: path.child("network"))
        }
        if let guardrails = spec.guardrails {
            issues += validateGuardrails(guardrails, at: path.child("guardrails"))
        }
        return issues
    }

    func validateGuardrails(_ guardrails: TenantGuardrails, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (field, list) in [("defaultRequests", guardrails.defaultRequests), ("defaultLimits", guardrails.defaultLimits)] {
            for (resource, quantity) in (list ?? [:]).sorted(by: { $0.key < $1.key }) where quantity.sign < 0 {
                issues.append(.invalid(path.child(field).child(resource), .string(quantity.description),
                                       "must be greater than or equal to 0"))
            }
        }
        for (resource, request) in (guardrails.defaultRequests ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let limit = guardrails.defaultLimits?[resource], limit < request {
                issues.append(.invalid(path.child("defaultRequests").child(resource), .string(request.description),
                                       "must be less than or equal to the default limit (\(limit))"))
            }
        }
        if guardrails.containerResources == .require,
            guardrails.defaultRequests != nil || guardrails.defaultLimits != nil
        {
            issues.append(.forbidden(path.child("containerResources"),
                                     "defaultRequests and defaultLimits are only used when containerResources is default"))
        }
        return issues
    }

    func validateSubjects(_ subjects: [TenantSubject], at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var seen: Set<String> = []
        for (index, subject) in subjects.enumerated() {
            if subject.name.isEmpty {
                issues.append(.required(path.index(index).child("name"), "the user or group name"))
            } else if !seen.insert("\(subject.kind.rawValue)/\(subject.name)").inserted {
                issues.append(.duplicate(path.index(index).child("name"), .string(subject.name)))
            }
        }
        return issues
    }

    func validateNamespaces(_ spec: TenantSpec, placed: Set<String>, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if spec.namespaces.isEmpty {
            issues.append(.required(path, "a tenant needs at least one namespace"))
        }
        var names: Set<String> = []
        for (index, namespace) in spec.namespaces.enumerated() {
            let namePath = path.index(index).child("name")
            let problems = NameRules.dns1123Label(namespace.name)
            for problem in problems { issues.append(.invalid(namePath, .string(namespace.name), problem)) }
            if problems.isEmpty,
                reservedNamespaces.contains(namespace.name)
                    || reservedNamespacePrefixes.contains(where: { namespace.name.hasPrefix($0) })
            {
                issues.append(.invalid(namePath, .string(namespace.name), "reserved for Kubernetes and the platform"))
            }
            if !names.insert(namespace.name).inserted {
                issues.append(.duplicate(namePath, .string(namespace.name)))
            }
            for (clusterIndex, cluster) in (namespace.clusters ?? []).enumerated() where !placed.contains(cluster) {
                issues.append(.invalid(path.index(index).child("clusters").index(clusterIndex), .string(cluster),
                                       "the tenant is not placed on this cluster (spec.clusters)"))
            }
        }
        return issues
    }

    func validateQuota(_ quota: TenantQuota, tenant: TenantSpec, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let quantities: [(String, Quantity?)] = [
            ("cpu", quota.cpu), ("memory", quota.memory), ("limitsCPU", quota.limitsCPU),
            ("limitsMemory", quota.limitsMemory), ("storage", quota.storage),
        ]
        for (field, quantity) in quantities {
            if let quantity, quantity.sign < 0 {
                issues.append(.invalid(path.child(field), .string(quantity.description), "must be greater than or equal to 0"))
            }
        }
        if let cpu = quota.cpu, let limit = quota.limitsCPU, limit < cpu {
            issues.append(.invalid(path.child("limitsCPU"), .string(limit.description), "must be at least the cpu request quota (\(cpu))"))
        }
        if let memory = quota.memory, let limit = quota.limitsMemory, limit < memory {
            issues.append(.invalid(path.child("limitsMemory"), .string(limit.description),
                                   "must be at least the memory request quota (\(memory))"))
        }
        let counts: [(String, Int?)] = [
            ("pods", quota.pods), ("services", quota.services), ("loadBalancers", quota.loadBalancers),
            ("nodePorts", quota.nodePorts), ("gpus", quota.gpus), ("namespaces", quota.namespaces),
        ]
        for (field, count) in counts {
            if let count, count < 0 {
                issues.append(.invalid(path.child(field), .integer(Int64(count)), "must be greater than or equal to 0"))
            }
        }
        let allowedProfiles = Set(tenant.gpu?.profiles ?? [])
        for profile in (quota.migDevices ?? [:]).keys.sorted() {
            let profilePath = path.child("migDevices").child(profile)
            if let count = quota.migDevices?[profile], count < 0 {
                issues.append(.invalid(profilePath, .integer(Int64(count)), "must be greater than or equal to 0"))
            }
            if !MIGProfile.isValid(profile) {
                issues.append(.invalid(profilePath, .string(profile), MIGProfile.formatMessage))
            } else if !allowedProfiles.contains(profile) {
                issues.append(.invalid(profilePath, .string(profile), "not among the tenant's allowed MIG profiles (spec.gpu.profiles)"))
            }
        }
        if let limit = quota.namespaces {
            let perCluster = tenant.clusters.map { cluster in
                tenant.namespaces.filter { $0.clusters?.contains(cluster) ?? true }.count
            }
            if let most = perCluster.max(), most > limit {
                issues.append(.invalid(path.child("namespaces"), .integer(Int64(limit)),
                                       "the tenant declares \(most) namespaces on one cluster, more than its namespace quota"))
            }
        }
        return issues
    }

    func validateIsolation(_ spec: TenantSpec, at path: FieldPath) -> [FieldIssue] {
        let isolation = spec.isolation ?? TenantIsolation()
        var issues: [FieldIssue] = []
        switch isolation.effectiveTier {
        case .dedicatedNodes:
            if isolation.nodePool == nil {
                issues.append(.required(path.child("nodePool"), "the dedicatedNodes tier names the node pool reserved for the tenant"))
            }
        default:
            if isolation.nodePool != nil {
                issues.append(.forbidden(path.child("nodePool"), "only the dedicatedNodes tier reserves a node pool"))
            }
        }
        let wantsGPU = (spec.quota?.gpus ?? 0) > 0 || !(spec.quota?.migDevices ?? [:]).isEmpty || !(spec.gpu?.profiles ?? []).isEmpty
        if isolation.effectiveRuntime == .kataFirecracker && wantsGPU {
            issues.append(.forbidden(path.child("runtime"),
                                     "Firecracker microVMs have no device passthrough, so kata-firecracker pods cannot use GPUs; use kata or gvisor"))
        }
        if isolation.effectiveTier == .virtualCluster && isolation.effectivePodSecurity == .privileged {
            issues.append(.forbidden(path.child("podSecurity"),
                                     "a virtual cluster's workloads run in a shared host namespace, which cannot be privileged"))
        }
        return issues
    }

    func validateNetwork(_ network: TenantNetwork, tenant: Tenant, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var seen: Set<String> = []
        for (index, source) in (network.allowFrom ?? []).enumerated() {
            if source == tenant.name {
                issues.append(.invalid(path.child("allowFrom").index(index), .string(source),
                                       "a tenant's own namespaces always reach each other"))
            } else if !seen.insert(source).inserted {
                issues.append(.duplicate(path.child("allowFrom").index(index), .string(source)))
            }
        }
        var types: Set<ServiceType> = []
        for (index, type) in (network.serviceTypes ?? []).enumerated() where !types.insert(type).inserted {
            issues.append(.duplicate(path.child("serviceTypes").index(index), .string(type.rawValue)))
        }
        for (index, hostname) in (network.ingress?.hostnames ?? []).enumerated() {
            let bare = hostname.hasPrefix("*.") ? String(hostname.dropFirst(2)) : hostname
            for problem in NameRules.dns1123Subdomain(bare) {
                issues.append(.invalid(path.child("ingress").child("hostnames").index(index), .string(hostname), problem))
            }
        }
        return issues
    }

    static func isRegistry(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains("://"), !text.hasSuffix("/"), !text.contains(" ") else { return false }
        let host = text.split(separator: "/", maxSplits: 1)[0]
        let hostName = host.split(separator: ":", maxSplits: 1)
        if hostName.count == 2, !(hostName[1].allSatisfy { $0.isASCII && $0.isNumber }) || hostName[1].isEmpty {
            return false
        }
        return NameRules.dns1123Subdomain(String(hostName[0]).lowercased()).isEmpty
    }
}
