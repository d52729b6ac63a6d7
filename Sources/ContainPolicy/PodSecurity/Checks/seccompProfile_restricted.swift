import ContainModel

extension PodSecurityChecks {
    /// `seccompProfile_restricted` (restricted, v1.19+; replaces `seccompProfile_baseline`): the
    /// pod, or every container, must set `seccompProfile.type` to `RuntimeDefault` or `Localhost`.
    /// Windows pods are exempt from v1.25.
    public static let seccompProfile_restricted = PodSecurityCheck(
        id: "seccompProfile_restricted", level: .restricted,
        revisions: [
            .init(from: 19, overrides: ["seccompProfile_baseline"]) { _, spec in seccompProfileRestrictedV1Dot19(spec) },
            .init(from: 25, overrides: ["seccompProfile_baseline"]) { _, spec in
                isWindowsPod(spec) ? nil : seccompProfileRestrictedV1Dot19(spec)
            },
        ])

    static func seccompProfileRestrictedV1Dot19(_ spec: PodSpec) -> PodSecurityFinding? {
        var badValues: [String] = []
        var podBad = false
        var podSet = false
        if let profile = spec.securityContext?.seccompProfile {
            if validSeccomp(profile.type) { podSet = true } else {
                podBad = true
                badValues.append(profile.type.rawValue)
            }
        }
        var explicitlyBad: [String] = []
        var implicitlyBad: [String] = []
        visitContainers(spec) { name, sc in
            if let profile = sc?.seccompProfile {
                if !validSeccomp(profile.type) {
                    explicitlyBad.append(name)
                    badValues.append(profile.type.rawValue)
                }
            } else if !podSet {
                implicitlyBad.append(name)
            }
        }
        if podBad || !explicitlyBad.isEmpty {
            return PodSecurityFinding(
                reason: "seccompProfile",
                detail: "\(setters(pod: podBad, containers: explicitlyBad)) must not set securityContext.seccompProfile.type to \(joinQuote(sortedUnique(badValues)))")
        }
        if !implicitlyBad.isEmpty {
            return PodSecurityFinding(
                reason: "seccompProfile",
                detail: "pod or \(pluralize("container", "containers", implicitlyBad.count)) \(joinQuote(implicitlyBad)) must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"")
        }
        return nil
    }
}
