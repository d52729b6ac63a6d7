import ContainModel

extension PodSecurityChecks {
    /// `capabilities_baseline` (baseline, v1.0+): containers may add only capabilities of the
    /// runtime's default set.
    public static let capabilities_baseline = PodSecurityCheck(
        id: "capabilities_baseline", level: .baseline,
        revisions: [.init(from: 0) { _, spec in capabilitiesBaselineV1Dot0(spec) }])

    static let defaultCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    static func capabilitiesBaselineV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var badContainers: [String] = []
        var badCapabilities: [String] = []
        visitContainers(spec) { name, sc in
            guard let added = sc?.capabilities?.add else { return }
            var valid = true
            for capability in added where !goContains(defaultCapabilities, capability) {
                valid = false
                badCapabilities.append(capability)
            }
            if !valid { badContainers.append(name) }
        }
        if badContainers.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "non-default capabilities",
            detail: "\(pluralize("container", "containers", badContainers.count)) \(joinQuote(badContainers)) must not include \(joinQuote(sortedUnique(badCapabilities))) in securityContext.capabilities.add")
    }
}
