import ContainModel

/// The label and annotation keys Contain puts on the objects it plans, and the metadata helpers
/// every planner shares.
public enum TenancyLabels {
    /// The owning tenant's name, on every object a tenant owns.
    public static let tenant = "platform.contain.dev/tenant"
    /// `app.kubernetes.io/managed-by`, always `contain`, so pruning finds exactly Contain's objects.
    public static let managedBy = "app.kubernetes.io/managed-by"
    /// The value of ``managedBy``.
    public static let managedByValue = "contain"
    /// On cluster-scoped objects shared by tenants (RuntimeClass): `"true"`, instead of a tenant.
    public static let platformManaged = "platform.contain.dev/platform-managed"
    /// The tenant's isolation tier, on its namespaces.
    public static let isolationTier = "platform.contain.dev/isolation-tier"
    /// The label the API server sets on every namespace to its name (immutable by users).
    public static let namespaceName = "kubernetes.io/metadata.name"
    /// Annotation naming the RuntimeClass admission must force on the namespace's pods.
    public static let runtimeClassAnnotation = "platform.contain.dev/runtime-class"
    /// Annotation with the tolerations admission adds to the namespace's pods (JSON array).
    public static let tolerationsAnnotation = "platform.contain.dev/tolerations"
    /// The PodNodeSelector admission plugin's namespace annotation (`k=v,k2=v2`).
    public static let nodeSelectorAnnotation = "scheduler.alpha.kubernetes.io/node-selector"
    /// The PodTolerationRestriction admission plugin's default tolerations (JSON array).
    public static let defaultTolerationsAnnotation = "scheduler.alpha.kubernetes.io/defaultTolerations"
    /// Marks a host namespace prepared for a virtual control plane; the value is the tenant.
    public static let virtualClusterAnnotation = "platform.contain.dev/virtual-cluster"

    /// Label and annotation prefixes a tenant's own namespace labels and annotations may not set,
    /// because admission, policy selection or pruning depend on them.
    public static let reservedPrefixes = [
        "platform.contain.dev/", "pod-security.kubernetes.io/", "scheduler.alpha.kubernetes.io/",
        "kubernetes.io/", "k8s.io/", "app.kubernetes.io/managed-by",
    ]

    /// Whether `key` is reserved for Contain or Kubernetes (see ``reservedPrefixes``).
    public static func isReserved(_ key: String) -> Bool {
        // `kubernetes.io/` also covers `*.kubernetes.io/` keys such as `node.kubernetes.io/`.
        reservedPrefixes.contains { key.hasPrefix($0) } || key.contains(".kubernetes.io/")
            || key.contains(".k8s.io/")
    }

    /// The labels every object owned by `tenant` carries.
    public static func owned(by tenant: String) -> [String: String] {
        [tenant_: tenant, managedBy: managedByValue]
    }

    /// The labels of cluster-scoped objects shared between tenants.
    public static let shared: [String: String] = [platformManaged: "true", managedBy: managedByValue]

    private static let tenant_ = tenant

    /// Metadata of a namespaced object owned by `tenant`.
    static func meta(name: String, namespace: String, tenant: String) -> ObjectMeta {
        ObjectMeta(name: name, namespace: namespace, labels: owned(by: tenant))
    }

    /// A selector matching the namespace called `name` (by the API server's own name label).
    static func namespaceSelector(named name: String) -> LabelSelector {
        LabelSelector(matchLabels: [namespaceName: name])
    }

    /// A selector matching every namespace Contain made for `tenant`.
    static func namespaceSelector(tenant: String) -> LabelSelector {
        LabelSelector(matchLabels: [TenancyLabels.tenant: tenant])
    }
}

/// Byte-wise string ordering, independent of locale and Unicode normalisation.
@inline(__always)
func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
