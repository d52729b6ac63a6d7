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
        for (policy, reportMode) in [(policies.warn, GuardrailMode.warn), (policies.audit, GuardrailMode.audit)]
        where policy != policies.enforce && policy.level != .privileged {
            let result = PodSecurityEvaluator.evaluate(podSpec: pod.spec, metadata: pod.metadata, policy: policy)
            if !result.allowed {
                outcome.report(.podSecurity, reportMode, pod.specPath, "would violate PodSecurity \"\(policy)\": \(result.forbiddenDetail)")
            }
        }
    }
}

/// The enforce, warn and audit policies in force for a request.
struct PodSecurityPolicies: Sendable, Hashable {
    var enforce: PodSecurityPolicy
    var warn: PodSecurityPolicy
    var audit: PodSecurityPolicy
}
