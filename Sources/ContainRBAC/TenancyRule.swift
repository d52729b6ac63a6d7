import ContainModel

/// The tenancy rule on top of RBAC: a tenant's owners may see their own Tenant object and its
/// namespaces, and every owner and member holds their tenant role (`admin`, `edit`, `view`)
/// inside the tenant's namespaces — nothing of other tenants.
///
/// The cluster-wide part is the bootstrap ClusterRole `contain:tenant-owner` instantiated per
/// tenant: each of its rules on `tenants` is limited to the tenant's name, each rule on
/// `namespaces` to the tenant's namespace names. Editing that ClusterRole widens or narrows what
/// every owner may do with their own tenant, never with another's.
enum TenancyRule {
    static let ownerRoleName = "contain:tenant-owner"

    static func addGrants(for tenants: [Tenant], clusterRules: [String: [PolicyRule]],
                          cluster: inout GrantIndex, namespaced: inout [String: GrantIndex]) {
        let template = clusterRules[ownerRoleName] ?? []
        for tenant in tenants {
            guard let tenantName = tenant.metadata.name, !tenantName.isEmpty else { continue }
            let namespaces = tenant.spec.namespaces.map(\.name)
            let ownerRules = instantiate(template, tenant: tenantName, namespaces: namespaces)
            let ownerGrant = PolicyGrant(rules: ownerRules, source: "Tenant \"\(tenantName)\" owners of ClusterRole \"\(ownerRoleName)\"")
            func key(_ subject: TenantSubject) -> SubjectKey {
                subject.kind == .group ? .group(subject.name) : .user(subject.name)
            }
            for owner in tenant.spec.owners where !ownerRules.isEmpty { cluster.add(ownerGrant, to: key(owner)) }
            let subjects = tenant.spec.owners.map { ($0, $0.role ?? .admin) } + (tenant.spec.members ?? []).map { ($0, $0.role ?? .edit) }
            for (subject, role) in subjects {
                guard let rules = clusterRules[role.rawValue], !rules.isEmpty else { continue }
                for namespace in namespaces {
                    let grant = PolicyGrant(rules: rules, source: "Tenant \"\(tenantName)\" \(role.rawValue) in namespace \"\(namespace)\" of ClusterRole \"\(role.rawValue)\"")
                    namespaced[namespace, default: GrantIndex()].add(grant, to: key(subject))
                }
            }
        }
    }

    /// The template's rules limited to one tenant: rules on `tenants` get `resourceNames: [tenant]`,
    /// rules on `namespaces` get the tenant's namespaces; a template rule that already names
    /// resources keeps only names inside the tenant.
    static func instantiate(_ template: [PolicyRule], tenant: String, namespaces: [String]) -> [PolicyRule] {
        var result: [PolicyRule] = []
        for rule in template where rule.nonResourceURLs == nil {
            for resource in rule.resources ?? [] {
                let base = resource.split(separator: "/", maxSplits: 1).first.map(String.init) ?? resource
                let allowedNames: [String]
                switch base {
                case "tenants": allowedNames = [tenant]
                case "namespaces": allowedNames = namespaces
                default: continue  // the template only speaks about tenants and namespaces
                }
                let names = rule.resourceNames.map { $0.filter(allowedNames.contains) } ?? allowedNames
                guard !names.isEmpty else { continue }
                result.append(PolicyRule(verbs: rule.verbs, apiGroups: rule.apiGroups, resources: [resource], resourceNames: names))
            }
        }
        return result
    }
}
