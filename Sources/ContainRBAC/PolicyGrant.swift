/// The rules one binding grants to its subjects, with words saying where they come from.
struct PolicyGrant: Sendable {
    let rules: [CompiledRule]
    /// `RoleBinding "x" of ClusterRole "y"`, as kube-apiserver's RBAC reasons name bindings.
    let source: String

    func allows(_ request: RequestAttributes) -> Bool {
        for rule in rules where rule.allows(request) { return true }
        return false
    }
}

/// Grants indexed by the subject they are given to.
struct GrantIndex: Sendable {
    var users: [String: [PolicyGrant]] = [:]
    var groups: [String: [PolicyGrant]] = [:]

    mutating func add(_ grant: PolicyGrant, to subject: SubjectKey) {
        switch subject {
        case .user(let name): users[name, default: []].append(grant)
        case .group(let name): groups[name, default: []].append(grant)
        }
    }

    /// The first grant of `user` (or one of its groups) that allows `request`.
    func firstAllowing(_ user: UserInfo, _ request: RequestAttributes) -> PolicyGrant? {
        if let grants = users[user.name] {
            for grant in grants where grant.allows(request) { return grant }
        }
        for group in user.groups {
            guard let grants = groups[group] else { continue }
            for grant in grants where grant.allows(request) { return grant }
        }
        return nil
    }

    /// Every grant of `user` and its groups.
    func all(_ user: UserInfo) -> [PolicyGrant] {
        var result = users[user.name] ?? []
        for group in user.groups { result += groups[group] ?? [] }
        return result
    }

    var count: Int { users.values.reduce(0) { $0 + $1.count } + groups.values.reduce(0) { $0 + $1.count } }
}
