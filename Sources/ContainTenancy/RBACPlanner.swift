import ContainModel

/// Plans who may do what in a tenant's namespaces:
///
/// - one RoleBinding per built-in ClusterRole in use — `contain-admin`, `contain-edit`,
///   `contain-view` — binding owners (default `admin`) and members (default `edit`) as declared
///   by `TenantSubject.role`; subjects sorted by kind then name, duplicates removed;
/// - a ServiceAccount for the tenant's GitOps deliveries (``PlatformDefaults/gitOpsServiceAccount``,
///   token not automounted) in each namespace, bound to `edit` in that namespace only
///   (RoleBinding `contain-gitops`).
///
/// For a `virtualCluster` tenant the namespace is the host of its virtual control plane, which
/// the platform deploys: people are capped at `view` there (they administer the virtual cluster
/// through its own API) and there is no GitOps ServiceAccount.
public enum RBACPlanner {
    /// The API group of users and groups in RBAC subjects.
    public static let rbacGroup = "rbac.authorization.k8s.io"

    /// The ServiceAccount and RoleBindings for one namespace, in order: ServiceAccount, then
    /// RoleBindings by name.
    static func objects(namespace: String, placement: TenantPlacement) -> [DesiredObject] {
        let tenant = placement.tenantName
        let isVirtualClusterHost = placement.tier == .virtualCluster
        var byRole: [TenantRole: Set<Subject>] = [:]
        func add(_ subjects: [TenantSubject], defaultRole: TenantRole) {
            for subject in subjects {
                var role = subject.role ?? defaultRole
                if isVirtualClusterHost { role = .view }
                let kind: SubjectKind = subject.kind == .group ? .group : .user
                byRole[role, default: []].insert(Subject(kind: kind, apiGroup: rbacGroup, name: subject.name))
            }
        }
        add(placement.tenant.spec.owners, defaultRole: .admin)
        add(placement.tenant.spec.members ?? [], defaultRole: .edit)

        var bindings: [RoleBinding] = []
        for role in [TenantRole.admin, .edit, .view] {
            guard let subjects = byRole[role], !subjects.isEmpty else { continue }
            let sorted = subjects.sorted {
                $0.kind.rawValue != $1.kind.rawValue ? byteOrder($0.kind.rawValue, $1.kind.rawValue) : byteOrder($0.name, $1.name)
            }
            bindings.append(RoleBinding(
                metadata: TenancyLabels.meta(name: "contain-\(role.rawValue)", namespace: namespace, tenant: tenant),
                subjects: sorted, roleRef: clusterRole(role.rawValue)))
        }
        var objects: [DesiredObject] = []
        if !isVirtualClusterHost {
            let account = placement.defaults.gitOpsServiceAccount
            objects.append(.serviceAccount(ServiceAccount(
                metadata: TenancyLabels.meta(name: account, namespace: namespace, tenant: tenant),
                automountServiceAccountToken: false)))
            bindings.append(RoleBinding(
                metadata: TenancyLabels.meta(name: "contain-gitops", namespace: namespace, tenant: tenant),
                subjects: [Subject(kind: .serviceAccount, name: account, namespace: namespace)],
                roleRef: clusterRole(TenantRole.edit.rawValue)))
        }
        bindings.sort { byteOrder($0.name, $1.name) }
        return objects + bindings.map(DesiredObject.roleBinding)
    }

    private static func clusterRole(_ name: String) -> RoleRef {
        RoleRef(apiGroup: rbacGroup, kind: "ClusterRole", name: name)
    }
}
