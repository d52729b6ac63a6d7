import ContainModel

extension PodSecurityChecks {
    /// `hostProbesAndHostLifecycle` (baseline, v1.34+): probes and lifecycle hooks must not set
    /// `httpGet.host` or `tcpSocket.host`.
    public static let hostProbesAndHostLifecycle = PodSecurityCheck(
        id: "hostProbesAndHostLifecycle", level: .baseline,
        revisions: [.init(from: 34) { _, spec in hostProbesAndHostLifecycleV1Dot34(spec) }])

    static func appendHosts(_ probe: Probe?, to hosts: inout [String]) -> Bool {
        guard let probe else { return false }
        var found = false
        if let host = probe.httpGet?.host, !host.isEmpty { hosts.append(host); found = true }
        if let host = probe.tcpSocket?.host, !host.isEmpty { hosts.append(host); found = true }
        return found
    }

    static func appendHosts(_ handler: LifecycleHandler?, to hosts: inout [String]) -> Bool {
        guard let handler else { return false }
        var found = false
        if let host = handler.httpGet?.host, !host.isEmpty { hosts.append(host); found = true }
        if let host = handler.tcpSocket?.host, !host.isEmpty { hosts.append(host); found = true }
        return found
    }

    static func hostProbesAndHostLifecycleV1Dot34(_ spec: PodSpec) -> PodSecurityFinding? {
        var badContainers: [String] = []
        var hosts: [String] = []
        visitContainerHandlers(spec) { name, handlers in
            var bad = false
            if appendHosts(handlers.liveness, to: &hosts) { bad = true }
            if appendHosts(handlers.readiness, to: &hosts) { bad = true }
            if appendHosts(handlers.startup, to: &hosts) { bad = true }
            if let lifecycle = handlers.lifecycle {
                if appendHosts(lifecycle.postStart, to: &hosts) { bad = true }
                if appendHosts(lifecycle.preStop, to: &hosts) { bad = true }
            }
            if bad { badContainers.append(name) }
        }
        if badContainers.isEmpty { return nil }
        let containers = sortedUnique(badContainers)
        let uniqueHosts = sortedUnique(hosts)
        return PodSecurityFinding(
            reason: "probe or lifecycle host",
            detail: "\(pluralize("container", "containers", containers.count)) \(joinQuote(containers)) \(pluralize("uses", "use", containers.count)) \(pluralize("probe or lifecycle host", "probe or lifecycle hosts", uniqueHosts.count)) \(joinQuote(uniqueHosts))")
    }
}
