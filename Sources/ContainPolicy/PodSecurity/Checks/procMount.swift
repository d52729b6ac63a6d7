import ContainModel

extension PodSecurityChecks {
    /// `procMount` (baseline, v1.0+): containers must leave `securityContext.procMount` unset or
    /// `Default`; from v1.35, pods in a user namespace (`hostUsers: false`) may set any type.
    public static let procMount = PodSecurityCheck(
        id: "procMount", level: .baseline,
        revisions: [
            .init(from: 0) { _, spec in procMountV1Dot0(spec) },
            .init(from: 35) { _, spec in usesUserNamespace(spec) ? nil : procMountV1Dot0(spec) },
        ])

    static func procMountV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var badContainers: [String] = []
        var badTypes: [String] = []
        visitContainers(spec) { name, sc in
            if let type = sc?.procMount, type != .default {
                badContainers.append(name)
                badTypes.append(type.rawValue)
            }
        }
        if badContainers.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "procMount",
            detail: "\(pluralize("container", "containers", badContainers.count)) \(joinQuote(badContainers)) must not set securityContext.procMount to \(joinQuote(sortedUnique(badTypes)))")
    }
}
