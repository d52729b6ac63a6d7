import ContainModel

/// Decides admission requests: Pod Security Standards plus the platform's guardrails for the
/// tenant the request belongs to. Pure and `Sendable`: the webhook, the embedded API and the
/// offline checker all call the same `review`.
///
/// Handlers are chained per kind, as Capsule chains its webhooks: each adds violations (with
/// the tenant's mode for its rule) and, in the mutating stage, patch operations; the decision
/// refuses the request when any enforced violation remains.
public struct AdmissionEngine: Sendable {
    /// The tenants, and what they claim.
    public var directory: TenantDirectory
    /// The Pod Security policy where neither namespace labels nor a tenant say otherwise
    /// (`baseline:latest`); its version also applies to tenants' levels.
    public var defaultPodSecurity: PodSecurityPolicy

    let podHandlers: [any PodHandler] = [
        PodSecurityHandler(), ImageHandler(), RuntimeClassHandler(), ContainerResourcesHandler(), GPUHandler(),
    ]
    let objectHandlers: [any ObjectHandler] = [
        IngressHandler(), ServiceTypeHandler(), StorageClassHandler(), RoleBindingHandler(), NamespaceQuotaHandler(),
    ]

    /// An engine over `directory` with `defaultPodSecurity` where nothing else applies.
    public init(directory: TenantDirectory = TenantDirectory(),
                defaultPodSecurity: PodSecurityPolicy = PodSecurityPolicy(level: .baseline)) {
        self.directory = directory
        self.defaultPodSecurity = defaultPodSecurity
    }

    /// Decides `request`. DELETE and CONNECT are always allowed (nothing is created); an UPDATE
    /// that leaves a pod's spec unchanged is not re-judged on it, as Pod Security admission does.
    public func review(_ request: AdmissionRequest, context: AdmissionContext) -> AdmissionDecision {
        guard request.operation == .create || request.operation == .update, let object = request.object else {
            return .allow
        }
        let input = AdmissionInput(request: request, context: context, tenant: tenant(for: request, context: context),
                                   directory: directory, engine: self)
        var outcome = AdmissionOutcome()
        if let pod = Self.podTarget(object), shouldJudgePod(request, pod) {
            for handler in podHandlers { handler.handle(pod, input, &outcome) }
        }
        // No object handler reads a Pod (each would copy it to find out); workloads still go
        // through them (a StatefulSet's volume claim templates have storage classes).
        if case .pod = object {} else {
            for handler in objectHandlers { handler.handle(object, input, &outcome) }
        }
        return Self.decision(outcome)
    }

    /// The tenant whose live namespace count the namespace quota needs for `request`, if any: a
    /// Namespace create beyond what its tenant declares, for a tenant with a namespace quota.
    /// Callers holding the live state count that tenant's namespaces and record the count in
    /// `directory` before calling `review`; every other request needs no count.
    public func tenantNeedingNamespaceCount(_ request: AdmissionRequest) -> String? {
        guard request.operation == .create, case .namespace(let namespace)? = request.object,
              let tenant = directory.tenant(forNewNamespace: namespace, by: request.user), tenant.namespaceQuota != nil
        else { return nil }
        let name = namespace.metadata.name ?? request.name ?? ""
        return tenant.declaredNamespaces.contains(name) ? nil : tenant.name
    }

    /// The tenant whose rules apply: the context's, the namespace label's, or the namespace owner's.
    func tenant(for request: AdmissionRequest, context: AdmissionContext) -> TenantPolicy? {
        if let name = context.tenantName { return directory.policy(named: name) }
        if let name = context.namespaceLabels?[AdmissionLabels.tenant], let policy = directory.policy(named: name) { return policy }
        guard let namespace = request.namespace ?? request.object?.metadata?.namespace,
              let name = directory.tenantName(forNamespace: namespace) else { return nil }
        return directory.policy(named: name)
    }

    private static let podSpecPath = FieldPath("spec")

    /// The pod a Pod or workload carries.
    static func podTarget(_ object: AdmissionObject) -> PodTarget? {
        switch object {
        case .pod(let pod):
            return PodTarget(metadata: pod.metadata, spec: pod.spec, specPath: podSpecPath, specPointer: "/spec", isPod: true)
        case .workload(let workload):
            let path = type(of: workload).podSpecPath
            return PodTarget(metadata: workload.podTemplateMetadata, spec: workload.podSpec, specPath: path,
                             specPointer: PatchOperation.pointer(path), isPod: false)
        default:
            return nil
        }
    }

    /// Whether the pod rules look at this request: not for status and other subresources, and
    /// not for an update that leaves the pod spec as it was.
    private func shouldJudgePod(_ request: AdmissionRequest, _ pod: PodTarget) -> Bool {
        if let subResource = request.subResource, !subResource.isEmpty, subResource != "ephemeralcontainers" { return false }
        if request.operation == .update, let old = request.oldObject, let oldPod = Self.podTarget(old), oldPod.spec == pod.spec {
            return false
        }
        return true
    }

    /// The enforce, warn and audit policies: the namespace's Pod Security labels where set,
    /// else the tenant's level, else the default.
    func podSecurityPolicies(_ input: AdmissionInput) -> PodSecurityPolicies {
        var base = defaultPodSecurity
        if let tenant = input.tenant { base = PodSecurityPolicy(level: tenant.podSecurityLevel, version: defaultPodSecurity.version) }
        guard let labels = input.context.namespaceLabels, !labels.isEmpty else {
            return PodSecurityPolicies(enforce: base, warn: base, audit: base)
        }
        func policy(_ levelKey: String, _ versionKey: String, fallback: PodSecurityPolicy) -> PodSecurityPolicy {
            guard let levelText = labels[levelKey] else { return fallback }
            let level = PodSecurityLevel(rawValue: levelText) ?? .restricted
            let version = labels[versionKey].flatMap(PodSecurityVersion.init) ?? .latest
            return PodSecurityPolicy(level: level, version: version)
        }
        let enforce = policy(AdmissionLabels.enforce, AdmissionLabels.enforceVersion, fallback: base)
        return PodSecurityPolicies(enforce: enforce, warn: policy(AdmissionLabels.warn, AdmissionLabels.warnVersion, fallback: enforce),
                                   audit: policy(AdmissionLabels.audit, AdmissionLabels.auditVersion, fallback: enforce))
    }

    /// Turns violations into the answer: refused (403) with every enforced message, warnings,
    /// audit annotations by rule, and the patch when allowed.
    static func decision(_ outcome: AdmissionOutcome) -> AdmissionDecision {
        if outcome.violations.isEmpty { return AdmissionDecision(patch: outcome.patch) }
        var decision = AdmissionDecision(violations: outcome.violations)
        var denials: [String] = []
        for violation in outcome.violations {
            let text = violation.text
            switch violation.mode {
            case .enforce: denials.append(text)
            case .warn: decision.warnings.append(text)
            case .audit:
                let key = violation.rule.rawValue
                decision.auditAnnotations[key] = decision.auditAnnotations[key].map { $0 + "; " + text } ?? text
            }
        }
        if denials.isEmpty {
            decision.patch = outcome.patch
        } else {
            decision.allowed = false
            decision.code = 403
            decision.message = denials.joined(separator: "; ")
        }
        return decision
    }
}

extension GuardrailViolation {
    /// The message as clients see it: Pod Security's own wording, other rules prefixed by name.
    public var text: String { rule == .podSecurity ? message : "\(rule.rawValue): \(message)" }
}
