import ContainModel

extension PodSecurityChecks {
    /// `windowsHostProcess` (baseline, v1.0+): neither the pod nor a container may set
    /// `securityContext.windowsOptions.hostProcess=true`.
    public static let windowsHostProcess = PodSecurityCheck(
        id: "windowsHostProcess", level: .baseline,
        revisions: [.init(from: 0) { _, spec in windowsHostProcessV1Dot0(spec) }])

    static func windowsHostProcessV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var bad: [String] = []
        visitContainers(spec) { name, sc in
            if sc?.windowsOptions?.hostProcess == true { bad.append(name) }
        }
        let podBad = spec.securityContext?.windowsOptions?.hostProcess == true
        if !podBad && bad.isEmpty { return nil }
        return PodSecurityFinding(
            reason: "hostProcess",
            detail: "\(setters(pod: podBad, containers: bad)) must not set securityContext.windowsOptions.hostProcess=true")
    }
}
