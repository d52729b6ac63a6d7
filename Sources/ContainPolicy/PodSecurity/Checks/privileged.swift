import ContainModel

extension PodSecurityChecks {
    /// `privileged` (baseline, v1.0+): containers must not set `securityContext.privileged=true`.
    public static let privileged = PodSecurityCheck(
        id: "privileged", level: .baseline,
        revisions: [.init(from: 0) { _, spec in privilegedV1Dot0(spec) }])

    static func privilegedV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var bad: [String] = []
        visitContainers(spec) { name, sc in
            if sc?.privileged == true { bad.append(name) }
        }
        if bad.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "privileged",
            detail: "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) must not set securityContext.privileged=true")
    }
}
