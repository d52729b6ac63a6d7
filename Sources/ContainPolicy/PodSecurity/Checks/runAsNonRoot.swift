import ContainModel

extension PodSecurityChecks {
    /// `runAsNonRoot` (restricted, v1.0+): the pod or every container must set
    /// `runAsNonRoot=true`, and none may set it false; from v1.35, pods in a user namespace
    /// (`hostUsers: false`) are exempt.
    public static let runAsNonRoot = PodSecurityCheck(
        id: "runAsNonRoot", level: .restricted,
        revisions: [
            .init(from: 0) { _, spec in runAsNonRootV1Dot0(spec) },
            .init(from: 35) { _, spec in usesUserNamespace(spec) ? nil : runAsNonRootV1Dot0(spec) },
        ])

    static func runAsNonRootV1Dot0(_ spec: PodSpec) -> PodSecurityFinding? {
        var podBad = false
        var podNonRoot = false
        if let value = spec.securityContext?.runAsNonRoot {
            if value { podNonRoot = true } else { podBad = true }
        }
        var explicitlyBad: [String] = []
        var implicitlyBad: [String] = []
        visitContainers(spec) { name, sc in
            if let value = sc?.runAsNonRoot {
                if !value { explicitlyBad.append(name) }
            } else if !podNonRoot {
                implicitlyBad.append(name)
            }
        }
        if podBad || !explicitlyBad.isEmpty {
            return PodSecurityFinding(
                reason: "runAsNonRoot != true",
                detail: "\(setters(pod: podBad, containers: explicitlyBad)) must not set securityContext.runAsNonRoot=false")
        }
        if !implicitlyBad.isEmpty {
            return PodSecurityFinding(
                reason: "runAsNonRoot != true",
                detail: "pod or \(pluralize("container", "containers", implicitlyBad.count)) \(joinQuote(implicitlyBad)) must set securityContext.runAsNonRoot=true")
        }
        return nil
    }
}
