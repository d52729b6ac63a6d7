import ContainModel

/// A compiled, immutable snapshot of the cluster's RBAC objects (plus the tenancy rule's
/// implied grants), indexed by subject so that one decision costs a few hash lookups.
///
/// Semantics are Kubernetes RBAC's: a ClusterRoleBinding grants its ClusterRole everywhere; a
/// RoleBinding grants its Role, or a ClusterRole, only inside the binding's namespace; rules are
/// only additive; members of `system:masters` are always allowed.
public struct RBACPolicy: Sendable {
    /// Effective rules of every ClusterRole by name, aggregation resolved.
    public let clusterRoleRules: [String: [PolicyRule]]
    /// Every grant, cluster-wide and per namespace, compiled for decisions.
    let grants: CompiledGrants
    /// Bindings whose role does not exist (kube-apiserver ignores them and reports them).
    public let problems: [String]

    /// Compiles `objects`; `bootstrap` ClusterRoles are used where no stored one has the name.
    public init(_ objects: RBACObjects, bootstrap: [ClusterRole] = BootstrapPolicy.clusterRoles,
                bootstrapBindings: [ClusterRoleBinding] = BootstrapPolicy.clusterRoleBindings) {
        var clusterRoles: [String: ClusterRole] = [:]
        for role in bootstrap { clusterRoles[role.metadata.name ?? ""] = role }
        for role in objects.clusterRoles { clusterRoles[role.metadata.name ?? ""] = role }
        let clusterRules = Self.aggregate(clusterRoles)
        var roleRules: [String: [PolicyRule]] = [:]
        for role in objects.roles {
            roleRules[(role.metadata.namespace ?? "") + "/" + (role.metadata.name ?? "")] = role.rules ?? []
        }

        var problems: [String] = []
        var cluster = GrantIndex()
        var clusterBindings: [String: ClusterRoleBinding] = [:]
        for binding in bootstrapBindings + objects.clusterRoleBindings { clusterBindings[binding.metadata.name ?? ""] = binding }
        for binding in clusterBindings.values.sorted(by: { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }) {
            let name = binding.metadata.name ?? ""
            guard binding.roleRef.kind == "ClusterRole", let rules = clusterRules[binding.roleRef.name] else {
                problems.append("ClusterRoleBinding \"\(name)\": clusterrole.rbac.authorization.k8s.io \"\(binding.roleRef.name)\" not found")
                continue
            }
            let grant = PolicyGrant(rules: rules, source: "ClusterRoleBinding \"\(name)\" of ClusterRole \"\(binding.roleRef.name)\"")
            for subject in binding.subjects ?? [] {
                if let key = SubjectKey(subject, bindingNamespace: "") { cluster.add(grant, to: key) }
            }
        }
        var namespaced: [String: GrantIndex] = [:]
        for binding in objects.roleBindings {
            let namespace = binding.metadata.namespace ?? "", name = binding.metadata.name ?? ""
            let rules: [PolicyRule]?
            switch binding.roleRef.kind {
            case "ClusterRole": rules = clusterRules[binding.roleRef.name]
            case "Role": rules = roleRules[namespace + "/" + binding.roleRef.name]
            default: rules = nil
            }
            guard let rules else {
                problems.append("RoleBinding \"\(namespace)/\(name)\": \(binding.roleRef.kind.lowercased()).rbac.authorization.k8s.io \"\(binding.roleRef.name)\" not found")
                continue
            }
            let grant = PolicyGrant(rules: rules, source: "RoleBinding \"\(name)/\(namespace)\" of \(binding.roleRef.kind) \"\(binding.roleRef.name)\"")
            for subject in binding.subjects ?? [] {
                if let key = SubjectKey(subject, bindingNamespace: namespace) { namespaced[namespace, default: GrantIndex()].add(grant, to: key) }
            }
        }
        TenancyRule.addGrants(for: objects.tenants, clusterRules: clusterRules, cluster: &cluster, namespaced: &namespaced)
        self.clusterRoleRules = clusterRules
        self.grants = CompiledGrants(cluster: cluster, namespaced: namespaced)
        self.problems = problems
    }

    /// Resolves aggregation to a fixed point: a ClusterRole with an `aggregationRule` has the
    /// rules of every other ClusterRole whose labels match one of its selectors (aggregated
    /// roles included, so `admin` ⊇ `edit` ⊇ `view` as in Kubernetes). Its own rules are replaced,
    /// as the aggregation controller replaces them.
    static func aggregate(_ roles: [String: ClusterRole]) -> [String: [PolicyRule]] {
        var rules: [String: [PolicyRule]] = [:]
        for (name, role) in roles { rules[name] = role.aggregationRule == nil ? (role.rules ?? []) : [] }
        let aggregated = roles.filter { $0.value.aggregationRule != nil }.sorted { $0.key < $1.key }
        guard !aggregated.isEmpty else { return rules }
        let labelled = roles.map { (name: $0.key, labels: $0.value.metadata.labels ?? [:]) }.sorted { $0.name < $1.name }
        for _ in 0...aggregated.count {
            var changed = false
            for (name, role) in aggregated {
                let selectors = role.aggregationRule?.clusterRoleSelectors ?? []
                var union: [PolicyRule] = []
                var seen = Set<PolicyRule>()
                for candidate in labelled where candidate.name != name {
                    let selected = selectors.contains { selector in (try? selector.matches(candidate.labels)) == true }
                    guard selected else { continue }
                    for rule in rules[candidate.name] ?? [] where seen.insert(rule).inserted { union.append(rule) }
                }
                if union != rules[name] {
                    rules[name] = union
                    changed = true
                }
            }
            if !changed { break }
        }
        return rules
    }

    /// Whether RBAC allows `request` for `user`, and through which binding.
    /// Cluster-wide grants are tried before the request namespace's; the reason names the
    /// first grant that allows it.
    public func authorize(_ user: UserInfo, _ request: RequestAttributes) -> AuthorizationDecision {
        if user.isMaster { return Self.mastersDecision }
        if let source = grants.firstAllowing(user, request) { return .allow(by: source, user: user.name) }
        return .deny
    }

    static let mastersDecision = AuthorizationDecision.allow("RBAC: allowed by group \"system:masters\"")

    /// The rules that apply to `user` in `namespace` (cluster-wide grants included): what
    /// `SelfSubjectRulesReview` lists and what escalation checks compare against.
    public func rules(for user: UserInfo, namespace: String) -> [PolicyRule] {
        if user.isMaster {
            return [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]
        }
        var seen = Set<PolicyRule>()
        var result: [PolicyRule] = []
        for rule in grants.writtenRules(for: user, namespace: namespace) where seen.insert(rule).inserted { result.append(rule) }
        return result
    }

    /// Number of (subject, binding) grants indexed, for benchmarks and diagnostics.
    public var grantCount: Int { grants.count }
}

/// The objects a policy is compiled from.
public struct RBACObjects: Sendable {
    public var roles: [Role]
    public var clusterRoles: [ClusterRole]
    public var roleBindings: [RoleBinding]
    public var clusterRoleBindings: [ClusterRoleBinding]
    /// Tenants, for the tenancy rule.
    public var tenants: [Tenant]

    public init(roles: [Role] = [], clusterRoles: [ClusterRole] = [], roleBindings: [RoleBinding] = [],
                clusterRoleBindings: [ClusterRoleBinding] = [], tenants: [Tenant] = []) {
        self.roles = roles
        self.clusterRoles = clusterRoles
        self.roleBindings = roleBindings
        self.clusterRoleBindings = clusterRoleBindings
        self.tenants = tenants
    }
}
