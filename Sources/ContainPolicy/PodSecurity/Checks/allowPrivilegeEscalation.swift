import ContainModel

extension PodSecurityChecks {
    /// `allowPrivilegeEscalation` (restricted, v1.8+): every container must set
    /// `securityContext.allowPrivilegeEscalation=false`; Windows pods are exempt from v1.25.
    public static let allowPrivilegeEscalation = PodSecurityCheck(
        id: "allowPrivilegeEscalation", level: .restricted,
        revisions: [
            .init(from: 8) { _, spec in allowPrivilegeEscalationV1Dot8(spec) },
            .init(from: 25) { _, spec in isWindowsPod(spec) ? nil : allowPrivilegeEscalationV1Dot8(spec) },
        ])

    static func allowPrivilegeEscalationV1Dot8(_ spec: PodSpec) -> PodSecurityFinding? {
        var bad: [String] = []
        visitContainers(spec) { name, sc in
            if sc?.allowPrivilegeEscalation != false { bad.append(name) }
        }
        if bad.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "allowPrivilegeEscalation != false",
            detail: "\(pluralize("container", "containers", bad.count)) \(joinQuote(bad)) must set securityContext.allowPrivilegeEscalation=false")
    }
}
