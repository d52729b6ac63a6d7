import ContainModel

@testable import ContainRBAC

/// The RBAC objects the decision table is evaluated against; each case's comment says which
/// object decides it.
enum DecisionTableFixture {
    static func rule(_ verbs: [String], _ groups: [String], _ resources: [String], names: [String]? = nil) -> PolicyRule {
        PolicyRule(verbs: verbs, apiGroups: groups, resources: resources, resourceNames: names)
    }

    static func clusterRole(_ name: String, labels: [String: String]? = nil, _ rules: [PolicyRule] = [],
                            aggregate: [String: String]? = nil) -> ClusterRole {
        ClusterRole(metadata: ObjectMeta(name: name, labels: labels), rules: rules,
                    aggregationRule: aggregate.map { AggregationRule(clusterRoleSelectors: [LabelSelector(matchLabels: $0)]) })
    }

    static func user(_ name: String) -> Subject { Subject(kind: .user, apiGroup: "rbac.authorization.k8s.io", name: name) }
    static func group(_ name: String) -> Subject { Subject(kind: .group, apiGroup: "rbac.authorization.k8s.io", name: name) }

    static func crb(_ name: String, _ role: String, _ subjects: [Subject]) -> ClusterRoleBinding {
        ClusterRoleBinding(metadata: ObjectMeta(name: name), subjects: subjects,
                           roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role))
    }

    static func rb(_ namespace: String, _ name: String, kind: String = "ClusterRole", _ role: String, _ subjects: [Subject]) -> RoleBinding {
        RoleBinding(metadata: ObjectMeta(name: name, namespace: namespace), subjects: subjects,
                    roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: kind, name: role))
    }

    static func tenant(_ name: String, owners: [TenantSubject], members: [TenantSubject] = [], namespaces: [String]) -> Tenant {
        Tenant(metadata: ObjectMeta(name: name),
               spec: TenantSpec(owners: owners, members: members, clusters: ["dev"], namespaces: namespaces.map { TenantNamespace(name: $0) }))
    }

    static let objects = RBACObjects(
        roles: [Role(metadata: ObjectMeta(name: "cm-editor", namespace: "ns-a"), rules: [rule(["create", "update"], [""], ["configmaps"])])],
        clusterRoles: [
            clusterRole("pod-reader", [rule(["get", "list", "watch"], [""], ["pods"])]),
            clusterRole("secret-one", [rule(["get"], [""], ["secrets"], names: ["db-pass"])]),
            clusterRole("scale-all", [rule(["get", "update"], ["apps"], ["*/scale"])]),
            clusterRole("all-in-apps", [rule(["*"], ["apps"], ["*"])]),
            clusterRole("tenant-status-writer", [rule(["update", "patch"], ["platform.contain.dev"], ["tenants/status"])]),
            clusterRole("metrics-reader", [PolicyRule(verbs: ["get"], nonResourceURLs: ["/metrics"])]),
            clusterRole("logs-reader", [PolicyRule(verbs: ["get"], nonResourceURLs: ["/logs/*"])]),
            clusterRole("monitoring", labels: ["tier": "top"], aggregate: ["team": "monitoring"]),
            clusterRole("mon-pods", labels: ["team": "monitoring"], [rule(["list"], [""], ["pods"])]),
            clusterRole("mon-svc", labels: ["team": "monitoring"], [rule(["get"], [""], ["services"])]),
            clusterRole("other-label", labels: ["team": "other"], [rule(["delete"], [""], ["pods"])]),
            clusterRole("mon-all", aggregate: ["tier": "top"]),
            clusterRole("impersonator", [rule(["impersonate"], [""], ["users", "groups"])]),
            clusterRole("binder", [rule(["bind"], ["rbac.authorization.k8s.io"], ["clusterroles"], names: ["cluster-admin"])]),
            clusterRole("escalator", [rule(["escalate", "create"], ["rbac.authorization.k8s.io"], ["roles"])]),
        ],
        roleBindings: [
            rb("ns-a", "alice-pods", "pod-reader", [user("alice")]),
            rb("ns-a", "team-cm", kind: "Role", "cm-editor", [group("team-a")]),
            rb("ns-b", "team-cm-b", kind: "Role", "cm-editor", [group("team-a")]),
            rb("ns-a", "sa-binding", "pod-reader", [Subject(kind: .serviceAccount, name: "builder")]),
            rb("ns-a", "view-binding", "view", [group("viewers")]),
            rb("ns-a", "admins", "admin", [user("ivan")]),
            rb("ns-a", "escalators", "escalator", [user("mallory")]),
        ],
        clusterRoleBindings: [
            crb("bob-pods", "pod-reader", [user("bob")]),
            crb("carol-secret", "secret-one", [user("carol")]),
            crb("dave-scale", "scale-all", [user("dave")]),
            crb("erin-apps", "all-in-apps", [user("erin")]),
            crb("ops-metrics", "metrics-reader", [group("ops")]),
            crb("ops-logs", "logs-reader", [group("ops")]),
            crb("mon", "monitoring", [user("frank")]),
            crb("mon-all", "mon-all", [user("gina")]),
            crb("editors", "edit", [user("hank")]),
            crb("tenant-status", "tenant-status-writer", [user("judy")]),
            crb("binders", "binder", [user("nina")]),
        ],
        tenants: [
            tenant("team-a", owners: [TenantSubject(kind: .group, name: "team-a-owners")],
                   members: [TenantSubject(kind: .user, name: "kim", role: .view)], namespaces: ["team-a-dev"]),
            tenant("team-b", owners: [TenantSubject(kind: .user, name: "lara")], namespaces: ["team-b-dev"]),
        ])

    static let policy = RBACPolicy(objects)
}
