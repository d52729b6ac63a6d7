import ContainModel

extension PodSecurityChecks {
    /// `seccompProfile_baseline` (baseline): before v1.19, the alpha seccomp annotations must be
    /// `runtime/default`, `docker/default` or `localhost/*`; from v1.19, `seccompProfile.type` of
    /// the pod and containers, when set, must be `RuntimeDefault` or `Localhost`.
    public static let seccompProfile_baseline = PodSecurityCheck(
        id: "seccompProfile_baseline", level: .baseline,
        revisions: [
            .init(from: 0) { metadata, spec in seccompProfileBaselineV1Dot0(metadata, spec) },
            .init(from: 19) { _, spec in seccompProfileBaselineV1Dot19(spec) },
        ])

    static let seccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
    static let seccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"

    static func validSeccompAnnotation(_ value: String) -> Bool {
        goEqual(value, "runtime/default") || goEqual(value, "docker/default") || goHasPrefix(value, "localhost/")
    }

    static func validSeccomp(_ type: SeccompProfileType) -> Bool {
        type == .runtimeDefault || type == .localhost
    }

    static func seccompProfileBaselineV1Dot0(_ metadata: ObjectMeta?, _ spec: PodSpec) -> PodSecurityFinding? {
        guard let annotations = metadata?.annotations, !annotations.isEmpty else { return nil }
        var forbidden: [String] = []
        if let value = annotations[seccompPodAnnotation], !validSeccompAnnotation(value) {
            forbidden.append("\(seccompPodAnnotation)=\(GoText.quote(value))")
        }
        // Container annotations count only for containers of the pod; matched without building keys.
        for (key, value) in annotations
        where goHasPrefix(key, seccompContainerAnnotationPrefix) && !validSeccompAnnotation(value) {
            let name = key.utf8.dropFirst(seccompContainerAnnotationPrefix.utf8.count)
            var known = false
            visitContainers(spec) { containerName, _ in
                if !known && containerName.utf8.elementsEqual(name) { known = true }
            }
            if known { forbidden.append("\(key)=\(GoText.quote(value))") }
        }
        if forbidden.isEmpty { return nil }
        let list = sortedUnique(forbidden)
        return PodSecurityFinding(
            reason: "seccompProfile",
            detail: "forbidden \(pluralize("annotation", "annotations", list.count)) \(list.joined(separator: ", "))")
    }

    static func seccompProfileBaselineV1Dot19(_ spec: PodSpec) -> PodSecurityFinding? {
        var badValues: [String] = []
        var podBad = false
        if let profile = spec.securityContext?.seccompProfile, !validSeccomp(profile.type) {
            podBad = true
            badValues.append(profile.type.rawValue)
        }
        var badContainers: [String] = []
        visitContainers(spec) { name, sc in
            if let profile = sc?.seccompProfile, !validSeccomp(profile.type) {
                badContainers.append(name)
                badValues.append(profile.type.rawValue)
            }
        }
        if !podBad && badContainers.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "seccompProfile",
            detail: "\(setters(pod: podBad, containers: badContainers)) must not set securityContext.seccompProfile.type to \(joinQuote(sortedUnique(badValues)))")
    }
}
