import ContainModel

/// Privilege-escalation prevention, as kube-apiserver's RBAC storage enforces it: a user may
/// create or update a Role/ClusterRole only with rules they hold themselves (or with the
/// `escalate` verb on it), and a binding only to a role whose rules they hold (or with `bind`).
public struct EscalationCheck: Sendable {
    public let policy: RBACPolicy

    public init(policy: RBACPolicy) { self.policy = policy }

    /// The verdict on writing a role or a binding.
    public enum Verdict: Sendable, Hashable {
        case allowed
        /// The rules the user would grant without holding them.
        case escalation(missing: [PolicyRule])
    }

    /// Writing a Role (in `namespace`) or ClusterRole (`namespace` empty) with `rules`.
    public func checkRole(_ user: UserInfo, kind: String, name: String, namespace: String, rules: [PolicyRule]) -> Verdict {
        if user.isMaster { return .allowed }
        let resource = kind == "ClusterRole" ? "clusterroles" : "roles"
        if policy.authorize(user, .resource("escalate", group: "rbac.authorization.k8s.io", resource: resource,
                                            namespace: namespace, name: name)).allowed {
            return .allowed
        }
        let missing = Self.uncovered(owned: policy.rules(for: user, namespace: namespace), requested: rules)
        return missing.isEmpty ? .allowed : .escalation(missing: missing)
    }

    /// Writing a RoleBinding (in `namespace`) or ClusterRoleBinding (`namespace` empty) to `roleRef`.
    /// A role that does not exist grants nothing, so binding it needs nothing.
    public func checkBinding(_ user: UserInfo, namespace: String, roleRef: RoleRef, roleRules: [PolicyRule]?) -> Verdict {
        if user.isMaster { return .allowed }
        let resource = roleRef.kind == "ClusterRole" ? "clusterroles" : "roles"
        let bindNamespace = roleRef.kind == "ClusterRole" ? namespace : namespace
        if policy.authorize(user, .resource("bind", group: "rbac.authorization.k8s.io", resource: resource,
                                            namespace: bindNamespace, name: roleRef.name)).allowed {
            return .allowed
        }
        let missing = Self.uncovered(owned: policy.rules(for: user, namespace: namespace), requested: roleRules ?? [])
        return missing.isEmpty ? .allowed : .escalation(missing: missing)
    }

    /// The parts of `requested` that no rule of `owned` covers, each broken down to one group,
    /// resource, verb and name (or URL and verb), as `validation.Covers` reports them.
    public static func uncovered(owned: [PolicyRule], requested: [PolicyRule]) -> [PolicyRule] {
        var missing: [PolicyRule] = []
        for rule in requested {
            for atom in breakdown(rule) where !owned.contains(where: { covers($0, atom) }) {
                missing.append(atom)
            }
        }
        return missing
    }

    /// One rule per (group, resource, verb, name) or (URL, verb).
    static func breakdown(_ rule: PolicyRule) -> [PolicyRule] {
        var atoms: [PolicyRule] = []
        for group in rule.apiGroups ?? [] {
            for resource in rule.resources ?? [] {
                for verb in rule.verbs {
                    if let names = rule.resourceNames, !names.isEmpty {
                        for name in names {
                            atoms.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name]))
                        }
                    } else {
                        atoms.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    }
                }
            }
        }
        for url in rule.nonResourceURLs ?? [] {
            for verb in rule.verbs { atoms.append(PolicyRule(verbs: [verb], nonResourceURLs: [url])) }
        }
        return atoms
    }

    /// Whether `owner` covers the atomic rule `atom` (Kubernetes' `ruleCovers`).
    static func covers(_ owner: PolicyRule, _ atom: PolicyRule) -> Bool {
        guard owner.verbs.contains("*") || atom.verbs.allSatisfy(owner.verbs.contains) else { return false }
        if let urls = atom.nonResourceURLs, !urls.isEmpty {
            let owned = owner.nonResourceURLs ?? []
            return urls.allSatisfy { url in
                // kube-apiserver's `nonResourceURLCovers`: equal, or a prefix with every trailing `*` trimmed.
                owned.contains { owner in
                    var prefix = Substring(owner)
                    while prefix.last == "*" { prefix = prefix.dropLast() }
                    return owner == url || (owner.hasSuffix("*") && url.hasPrefix(prefix))
                }
            }
        }
        let groups = owner.apiGroups ?? []
        guard groups.contains("*") || (atom.apiGroups ?? []).allSatisfy(groups.contains) else { return false }
        let resources = owner.resources ?? []
        let resourcesCovered = (atom.resources ?? []).allSatisfy { resource in
            if resources.contains("*") || resources.contains(resource) { return true }
            // `*/scale` covers `deployments/scale`.
            guard let slash = resource.firstIndex(of: "/") else { return false }
            return resources.contains("*" + resource[slash...])
        }
        guard resourcesCovered else { return false }
        let ownerNames = owner.resourceNames ?? []
        if ownerNames.isEmpty { return true }
        let atomNames = atom.resourceNames ?? []
        return !atomNames.isEmpty && atomNames.allSatisfy(ownerNames.contains)
    }

    /// A rule as kube-apiserver prints it in escalation errors.
    public static func describe(_ rule: PolicyRule) -> String {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: " ") + "]" }
        var parts: [String] = []
        if let urls = rule.nonResourceURLs, !urls.isEmpty {
            parts.append("NonResourceURLs:\(list(urls))")
        } else {
            parts.append("APIGroups:\(list(rule.apiGroups ?? []))")
            parts.append("Resources:\(list(rule.resources ?? []))")
            if let names = rule.resourceNames, !names.isEmpty { parts.append("ResourceNames:\(list(names))") }
        }
        parts.append("Verbs:\(list(rule.verbs))")
        return "{" + parts.joined(separator: ", ") + "}"
    }
}
