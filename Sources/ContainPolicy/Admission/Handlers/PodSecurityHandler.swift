import ContainModel

/// Pod Security Standards: a Pod is judged at the enforce policy (refused in enforce mode); a
/// workload's template only draws a warning, as Pod Security admission does. Warn and audit
/// policies that namespace labels set differently are evaluated too.
struct PodSecurityHandler: PodHandler {
    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        let policies = input.engine.podSecurityPolicies(input)
        let mode = input.mode(.podSecurity)
        let enforced = PodSecurityEvaluator.evaluate(podSpec: pod.spec, metadata: pod.metadata, policy: policies.enforce)
        if !enforced.allowed {
            if pod.isPod && mode == .enforce {
                outcome.report(.podSecurity, .enforce, pod.specPath, "violates PodSecurity \"\(policies.enforce)\": \(enforced.forbiddenDetail)")
            } else {
                outcome.report(.podSecurity, mode == .audit ? .audit : .warn, pod.specPath,
                               "would violate PodSecurity \"\(policies.enforce)\": \(enforced.forbiddenDetail)")
            }
        }
        if policies.warn != policies.enforce { evaluate(pod, at: policies.warn, reportAs: .warn, &outcome) }
        if policies.audit != policies.enforce { evaluate(pod, at: policies.audit, reportAs: .audit, &outcome) }
    }

    /// Evaluates a warn or audit policy that differs from the enforced one.
    private func evaluate(_ pod: PodTarget, at policy: PodSecurityPolicy, reportAs mode: GuardrailMode, _ outcome: inout AdmissionOutcome) {
        guard policy.level != .privileged else { return }
        let result = PodSecurityEvaluator.evaluate(podSpec: pod.spec, metadata: pod.metadata, policy: policy)
        if !result.allowed {
            outcome.report(.podSecurity, mode, pod.specPath, "would violate PodSecurity \"\(policy)\": \(result.forbiddenDetail)")
        }
    }
}

/// The enforce, warn and audit policies in force for a request.
struct PodSecurityPolicies: Sendable, Hashable {
    var enforce: PodSecurityPolicy
    var warn: PodSecurityPolicy
    var audit: PodSecurityPolicy
}
