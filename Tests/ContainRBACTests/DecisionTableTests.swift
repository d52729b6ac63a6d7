import ContainModel
import Testing

@testable import ContainRBAC

/// One row: who asks for what, and whether Kubernetes RBAC allows it, with the reason taken
/// from the RBAC documentation (https://kubernetes.io/docs/reference/access-authn-authz/rbac/).
struct DecisionCase: CustomTestStringConvertible, Sendable {
    let user: UserInfo
    let request: RequestAttributes
    let allowed: Bool
    let why: String
    var testDescription: String { "\(user.name) \(request.verb) \(request.isResourceRequest ? request.combinedResource : request.path) ns=\(request.namespace) name=\(request.name): \(allowed ? "allow" : "deny") — \(why)" }
}

func user(_ name: String, _ groups: String...) -> UserInfo { UserInfo(name: name, groups: groups + ["system:authenticated"]) }
func res(_ verb: String, _ resource: String, group: String = "", sub: String = "", ns: String = "", name: String = "") -> RequestAttributes {
    .resource(verb, group: group, resource: resource, subresource: sub, namespace: ns, name: name)
}
func url(_ verb: String, _ path: String) -> RequestAttributes { .nonResource(verb, path: path) }
func allow(_ user: UserInfo, _ request: RequestAttributes, _ why: String) -> DecisionCase { DecisionCase(user: user, request: request, allowed: true, why: why) }
func deny(_ user: UserInfo, _ request: RequestAttributes, _ why: String) -> DecisionCase { DecisionCase(user: user, request: request, allowed: false, why: why) }

let decisionTable: [DecisionCase] = [
    // RoleBinding → ClusterRole: the ClusterRole's rules, only inside the binding's namespace.
    allow(user("alice"), res("get", "pods", ns: "ns-a", name: "p"), "RoleBinding ns-a → ClusterRole pod-reader"),
    allow(user("alice"), res("list", "pods", ns: "ns-a"), "list is in pod-reader"),
    deny(user("alice"), res("get", "pods", ns: "ns-b", name: "p"), "a RoleBinding grants only in its own namespace"),
    deny(user("alice"), res("list", "pods"), "all-namespace list needs a cluster-wide grant"),
    deny(user("alice"), res("delete", "pods", ns: "ns-a", name: "p"), "delete is not in pod-reader"),
    deny(user("alice"), res("get", "pods", sub: "log", ns: "ns-a", name: "p"), "\"pods\" does not match the subresource pods/log"),
    deny(user("alice"), res("get", "services", ns: "ns-a", name: "s"), "services not granted"),
    deny(user("alice"), res("get", "pods", group: "apps", ns: "ns-a", name: "p"), "apiGroups [\"\"] does not match apps"),
    // ClusterRoleBinding: everywhere, including the cluster scope.
    allow(user("bob"), res("get", "pods", ns: "ns-b", name: "p"), "ClusterRoleBinding grants in every namespace"),
    allow(user("bob"), res("list", "pods"), "and across all namespaces"),
    allow(user("bob"), res("watch", "pods", ns: "ns-x"), "watch is in pod-reader"),
    deny(user("bob"), res("create", "pods", ns: "ns-b"), "create is not in pod-reader"),
    // RoleBinding → Role in the same namespace; a RoleBinding to a missing Role grants nothing.
    allow(user("x", "team-a"), res("create", "configmaps", ns: "ns-a"), "group team-a bound to Role cm-editor in ns-a"),
    allow(user("x", "team-a"), res("update", "configmaps", ns: "ns-a", name: "c"), "update is in cm-editor"),
    deny(user("x", "team-a"), res("delete", "configmaps", ns: "ns-a", name: "c"), "delete is not in cm-editor"),
    deny(user("x", "team-a"), res("create", "configmaps", ns: "ns-b"), "ns-b's binding names a Role that does not exist in ns-b"),
    deny(user("x"), res("create", "configmaps", ns: "ns-a"), "without the group there is no binding"),
    // resourceNames.
    allow(user("carol"), res("get", "secrets", ns: "ns-a", name: "db-pass"), "resourceNames contains db-pass"),
    deny(user("carol"), res("get", "secrets", ns: "ns-a", name: "other"), "resourceNames does not contain other"),
    deny(user("carol"), res("list", "secrets", ns: "ns-a"), "a list has no name, so resourceNames never matches it"),
    deny(user("carol"), res("get", "secrets", ns: "ns-a"), "an empty name does not match a resourceNames rule"),
    deny(user("carol"), res("update", "secrets", ns: "ns-a", name: "db-pass"), "update is not granted"),
    // Subresources and */subresource.
    allow(user("dave"), res("update", "deployments", group: "apps", sub: "scale", ns: "n", name: "d"), "*/scale matches deployments/scale"),
    deny(user("dave"), res("update", "deployments", group: "apps", ns: "n", name: "d"), "*/scale does not match the main resource"),
    allow(user("dave"), res("get", "statefulsets", group: "apps", sub: "scale", ns: "n", name: "s"), "*/scale matches any resource's scale"),
    deny(user("dave"), res("update", "replicationcontrollers", sub: "scale", ns: "n", name: "r"), "apiGroups is apps only"),
    deny(user("dave"), res("update", "replicasets", group: "apps", sub: "status", ns: "n", name: "r"), "status is not scale"),
    // Wildcards.
    allow(user("erin"), res("delete", "deployments", group: "apps", ns: "ns-a", name: "d"), "resources * and verbs * in apps"),
    allow(user("erin"), res("patch", "deployments", group: "apps", sub: "status", ns: "ns-a", name: "d"), "resources * covers subresources"),
    deny(user("erin"), res("get", "pods", ns: "ns-a", name: "p"), "the wildcard is limited to the apps group"),
    allow(user("erin"), res("deletecollection", "statefulsets", group: "apps"), "verbs * covers deletecollection, cluster-wide"),
    // nonResourceURLs, and the bootstrap discovery/public-info bindings.
    allow(user("oli", "ops"), url("get", "/metrics"), "ops bound to metrics-reader"),
    deny(user("oli", "ops"), url("post", "/metrics"), "only get is granted"),
    allow(user("oli", "ops"), url("get", "/logs/kube.log"), "/logs/* is a prefix match"),
    deny(user("oli", "ops"), url("get", "/logs"), "/logs does not start with /logs/"),
    allow(user("oli", "ops"), url("get", "/healthz"), "system:public-info-viewer is bound to system:authenticated"),
    deny(user("pat"), url("get", "/metrics"), "no binding grants /metrics to pat"),
    allow(user("pat"), url("get", "/api/v1"), "system:discovery grants /api/* to system:authenticated"),
    deny(UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"]), url("get", "/apis"), "discovery is for authenticated users only"),
    allow(UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"]), url("get", "/version"), "public-info-viewer includes system:unauthenticated"),
    // Aggregation by label selector, also through another aggregated role.
    allow(user("frank"), res("list", "pods", ns: "ns-x"), "monitoring aggregates mon-pods (team=monitoring)"),
    allow(user("frank"), res("get", "services", ns: "ns-x", name: "s"), "and mon-svc"),
    deny(user("frank"), res("delete", "pods", ns: "ns-x", name: "p"), "other-label (team=other) is not selected"),
    allow(user("gina"), res("list", "pods", ns: "ns-x"), "mon-all aggregates monitoring (tier=top), which aggregates mon-pods"),
    allow(user("gina"), res("get", "services", ns: "ns-x", name: "s"), "transitively mon-svc"),
    deny(user("gina"), res("delete", "pods", ns: "ns-x", name: "p"), "nothing selected grants delete"),
    // ServiceAccount subjects: namespace defaults to the binding's.
    allow(UserInfo(name: "system:serviceaccount:ns-a:builder", groups: ["system:serviceaccounts"]), res("get", "pods", ns: "ns-a", name: "p"), "ServiceAccount subject without namespace means the binding's namespace"),
    deny(UserInfo(name: "system:serviceaccount:ns-a:builder", groups: ["system:serviceaccounts"]), res("get", "pods", ns: "ns-b", name: "p"), "the RoleBinding is in ns-a"),
    deny(UserInfo(name: "system:serviceaccount:ns-b:builder", groups: ["system:serviceaccounts"]), res("get", "pods", ns: "ns-a", name: "p"), "a ServiceAccount of the same name in ns-b is another subject"),
    // view / edit / admin with Kubernetes' meaning.
    allow(user("v", "viewers"), res("get", "configmaps", ns: "ns-a", name: "c"), "view reads configmaps"),
    allow(user("v", "viewers"), res("list", "deployments", group: "apps", ns: "ns-a"), "view reads deployments"),
    deny(user("v", "viewers"), res("get", "secrets", ns: "ns-a", name: "s"), "view deliberately excludes secrets"),
    deny(user("v", "viewers"), res("create", "configmaps", ns: "ns-a"), "view is read-only"),
    allow(user("v", "viewers"), res("get", "namespaces", ns: "ns-a", name: "ns-a"), "GET namespaces/ns-a is inside ns-a; view reads namespaces"),
    deny(user("v", "viewers"), res("get", "namespaces", ns: "ns-b", name: "ns-b"), "the binding is in ns-a only"),
    deny(user("v", "viewers"), res("get", "tenants", group: "platform.contain.dev", name: "team-a"), "view has no platform resources"),
    allow(user("v", "viewers"), res("get", "pods", sub: "log", ns: "ns-a", name: "p"), "view includes pods/log"),
    allow(user("hank"), res("create", "deployments", group: "apps", ns: "ns-z"), "edit writes deployments, cluster-wide binding"),
    allow(user("hank"), res("get", "secrets", ns: "ns-z", name: "s"), "edit reads secrets"),
    allow(user("hank"), res("create", "networkpolicies", group: "networking.k8s.io", ns: "ns-z"), "edit writes networkpolicies"),
    deny(user("hank"), res("create", "roles", group: "rbac.authorization.k8s.io", ns: "ns-z"), "edit has no RBAC writes"),
    allow(user("hank"), res("list", "pods", ns: "ns-z"), "edit ⊇ view through aggregation"),
    deny(user("hank"), res("create", "localsubjectaccessreviews", group: "authorization.k8s.io", ns: "ns-z"), "that is admin only"),
    allow(user("ivan"), res("create", "rolebindings", group: "rbac.authorization.k8s.io", ns: "ns-a"), "admin manages rolebindings"),
    deny(user("ivan"), res("create", "rolebindings", group: "rbac.authorization.k8s.io", ns: "ns-b"), "admin is bound in ns-a only"),
    allow(user("ivan"), res("delete", "secrets", ns: "ns-a", name: "s"), "admin ⊇ edit"),
    allow(user("ivan"), res("get", "pods", ns: "ns-a", name: "p"), "admin ⊇ edit ⊇ view"),
    allow(user("ivan"), res("create", "localsubjectaccessreviews", group: "authorization.k8s.io", ns: "ns-a"), "admin creates local reviews"),
    deny(user("ivan"), res("create", "namespaces"), "admin cannot create namespaces (cluster scope)"),
    // Status subresource of a platform resource.
    allow(user("judy"), res("update", "tenants", group: "platform.contain.dev", sub: "status", name: "team-a"), "tenants/status granted"),
    deny(user("judy"), res("update", "tenants", group: "platform.contain.dev", name: "team-a"), "tenants/status does not grant tenants"),
    deny(user("judy"), res("get", "tenants", group: "platform.contain.dev", sub: "status", name: "team-a"), "only update and patch"),
    // system:masters bypasses.
    allow(user("root", "system:masters"), res("delete", "clusters", group: "platform.contain.dev", name: "prod"), "system:masters"),
    allow(user("root", "system:masters"), url("post", "/anything"), "system:masters, non-resource too"),
    // Tenancy rule.
    allow(user("tom", "team-a-owners"), res("get", "tenants", group: "platform.contain.dev", name: "team-a"), "owner group of team-a"),
    deny(user("tom", "team-a-owners"), res("get", "tenants", group: "platform.contain.dev", name: "team-b"), "another tenant"),
    deny(user("tom", "team-a-owners"), res("list", "tenants", group: "platform.contain.dev"), "the owner rule names the tenant, so no list"),
    allow(user("tom", "team-a-owners"), res("get", "namespaces", ns: "team-a-dev", name: "team-a-dev"), "the tenant's namespace"),
    deny(user("tom", "team-a-owners"), res("get", "namespaces", ns: "team-b-dev", name: "team-b-dev"), "another tenant's namespace"),
    allow(user("tom", "team-a-owners"), res("create", "networkpolicies", group: "networking.k8s.io", ns: "team-a-dev"), "owners are admin in their namespaces"),
    deny(user("tom", "team-a-owners"), res("create", "networkpolicies", group: "networking.k8s.io", ns: "team-b-dev"), "not in team-b's"),
    allow(user("kim"), res("get", "pods", ns: "team-a-dev", name: "p"), "member kim has view in team-a-dev"),
    deny(user("kim"), res("create", "pods", ns: "team-a-dev"), "view is read-only"),
    deny(user("kim"), res("get", "tenants", group: "platform.contain.dev", name: "team-a"), "members are not owners"),
    allow(user("lara"), res("get", "tenants", group: "platform.contain.dev", name: "team-b"), "user owner of team-b"),
    deny(user("lara"), res("update", "tenants", group: "platform.contain.dev", name: "team-b"), "contain:tenant-owner grants get and watch only"),
    allow(user("lara"), res("get", "tenants", group: "platform.contain.dev", sub: "status", name: "team-b"), "and tenants/status"),
    allow(user("lara"), res("watch", "tenants", group: "platform.contain.dev", name: "team-b"), "watch of the named tenant"),
    // Defaults.
    allow(user("pat"), res("create", "selfsubjectaccessreviews", group: "authorization.k8s.io"), "system:basic-user for every authenticated user"),
    deny(UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"]), res("create", "selfsubjectaccessreviews", group: "authorization.k8s.io"), "not for unauthenticated"),
    deny(user("pat"), res("get", "clusters", group: "platform.contain.dev", name: "prod"), "RBAC denies by default"),
    allow(user("nina"), res("bind", "clusterroles", group: "rbac.authorization.k8s.io", name: "cluster-admin"), "bind with resourceNames"),
    deny(user("nina"), res("bind", "clusterroles", group: "rbac.authorization.k8s.io", name: "admin"), "only cluster-admin is named"),
]

@Suite("RBAC decision table")
struct DecisionTableTests {
    @Test func tableIsLargeEnough() { #expect(decisionTable.count >= 80) }

    @Test(arguments: decisionTable)
    func decision(_ row: DecisionCase) {
        let decision = DecisionTableFixture.policy.authorize(row.user, row.request)
        #expect(decision.allowed == row.allowed, "\(row.testDescription) (reason: \(decision.reason))")
    }

    @Test func rulesReviewListsNamespaceAndClusterGrants() {
        let rules = DecisionTableFixture.policy.rules(for: user("alice"), namespace: "ns-a")
        #expect(rules.contains(PolicyRule(verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods"])))
        #expect(!DecisionTableFixture.policy.rules(for: user("alice"), namespace: "ns-b").contains { $0.resources == ["pods"] })
    }

    @Test func bindingsToMissingRolesAreReported() {
        #expect(DecisionTableFixture.policy.problems.contains { $0.contains("team-cm-b") })
    }
}

@Suite("Escalation prevention against a policy")
struct EscalationDecisionTests {
    let check = EscalationCheck(policy: DecisionTableFixture.policy)
    static let rbacGroup = "rbac.authorization.k8s.io"

    @Test func adminMayCreateRolesWithinWhatAdminHolds() {
        #expect(check.checkRole(user("ivan"), kind: "Role", name: "r", namespace: "ns-a",
                                rules: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["pods"])]) == .allowed)
        let verdict = check.checkRole(user("ivan"), kind: "Role", name: "r", namespace: "ns-a",
                                      rules: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["nodes"])])
        #expect(verdict == .escalation(missing: [PolicyRule(verbs: ["get"], apiGroups: [""], resources: ["nodes"])]))
    }

    @Test func bindingNeedsTheRolesPermissionsOrBind() {
        let view = DecisionTableFixture.policy.clusterRoleRules["view"]
        #expect(check.checkBinding(user("ivan"), namespace: "ns-a", roleRef: RoleRef(apiGroup: Self.rbacGroup, kind: "ClusterRole", name: "view"), roleRules: view) == .allowed)
        let admin = DecisionTableFixture.policy.clusterRoleRules["cluster-admin"]
        #expect(check.checkBinding(user("ivan"), namespace: "ns-a", roleRef: RoleRef(apiGroup: Self.rbacGroup, kind: "ClusterRole", name: "cluster-admin"), roleRules: admin) != .allowed)
        #expect(check.checkBinding(user("nina"), namespace: "ns-a", roleRef: RoleRef(apiGroup: Self.rbacGroup, kind: "ClusterRole", name: "cluster-admin"), roleRules: admin) == .allowed)
    }

    @Test func permissionsAreComparedInTheTargetNamespace() {
        let rules = [PolicyRule(verbs: ["list"], apiGroups: [""], resources: ["pods"])]
        #expect(check.checkRole(user("alice"), kind: "Role", name: "r", namespace: "ns-a", rules: rules) == .allowed)
        #expect(check.checkRole(user("alice"), kind: "Role", name: "r", namespace: "ns-b", rules: rules) != .allowed)
    }

    @Test func escalateVerbAndMastersSkipTheCheck() {
        let everything = [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"])]
        #expect(check.checkRole(user("mallory"), kind: "Role", name: "r", namespace: "ns-a", rules: everything) == .allowed)
        #expect(check.checkRole(user("mallory"), kind: "Role", name: "r", namespace: "ns-b", rules: everything) != .allowed)
        #expect(check.checkRole(user("root", "system:masters"), kind: "ClusterRole", name: "r", namespace: "", rules: everything) == .allowed)
    }

    @Test func clusterRoleWithMoreThanHeldIsRefused() {
        let verdict = check.checkRole(user("bob"), kind: "ClusterRole", name: "r", namespace: "",
                                      rules: [PolicyRule(verbs: ["get", "delete"], apiGroups: [""], resources: ["pods"])])
        #expect(verdict == .escalation(missing: [PolicyRule(verbs: ["delete"], apiGroups: [""], resources: ["pods"])]))
    }
}
