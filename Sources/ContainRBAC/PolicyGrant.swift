import ContainModel

/// The rules one binding grants to its subjects, with words saying where they come from.
struct PolicyGrant: Sendable {
    let rules: [PolicyRule]
    /// `RoleBinding "x" of ClusterRole "y"`, as kube-apiserver's RBAC reasons name bindings.
    let source: String
}

/// Grants indexed by the subject they are given to, in binding order: what a policy is
/// compiled from (see `CompiledGrants`).
struct GrantIndex: Sendable {
    var users: [String: [PolicyGrant]] = [:]
    var groups: [String: [PolicyGrant]] = [:]

    mutating func add(_ grant: PolicyGrant, to subject: SubjectKey) {
        switch subject {
        case .user(let name): users[name, default: []].append(grant)
        case .group(let name): groups[name, default: []].append(grant)
        }
    }
}
