import ContainModel
import Testing

@testable import ContainRBAC

/// The compiled policy (numbered strings, bit masks, flat grant lists) against a plain reading
/// of kube-apiserver's `rbac.RuleAllows` over the bindings as written, on generated policies
/// whose words collide on purpose: wildcards, `*/subresource`, empty names and groups, unknown
/// verbs, service accounts. Every decision must agree.
@Suite("Compiled RBAC policy equals the rules as written")
struct CompiledPolicyEquivalenceTests {
    static let verbs = ["get", "list", "watch", "create", "delete", "bind", "*", "Get", "custom-verb"]
    static let groups = ["", "apps", "*", "platform.contain.dev"]
    static let resources = ["pods", "pods/status", "pods/log", "deployments", "deployments/scale", "*", "*/scale", "*/status", "*/", "tenants"]
    static let names: [[String]?] = [nil, nil, [], ["a"], ["a", "b"], [""]]
    static let urls = ["/healthz", "/api", "/api/*", "/logs**", "*", "/metrics"]
    static let namespaces = ["n0", "n1", "n2"]
    static let subjects: [Subject] = [
        Subject(kind: .user, name: "u0"), Subject(kind: .user, name: "u1"), Subject(kind: .group, name: "g0"),
        Subject(kind: .group, name: "g1"), Subject(kind: .group, name: "u0"), Subject(kind: .serviceAccount, name: "sa"),
        Subject(kind: .serviceAccount, name: "sa", namespace: "n1"),
    ]
    static let users = [
        UserInfo(name: "u0", groups: ["g0"]), UserInfo(name: "u1", groups: ["g1", "g0"]), UserInfo(name: "u2", groups: ["u0"]),
        UserInfo(name: "system:serviceaccount:n0:sa"), UserInfo(name: "system:serviceaccount:n1:sa", groups: ["g1"]),
        UserInfo(name: "nobody", groups: ["nothing"]),
    ]

    /// kube-apiserver's `RuleAllows`, string by string.
    static func ruleAllows(_ rule: PolicyRule, _ request: RequestAttributes) -> Bool {
        guard rule.verbs.contains("*") || rule.verbs.contains(request.verb) else { return false }
        guard request.isResourceRequest else {
            return (rule.nonResourceURLs ?? []).contains { url in
                if url == "*" || url == request.path { return true }
                guard url.hasSuffix("*") else { return false }
                var prefix = Substring(url)
                while prefix.last == "*" { prefix = prefix.dropLast() }
                return request.path.hasPrefix(prefix)
            }
        }
        let groups = rule.apiGroups ?? []
        guard groups.contains("*") || groups.contains(request.apiGroup) else { return false }
        let combined = request.subresource.isEmpty ? request.resource : request.resource + "/" + request.subresource
        let resourceMatches = (rule.resources ?? []).contains { resource in
            if resource == "*" || resource == combined { return true }
            if request.subresource.isEmpty { return false }
            return resource.count == request.subresource.count + 2 && resource.hasPrefix("*/") && resource.hasSuffix(request.subresource)
        }
        guard resourceMatches else { return false }
        let names = rule.resourceNames ?? []
        return names.isEmpty || names.contains(request.name)
    }

    static func subjectMatches(_ subject: Subject, _ user: UserInfo, bindingNamespace: String) -> Bool {
        switch subject.kind {
        case .user: return subject.name == user.name
        case .group: return user.groups.contains(subject.name)
        case .serviceAccount:
            let namespace = subject.namespace ?? bindingNamespace
            return !namespace.isEmpty && user.name == "system:serviceaccount:\(namespace):\(subject.name)"
        }
    }

    /// Allowed when a binding that applies to the user and the request's scope has a rule that allows it.
    static func referenceAllows(_ objects: RBACObjects, _ clusterRules: [String: [PolicyRule]], _ user: UserInfo, _ request: RequestAttributes) -> Bool {
        if user.groups.contains("system:masters") { return true }
        for binding in objects.clusterRoleBindings where binding.roleRef.kind == "ClusterRole" {
            guard (binding.subjects ?? []).contains(where: { subjectMatches($0, user, bindingNamespace: "") }) else { continue }
            if (clusterRules[binding.roleRef.name] ?? []).contains(where: { ruleAllows($0, request) }) { return true }
        }
        for binding in objects.roleBindings where binding.metadata.namespace == request.namespace && !request.namespace.isEmpty {
            guard (binding.subjects ?? []).contains(where: { subjectMatches($0, user, bindingNamespace: request.namespace) }) else { continue }
            let rules = binding.roleRef.kind == "ClusterRole" ? clusterRules[binding.roleRef.name]
                : objects.roles.first { $0.metadata.namespace == request.namespace && $0.metadata.name == binding.roleRef.name }?.rules
            if (rules ?? []).contains(where: { ruleAllows($0, request) }) { return true }
        }
        return false
    }

    static func randomRule(_ random: inout SplitMix64) -> PolicyRule {
        func some(_ words: [String], _ count: Int) -> [String] { (0..<count).map { _ in words[random.below(words.count)] } }
        if random.below(6) == 0 { return PolicyRule(verbs: some(verbs, 1 + random.below(2)), nonResourceURLs: some(urls, 1 + random.below(2))) }
        return PolicyRule(verbs: some(verbs, 1 + random.below(3)), apiGroups: some(groups, 1 + random.below(2)),
                          resources: some(resources, 1 + random.below(3)), resourceNames: names[random.below(names.count)])
    }

    static func randomRequest(_ random: inout SplitMix64) -> RequestAttributes {
        let verb = (verbs.filter { $0 != "*" } + ["patch", ""])[random.below(verbs.count + 1)]
        if random.below(5) == 0 {
            return .nonResource(verb, path: ["/healthz", "/api", "/api/v1", "/logs", "/logsx/y", "/metrics", "/other", "/log"][random.below(8)])
        }
        let resource = ["pods", "deployments", "tenants", "secrets", "*", "pods/status"][random.below(6)]
        let subresource = ["", "", "status", "scale", "log", "x"][random.below(6)]
        return .resource(verb, group: ["", "apps", "platform.contain.dev", "batch"][random.below(4)], resource: resource,
                         subresource: subresource, namespace: ["", "n0", "n1", "n2", "n9"][random.below(5)],
                         name: ["", "a", "b", "c"][random.below(4)])
    }

    @Test func decisionsAgreeOnGeneratedPolicies() {
        var random = SplitMix64(state: 7)
        var compared = 0, allowed = 0
        for round in 0..<150 {
            let roleNames = ["r0", "r1", "r2", "r3", "view", "missing"]
            let clusterRoles = (0..<4).map { index in
                ClusterRole(metadata: ObjectMeta(name: "r\(index)"), rules: (0..<(1 + random.below(3))).map { _ in Self.randomRule(&random) })
            }
            let roles = Self.namespaces.flatMap { namespace in
                (0..<2).map { index in
                    Role(metadata: ObjectMeta(name: "role\(index)", namespace: namespace), rules: [Self.randomRule(&random), Self.randomRule(&random)])
                }
            }
            func subjects() -> [Subject] { (0..<(1 + random.below(2))).map { _ in Self.subjects[random.below(Self.subjects.count)] } }
            let clusterBindings = (0..<(1 + random.below(4))).map { index in
                ClusterRoleBinding(metadata: ObjectMeta(name: "crb\(index)"), subjects: subjects(),
                                   roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleNames[random.below(roleNames.count)]))
            }
            let roleBindings = (0..<(2 + random.below(6))).map { index in
                let kind = random.below(2) == 0 ? "Role" : "ClusterRole"
                let role = kind == "Role" ? ["role0", "role1", "role9"][random.below(3)] : roleNames[random.below(roleNames.count)]
                return RoleBinding(metadata: ObjectMeta(name: "rb\(index)", namespace: Self.namespaces[random.below(3)]), subjects: subjects(),
                                   roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: kind, name: role))
            }
            let objects = RBACObjects(roles: roles, clusterRoles: clusterRoles, roleBindings: roleBindings, clusterRoleBindings: clusterBindings)
            let policy = RBACPolicy(objects, bootstrapBindings: [])
            for _ in 0..<200 {
                let user = Self.users[random.below(Self.users.count)]
                let request = Self.randomRequest(&random)
                let expected = Self.referenceAllows(objects, policy.clusterRoleRules, user, request)
                let decision = policy.authorize(user, request)
                #expect(decision.allowed == expected, "round \(round): \(user.name) \(request)")
                if decision.allowed {
                    allowed += 1
                    #expect(decision.reason.hasPrefix("RBAC: allowed by ") && decision.reason.hasSuffix(" to User \"\(user.name)\""))
                }
                compared += 1
            }
        }
        // The generator must exercise both answers, or the comparison proves little.
        #expect(compared == 30_000)
        #expect(allowed > 500 && allowed < 29_000, "\(allowed) of \(compared) allowed")
    }

    @Test func verbsBeyondSixtyFourAreMatchedToo() {
        // 70 distinct verbs: numbers 64 and up fall back from the bit mask to a list.
        let verbs = (0..<70).map { "verb-\($0)" }
        let objects = RBACObjects(
            clusterRoles: [ClusterRole(metadata: ObjectMeta(name: "many"), rules: [PolicyRule(verbs: verbs, apiGroups: [""], resources: ["pods"])]),
                           ClusterRole(metadata: ObjectMeta(name: "late"), rules: [PolicyRule(verbs: ["verb-69"], apiGroups: [""], resources: ["secrets"])])],
            clusterRoleBindings: [ClusterRoleBinding(metadata: ObjectMeta(name: "b"), subjects: [Subject(kind: .user, name: "u")],
                                                     roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "many")),
                                  ClusterRoleBinding(metadata: ObjectMeta(name: "c"), subjects: [Subject(kind: .user, name: "u")],
                                                     roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "late"))])
        let policy = RBACPolicy(objects, bootstrapBindings: [])
        let user = UserInfo(name: "u")
        for verb in verbs { #expect(policy.authorize(user, .resource(verb, resource: "pods")).allowed, "\(verb)") }
        #expect(policy.authorize(user, .resource("verb-69", resource: "secrets")).allowed)
        #expect(!policy.authorize(user, .resource("verb-68", resource: "secrets")).allowed)
        #expect(!policy.authorize(user, .resource("verb-70", resource: "pods")).allowed)
    }

    @Test func reasonNamesTheFirstAllowingBindingAndDecisionsCompareByReason() {
        let decision = DecisionTableFixture.policy.authorize(user("alice"), res("get", "pods", ns: "ns-a", name: "p"))
        #expect(decision.reason == "RBAC: allowed by RoleBinding \"alice-pods/ns-a\" of ClusterRole \"pod-reader\" to User \"alice\"")
        #expect(decision == AuthorizationDecision.allow(decision.reason))
        #expect(decision != AuthorizationDecision.allow("RBAC: allowed by something else"))
        #expect(Set([decision, AuthorizationDecision.allow(decision.reason)]).count == 1)
    }
}
