/// Checks one `Cluster` against Kubernetes' rules and the platform brief's sizing rules.
/// Pure: every problem is returned, none thrown.
public struct ClusterValidator: Sendable {
    public var rules: PlatformRules

    public init(rules: PlatformRules = PlatformRules()) { self.rules = rules }

    /// Every problem found in the cluster's spec.
    public func validate(_ cluster: Cluster) -> [FieldIssue] {
        let spec = cluster.spec
        let path = FieldPath("spec")
        var issues: [FieldIssue] = []
        issues += validateVersion(spec.kubernetesVersion, at: path.child("kubernetesVersion"))
        issues += validateZones(spec, at: path.child("zones"))
        issues += validateControlPlane(spec, at: path.child("controlPlane"))
        issues += validateNodePools(spec, at: path.child("nodePools"))
        issues += validateStorage(spec, at: path.child("storage"))
        issues += validateComponents(spec.components ?? [], at: path.child("components"))
        if let window = spec.maintenanceWindow {
            issues += validateMaintenanceWindow(window, at: path.child("maintenanceWindow"))
        }
        if let network = spec.network {
            issues += validateNetwork(network, at: path.child("network"))
        }
        return issues
    }

    func validateVersion(_ text: String, at path: FieldPath) -> [FieldIssue] {
        guard let version = KubernetesVersion(text) else {
            return [.invalid(path, .string(text), "must be a Kubernetes minor or patch version such as \"1.34\" or \"1.34.2\"")]
        }
        guard rules.kubernetes.supports(version) else {
            let supported = rules.kubernetes.supportedVersions.map { "\"\($0)\"" }.joined(separator: ", ")
            return [FieldIssue(path: path, message: "Unsupported value: \"\(text)\": supported versions: \(supported)")]
        }
        return []
    }

    func validateZones(_ spec: ClusterSpec, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var seen: Set<String> = []
        for (index, zone) in spec.zones.enumerated() {
            if zone.isEmpty {
                issues.append(.required(path.index(index), "a zone needs a name"))
            } else if !seen.insert(zone).inserted {
                issues.append(.duplicate(path.index(index), .string(zone)))
            }
        }
        let zonesValue = JSONValue.array(spec.zones.map(JSONValue.string))
        switch spec.tier {
        case .production where spec.zones.count != rules.productionZones:
            issues.append(.invalid(path, zonesValue, "a production cluster must span exactly \(rules.productionZones) zones"))
        case .devTest where spec.zones.count != rules.devTestZones:
            issues.append(.invalid(path, zonesValue, "a devTest cluster runs in exactly \(rules.devTestZones) zone"))
        default:
            break
        }
        return issues
    }

    func validateControlPlane(_ spec: ClusterSpec, at path: FieldPath) -> [FieldIssue] {
        let controlPlane = spec.controlPlane
        var issues: [FieldIssue] = []
        switch spec.tier {
        case .production:
            if controlPlane.count != rules.productionControlPlaneNodes {
                issues.append(.invalid(path.child("count"), .integer(Int64(controlPlane.count)),
                                       "a production cluster needs exactly \(rules.productionControlPlaneNodes) control-plane nodes"))
            }
            if controlPlane.vcpu < rules.productionControlPlaneVCPU {
                issues.append(.invalid(path.child("vcpu"), .integer(Int64(controlPlane.vcpu)),
                                       "production control-plane nodes need at least \(rules.productionControlPlaneVCPU) vCPU"))
            }
            if controlPlane.memory < rules.productionControlPlaneMemory {
                issues.append(.invalid(path.child("memory"), .string(controlPlane.memory.description),
                                       "production control-plane nodes need at least \(rules.productionControlPlaneMemory) of memory"))
            }
        case .devTest:
            if controlPlane.count != rules.devTestControlPlaneNodes {
                issues.append(.invalid(path.child("count"), .integer(Int64(controlPlane.count)),
                                       "a devTest cluster has exactly \(rules.devTestControlPlaneNodes) control-plane node"))
            }
        }
        if controlPlane.vcpu < 1 {
            issues.append(.invalid(path.child("vcpu"), .integer(Int64(controlPlane.vcpu)), "must be at least 1"))
        }
        return issues
    }

    func validateNodePools(_ spec: ClusterSpec, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var names: Set<String> = []
        let clusterZones = Set(spec.zones)
        var workerCount = 0
        var zonesWithWorkers: Set<String> = []
        for (index, pool) in spec.nodePools.enumerated() {
            let poolPath = path.index(index)
            for problem in NameRules.dns1123Label(pool.name) {
                issues.append(.invalid(poolPath.child("name"), .string(pool.name), problem))
            }
            if !names.insert(pool.name).inserted {
                issues.append(.duplicate(poolPath.child("name"), .string(pool.name)))
            }
            let poolZones = pool.zones ?? spec.zones
            for (zoneIndex, zone) in (pool.zones ?? []).enumerated() where !clusterZones.contains(zone) {
                issues.append(.notFound(poolPath.child("zones").index(zoneIndex), .string(zone),
                                        "not one of the cluster's zones"))
            }
            if pool.count < 0 {
                issues.append(.invalid(poolPath.child("count"), .integer(Int64(pool.count)), "must be greater than or equal to 0"))
            }
            if pool.vcpu < 1 {
                issues.append(.invalid(poolPath.child("vcpu"), .integer(Int64(pool.vcpu)), "must be at least 1"))
            }
            if let maxPods = pool.maxPods, maxPods < 1 || maxPods > rules.maximumPodsPerNode {
                issues.append(.invalid(poolPath.child("maxPods"), .integer(Int64(maxPods)),
                                       "must be between 1 and \(rules.maximumPodsPerNode) pods per node"))
            }
            if let gpu = pool.gpu {
                issues += validateGPU(gpu, at: poolPath.child("gpu"))
            }
            guard pool.effectiveRole == .worker else { continue }
            workerCount += pool.count
            if pool.count > 0 { zonesWithWorkers.formUnion(poolZones) }
            guard spec.tier == .production else { continue }
            if !poolZones.isEmpty, pool.count % poolZones.count != 0 {
                issues.append(.invalid(poolPath.child("count"), .integer(Int64(pool.count)),
                                       "production worker pools grow in steps of \(poolZones.count), one node per zone"))
            }
            if pool.vcpu < rules.minimumWorkerVCPU {
                issues.append(.invalid(poolPath.child("vcpu"), .integer(Int64(pool.vcpu)),
                                       "production workers need at least \(rules.minimumWorkerVCPU) vCPU"))
            }
            if pool.memory < rules.minimumWorkerMemory {
                issues.append(.invalid(poolPath.child("memory"), .string(pool.memory.description),
                                       "production workers need at least \(rules.minimumWorkerMemory) of memory"))
            }
        }
        if workerCount < rules.minimumWorkers {
            issues.append(.invalid(path, .integer(Int64(workerCount)),
                                   "the cluster needs at least \(rules.minimumWorkers) worker nodes"))
        } else if workerCount > rules.maximumWorkers {
            issues.append(.invalid(path, .integer(Int64(workerCount)),
                                   "the cluster may have at most \(rules.maximumWorkers) worker nodes"))
        }
        if workerCount > 0 {
            for zone in spec.zones where !zonesWithWorkers.contains(zone) {
                issues.append(.invalid(path, .string(zone), "no worker node runs in this zone; every zone needs at least one"))
            }
        }
        return issues
    }

    func validateGPU(_ gpu: GPUConfiguration, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if gpu.count < 1 {
            issues.append(.invalid(path.child("count"), .integer(Int64(gpu.count)), "must be at least 1"))
        }
        guard let mig = gpu.mig else { return issues }
        if mig.profiles.isEmpty {
            issues.append(.required(path.child("mig").child("profiles"), "MIG needs at least one profile"))
        }
        for (index, profile) in mig.profiles.enumerated() where !MIGProfile.isValid(profile) {
            issues.append(.invalid(path.child("mig").child("profiles").index(index), .string(profile),
                                   MIGProfile.formatMessage))
        }
        if mig.strategy == .single, mig.profiles.count > 1 {
            issues.append(.invalid(path.child("mig").child("profiles"), .array(mig.profiles.map(JSONValue.string)),
                                   "the single strategy cuts every GPU of a node into one profile; use mixed to offer several"))
        }
        return issues
    }

    func validateStorage(_ spec: ClusterSpec, at path: FieldPath) -> [FieldIssue] {
        guard let storage = spec.storage else {
            if spec.tier == .production {
                return [.required(path, "a production cluster needs storage replicated across its \(rules.productionZones) zones")]
            }
            return []
        }
        var issues: [FieldIssue] = []
        if storage.replicas < 1 {
            issues.append(.invalid(path.child("replicas"), .integer(Int64(storage.replicas)), "must be at least 1"))
        }
        if let poolName = storage.nodePool {
            if let pool = spec.nodePools.first(where: { $0.name == poolName }) {
                if pool.effectiveRole != .storage {
                    issues.append(.invalid(path.child("nodePool"), .string(poolName),
                                           "node pool \"\(poolName)\" has role \(pool.effectiveRole.rawValue), not storage"))
                }
            } else {
                issues.append(.notFound(path.child("nodePool"), .string(poolName), "no node pool of this name in the cluster"))
            }
        }
        guard spec.tier == .production else { return issues }
        if storage.replicas != rules.productionStorageReplicas {
            issues.append(.invalid(path.child("replicas"), .integer(Int64(storage.replicas)),
                                   "production storage keeps \(rules.productionStorageReplicas) replicas, one per zone"))
        }
        if let domain = storage.failureDomain, domain != .zone {
            issues.append(.invalid(path.child("failureDomain"), .string(domain.rawValue),
                                   "production storage replicates across zones"))
        }
        if storage.nodePool == nil {
            issues.append(.required(path.child("nodePool"), "production storage runs on a dedicated storage node pool"))
        } else if let pool = spec.nodePools.first(where: { $0.name == storage.nodePool }), pool.effectiveRole == .storage {
            let poolZones = Set(pool.zones ?? spec.zones)
            if poolZones.count < rules.productionZones || pool.count < rules.productionStorageReplicas {
                issues.append(.invalid(path.child("nodePool"), .string(pool.name),
                                       "storage nodes must span \(rules.productionZones) zones with at least one node each"))
            }
        }
        return issues
    }

    func validateComponents(_ components: [ComponentSelection], at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        var seen: Set<String> = []
        for (index, component) in components.enumerated() {
            if component.name.isEmpty {
                issues.append(.required(path.index(index).child("name"), "a component needs its catalogue name"))
            } else if !seen.insert(component.name).inserted {
                issues.append(.duplicate(path.index(index).child("name"), .string(component.name)))
            }
        }
        return issues
    }

    func validateMaintenanceWindow(_ window: MaintenanceWindow, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if window.days.isEmpty {
            issues.append(.required(path.child("days"), "name at least one day"))
        }
        let parts = window.start.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count != 2 || parts.contains(where: { $0.count != 2 }) || (Int(parts[0]).map { !(0..<24).contains($0) } ?? true)
            || (Int(parts[1]).map { !(0..<60).contains($0) } ?? true)
        {
            issues.append(.invalid(path.child("start"), .string(window.start), "must be a time of day as HH:MM"))
        }
        if GoDuration.seconds(window.duration) == nil {
            issues.append(.invalid(path.child("duration"), .string(window.duration), "must be a duration such as \"4h\" or \"90m\""))
        }
        return issues
    }

    func validateNetwork(_ network: ClusterNetwork, at path: FieldPath) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for (field, value) in [("podCIDR", network.podCIDR), ("serviceCIDR", network.serviceCIDR)] {
            if let value, CIDR(value) == nil {
                issues.append(.invalid(path.child(field), .string(value), "must be a CIDR such as 10.244.0.0/16"))
            }
        }
        if let pods = network.podCIDR.flatMap(CIDR.init), let services = network.serviceCIDR.flatMap(CIDR.init),
            pods.overlaps(services)
        {
            issues.append(.invalid(path.child("serviceCIDR"), .string(services.description), "overlaps the pod CIDR"))
        }
        for (index, entry) in (network.securedIngressAllowlist ?? []).enumerated() where CIDR(entry) == nil {
            issues.append(.invalid(path.child("securedIngressAllowlist").index(index), .string(entry), "must be a CIDR"))
        }
        if let domain = network.ingressDomain {
            for problem in NameRules.dns1123Subdomain(domain) {
                issues.append(.invalid(path.child("ingressDomain"), .string(domain), problem))
            }
        }
        return issues
    }
}

/// NVIDIA Multi-Instance GPU profile names (`1g.10gb`, `3g.40gb`, `1g.10gb+me`).
public enum MIGProfile {
    static let formatMessage = "must be a MIG profile such as \"1g.10gb\" or \"3g.40gb\""

    /// Whether `name` has the form `<n>g.<m>gb`, optionally with a `+me` media-extension suffix.
    public static func isValid(_ name: String) -> Bool {
        var body = Substring(name)
        if body.hasSuffix("+me") { body = body.dropLast(3) }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasSuffix("g"), parts[1].hasSuffix("gb") else { return false }
        let slices = parts[0].dropLast(), memory = parts[1].dropLast(2)
        return !slices.isEmpty && !memory.isEmpty && slices.allSatisfy(\.isASCII) && slices.allSatisfy(\.isNumber)
            && memory.allSatisfy(\.isASCII) && memory.allSatisfy(\.isNumber)
    }

    /// The extended resource name a pod requests for a slice under the mixed strategy.
    public static func resourceName(_ profile: String) -> String { "nvidia.com/mig-\(profile)" }
}
