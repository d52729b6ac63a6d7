import ContainModel

/// A NetworkPolicy with defaults applied, selectors compiled and pods resolved.
struct CompiledPolicy: Sendable {
    let ref: PolicyRef
    let governsIngress: Bool
    let governsEgress: Bool
    /// The pods the policy's `podSelector` selects (in its own namespace).
    let selected: PodBitSet
    let ingressRules: [CompiledRule]
    let egressRules: [CompiledRule]

    /// The effective `policyTypes`, as the API server defaults them: when unset (or empty),
    /// `Ingress` always, plus `Egress` when the policy has at least one egress rule.
    static func effectiveTypes(_ spec: NetworkPolicySpec?) -> Set<PolicyType> {
        if let types = spec?.policyTypes, !types.isEmpty { return Set(types) }
        var result: Set<PolicyType> = [.ingress]
        if !(spec?.egress ?? []).isEmpty { result.insert(.egress) }
        return result
    }
}
