import ContainModel

extension PodSecurityChecks {
    /// `sysctls` (baseline, v1.0+): only the safe, namespaced sysctls; the safe list grows at
    /// v1.27, v1.29, v1.32 and v1.37.
    public static let sysctls = PodSecurityCheck(
        id: "sysctls", level: .baseline,
        revisions: [
            .init(from: 0) { _, spec in sysctlsCheck(spec, allowed: safeSysctlsV1Dot0) },
            .init(from: 27) { _, spec in sysctlsCheck(spec, allowed: safeSysctlsV1Dot27) },
            .init(from: 29) { _, spec in sysctlsCheck(spec, allowed: safeSysctlsV1Dot29) },
            .init(from: 32) { _, spec in sysctlsCheck(spec, allowed: safeSysctlsV1Dot32) },
            .init(from: 37) { _, spec in sysctlsCheck(spec, allowed: safeSysctlsV1Dot37) },
        ])

    static let safeSysctlsV1Dot0: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
    ]
    static let safeSysctlsV1Dot27: Set<String> = safeSysctlsV1Dot0.union(["net.ipv4.ip_local_reserved_ports"])
    static let safeSysctlsV1Dot29: Set<String> = safeSysctlsV1Dot27.union([
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ])
    static let safeSysctlsV1Dot32: Set<String> = safeSysctlsV1Dot29.union(["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"])
    static let safeSysctlsV1Dot37: Set<String> = safeSysctlsV1Dot32.union([
        "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
    ])

    static func sysctlsCheck(_ spec: PodSpec, allowed: Set<String>) -> PodSecurityFinding? {
        guard let sysctls = spec.securityContext?.sysctls else { return nil }
        var forbidden: [String] = []
        for sysctl in sysctls where !goContains(allowed, sysctl.name) { forbidden.append(sysctl.name) }
        if forbidden.isEmpty { return nil }
        return PodSecurityFinding(reason: "forbidden sysctls", detail: forbidden.joined(separator: ", "))
    }
}
