import ContainModel

extension PodSecurityChecks {
    /// `hostPorts` (baseline, v1.0+): containers must not set a non-zero `hostPort`.
    public static let hostPorts = PodSecurityCheck(
        id: "hostPorts", level: .baseline,
        revisions: [.init(from: 0) { _, spec in hostPortsV1Dot0(spec) }])

    static func hostPortsV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var badContainers: [String] = []
        var badPorts: [String] = []
        visitContainerPorts(spec) { name, ports in
            guard let ports else { return }
            var valid = true
            for port in ports {
                if let hostPort = port.hostPort, hostPort != 0 {
                    valid = false
                    badPorts.append(String(hostPort))
                }
            }
            if !valid { badContainers.append(name) }
        }
        if badContainers.isEmpty { return nil }
        let ports = sortedUnique(badPorts)
        return PodSecurityFinding(
            reason: "hostPort",
            detail: "\(pluralize("container", "containers", badContainers.count)) \(joinQuote(badContainers)) \(pluralize("uses", "use", badContainers.count)) \(pluralize("hostPort", "hostPorts", ports.count)) \(ports.joined(separator: ", "))")
    }
}
