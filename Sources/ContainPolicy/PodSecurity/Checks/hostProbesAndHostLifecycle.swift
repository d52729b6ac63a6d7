import ContainModel

extension PodSecurityChecks {
    /// `hostProbesAndHostLifecycle` (baseline, v1.34+): probes and lifecycle hooks must not set
    /// `httpGet.host` or `tcpSocket.host`.
    public static let hostProbesAndHostLifecycle = PodSecurityCheck(
        id: "hostProbesAndHostLifecycle", level: .baseline,
        revisions: [.init(from: 34) { _, spec in hostProbesAndHostLifecycleV1Dot34(spec) }])

    static func hostProbesAndHostLifecycleV1Dot34(_ spec: PodSpec) -> PodSecurityFinding? {
        var badContainers: [String] = []
        var hosts: [String] = []
        visitHandlerHosts(spec) { name, host in
            hosts.append(host)
            if badContainers.last != name { badContainers.append(name) }  // a container's hosts come together
        }
        if badContainers.isEmpty { return nil }
        let containers = sortedUnique(badContainers)
        let uniqueHosts = sortedUnique(hosts)
        return PodSecurityFinding(
            reason: "probe or lifecycle host",
            detail: "\(pluralize("container", "containers", containers.count)) \(joinQuote(containers)) \(pluralize("uses", "use", containers.count)) \(pluralize("probe or lifecycle host", "probe or lifecycle hosts", uniqueHosts.count)) \(joinQuote(uniqueHosts))")
    }
}
