import ContainModel

extension PodSecurityChecks {
    /// `runAsUser` (restricted, v1.23+): neither the pod nor a container may set `runAsUser=0`;
    /// from v1.35, pods in a user namespace (`hostUsers: false`) are exempt.
    public static let runAsUser = PodSecurityCheck(
        id: "runAsUser", level: .restricted,
        revisions: [
            .init(from: 23) { _, spec in runAsUserV1Dot23(spec) },
            .init(from: 35) { _, spec in usesUserNamespace(spec) ? nil : runAsUserV1Dot23(spec) },
        ])

    static func runAsUserV1Dot23(_ spec: PodSpec) -> PodSecurityFinding? {
        let podBad = spec.securityContext?.runAsUser == 0
        var bad: [String] = []
        visitContainers(spec) { name, sc in
            if sc?.runAsUser == 0 { bad.append(name) }
        }
        if !podBad && bad.isEmpty { return nil }
        return PodSecurityFinding(reason: "runAsUser=0",
                                  detail: "\(setters(pod: podBad, containers: bad)) must not set runAsUser=0")
    }
}
