import ContainModel

extension PodSecurityChecks {
    /// `hostNamespaces` (baseline, v1.0+): `hostNetwork`, `hostPID` and `hostIPC` must not be true.
    public static let hostNamespaces = PodSecurityCheck(
        id: "hostNamespaces", level: .baseline,
        revisions: [.init(from: 0) { _, spec in hostNamespacesV1Dot0(spec) }])

    static func hostNamespacesV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        let network = spec.hostNetwork == true, pid = spec.hostPID == true, ipc = spec.hostIPC == true
        if !network && !pid && !ipc { return nil }
        var names: [String] = []  // in upstream's order and wording
        if network { names.append("hostNetwork=true") }
        if pid { names.append("hostPID=true") }
        if ipc { names.append("hostIPC=true") }
        return PodSecurityFinding(reason: "host namespaces", detail: names.joined(separator: ", "))
    }
}
