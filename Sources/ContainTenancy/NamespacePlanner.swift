import ContainModel

/// Plans a tenant's Namespace objects: ownership labels, Pod Security admission labels at the
/// tenant's level, the isolation tier, and the annotations admission uses to enforce sandboxes
/// and dedicated nodes.
public enum NamespacePlanner {
    /// The Pod Security admission labels for `level` (`enforce`, `audit` and `warn`, each with
    /// its `-version`).
    public static func podSecurityLabels(level: PodSecurityLevel, version: String) -> [String: String] {
        var labels: [String: String] = [:]
        for mode in ["enforce", "audit", "warn"] {
            labels["pod-security.kubernetes.io/\(mode)"] = level.rawValue
            labels["pod-security.kubernetes.io/\(mode)-version"] = version
        }
        return labels
    }

    static func namespace(
        _ tenantNamespace: TenantNamespace, placement: TenantPlacement, isolation: IsolationPlan
    ) -> Namespace {
        // The tenant's own labels and annotations first, minus reserved keys; Contain's always win.
        var labels = (tenantNamespace.labels ?? [:]).filter { !TenancyLabels.isReserved($0.key) }
        var annotations = (tenantNamespace.annotations ?? [:]).filter { !TenancyLabels.isReserved($0.key) }
        labels.merge(TenancyLabels.owned(by: placement.tenantName)) { _, contain in contain }
        labels.merge(podSecurityLabels(
            level: placement.isolation.effectivePodSecurity, version: placement.defaults.podSecurityVersion)
        ) { _, contain in contain }
        labels[TenancyLabels.isolationTier] = placement.tier.rawValue
        annotations.merge(isolation.namespaceAnnotations) { _, contain in contain }
        return Namespace(metadata: ObjectMeta(
            name: tenantNamespace.name, labels: labels, annotations: annotations.isEmpty ? nil : annotations))
    }
}
