import ContainModel

/// The ClusterRoles and ClusterRoleBindings every server has, with the meaning Kubernetes gives
/// them (kube-apiserver's `bootstrappolicy`): `cluster-admin`; the user-facing `admin`, `edit`,
/// `view`, built by aggregation (`admin` ⊇ `edit` ⊇ `view`) from the `system:aggregate-to-*`
/// roles; discovery and self-review for every authenticated user; and Contain's
/// `contain:tenant-owner`, the template of the tenancy rule.
public enum BootstrapPolicy {
    static let read = ["get", "list", "watch"]
    static let write = ["create", "update", "patch", "delete", "deletecollection"]
    static let readWrite = read + write
    static let aggregateLabel = "rbac.authorization.k8s.io/aggregate-to-"

    static func rule(_ verbs: [String], _ group: String, _ resources: [String]) -> PolicyRule {
        PolicyRule(verbs: verbs, apiGroups: [group], resources: resources)
    }

    static func role(_ name: String, labels: [String: String] = [:], rules: [PolicyRule] = [], aggregateFrom: String? = nil) -> ClusterRole {
        var meta = ObjectMeta(name: name)
        meta.labels = labels.merging(["kubernetes.io/bootstrapping": "rbac-defaults"]) { a, _ in a }
        meta.annotations = ["rbac.authorization.kubernetes.io/autoupdate": "true"]
        let aggregation = aggregateFrom.map {
            AggregationRule(clusterRoleSelectors: [LabelSelector(matchLabels: [aggregateLabel + $0: "true"])])
        }
        return ClusterRole(metadata: meta, rules: aggregation == nil ? rules : [], aggregationRule: aggregation)
    }

    /// The bootstrap ClusterRoles.
    public static let clusterRoles: [ClusterRole] = [
        role("cluster-admin", rules: [PolicyRule(verbs: ["*"], apiGroups: ["*"], resources: ["*"]), PolicyRule(verbs: ["*"], nonResourceURLs: ["*"])]),
        role("admin", aggregateFrom: "admin"),
        role("edit", labels: [aggregateLabel + "admin": "true"], aggregateFrom: "edit"),
        role("view", labels: [aggregateLabel + "edit": "true"], aggregateFrom: "view"),
        role("system:aggregate-to-admin", labels: [aggregateLabel + "admin": "true"], rules: [
            rule(["create"], "authorization.k8s.io", ["localsubjectaccessreviews"]),
            rule(readWrite, "rbac.authorization.k8s.io", ["rolebindings", "roles"]),
        ]),
        role("system:aggregate-to-edit", labels: [aggregateLabel + "edit": "true"], rules: [
            rule(read, "", ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
            rule(["impersonate"], "", ["serviceaccounts"]),
            rule(write, "", ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
            rule(["create"], "", ["pods/eviction"]),
            rule(write, "", ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale",
                             "secrets", "serviceaccounts", "services", "services/proxy"]),
            rule(["create"], "", ["serviceaccounts/token"]),
            rule(write, "apps", ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                                 "replicasets/scale", "statefulsets", "statefulsets/scale"]),
            rule(write, "autoscaling", ["horizontalpodautoscalers"]),
            rule(write, "batch", ["cronjobs", "jobs"]),
            rule(write, "extensions", ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses",
                                       "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"]),
            rule(write, "policy", ["poddisruptionbudgets"]),
            rule(write, "networking.k8s.io", ["ingresses", "networkpolicies"]),
            rule(readWrite, "coordination.k8s.io", ["leases"]),
        ]),
        role("system:aggregate-to-view", labels: [aggregateLabel + "view": "true"], rules: [
            rule(read, "", ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                            "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"]),
            rule(read, "", ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                            "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"]),
            rule(read, "", ["namespaces"]),
            rule(read, "discovery.k8s.io", ["endpointslices"]),
            rule(read, "apps", ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                                "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                                "statefulsets/scale", "statefulsets/status"]),
            rule(read, "autoscaling", ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
            rule(read, "batch", ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
            rule(read, "extensions", ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
                                      "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale",
                                      "replicasets/status", "replicationcontrollers/scale"]),
            rule(read, "policy", ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
            rule(read, "networking.k8s.io", ["ingresses", "ingresses/status", "networkpolicies"]),
        ]),
        role("system:basic-user", rules: [
            rule(["create"], "authorization.k8s.io", ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            rule(["create"], "authentication.k8s.io", ["selfsubjectreviews"]),
        ]),
        role("system:discovery", rules: [
            PolicyRule(verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
                                                         "/openapi/*", "/readyz", "/version", "/version/"]),
        ]),
        role("system:public-info-viewer", rules: [
            PolicyRule(verbs: ["get"], nonResourceURLs: ["/healthz", "/livez", "/readyz", "/version", "/version/"]),
        ]),
        role(TenancyRule.ownerRoleName, rules: [
            rule(["get", "watch"], "platform.contain.dev", ["tenants", "tenants/status"]),
            rule(["get", "watch"], "", ["namespaces"]),
        ]),
    ]

    static func binding(_ name: String, groups: [String]) -> ClusterRoleBinding {
        var meta = ObjectMeta(name: name)
        meta.labels = ["kubernetes.io/bootstrapping": "rbac-defaults"]
        meta.annotations = ["rbac.authorization.kubernetes.io/autoupdate": "true"]
        return ClusterRoleBinding(metadata: meta, subjects: groups.map { Subject(kind: .group, apiGroup: "rbac.authorization.k8s.io", name: $0) },
                                  roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: name))
    }

    /// The bootstrap ClusterRoleBindings: discovery, self-review and public info for every
    /// authenticated user, and `cluster-admin` for `system:masters`.
    public static let clusterRoleBindings: [ClusterRoleBinding] = [
        binding("cluster-admin", groups: [UserInfo.mastersGroup]),
        binding("system:basic-user", groups: [UserInfo.authenticatedGroup]),
        binding("system:discovery", groups: [UserInfo.authenticatedGroup]),
        binding("system:public-info-viewer", groups: [UserInfo.authenticatedGroup, "system:unauthenticated"]),
    ]
}
