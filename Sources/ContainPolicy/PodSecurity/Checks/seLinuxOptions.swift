import ContainModel

extension PodSecurityChecks {
    /// `seLinuxOptions` (baseline, v1.0+): the SELinux type must be empty, `container_t`,
    /// `container_init_t` or `container_kvm_t` (and `container_engine_t` from v1.31); user and
    /// role must not be set.
    public static let seLinuxOptions = PodSecurityCheck(
        id: "seLinuxOptions", level: .baseline,
        revisions: [
            .init(from: 0) { _, spec in seLinuxOptionsCheck(spec, allowEngine: false) },
            .init(from: 31) { _, spec in seLinuxOptionsCheck(spec, allowEngine: true) },
        ])

    static func allowedSELinuxType(_ type: String, allowEngine: Bool) -> Bool {
        switch type {
        case "", "container_t", "container_init_t", "container_kvm_t": true
        case "container_engine_t": allowEngine
        default: false
        }
    }

    static func seLinuxOptionsCheck(_ spec: PodSpec, allowEngine: Bool) -> PodSecurityFinding? {
        var badTypes: [String] = []
        var setUser = false
        var setRole = false
        func valid(_ options: SELinuxOptions) -> Bool {
            var ok = true
            let type = options.type ?? ""
            if !allowedSELinuxType(type, allowEngine: allowEngine) {
                ok = false
                badTypes.append(type)
            }
            if let user = options.user, !user.isEmpty { ok = false; setUser = true }
            if let role = options.role, !role.isEmpty { ok = false; setRole = true }
            return ok
        }
        var podBad = false
        if let options = spec.securityContext?.seLinuxOptions, !valid(options) { podBad = true }
        var badContainers: [String] = []
        visitContainers(spec) { name, sc in
            if let options = sc?.seLinuxOptions, !valid(options) { badContainers.append(name) }
        }
        if !podBad && badContainers.isEmpty { return nil }
        var data: [String] = []
        if !badTypes.isEmpty {
            let types = sortedUnique(badTypes)
            data.append("\(pluralize("type", "types", types.count)) \(joinQuote(types))")
        }
        if setUser { data.append("user may not be set") }
        if setRole { data.append("role may not be set") }
        return PodSecurityFinding(
            reason: "seLinuxOptions",
            detail: "\(setters(pod: podBad, containers: badContainers)) set forbidden securityContext.seLinuxOptions: \(data.joined(separator: "; "))")
    }
}
