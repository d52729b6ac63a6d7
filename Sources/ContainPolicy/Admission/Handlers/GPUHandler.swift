import ContainModel

/// Whole GPUs (`nvidia.com/gpu`) only for tenants with a GPU quota, MIG slices
/// (`nvidia.com/mig-<profile>`) only in the tenant's profiles.
struct GPUHandler: PodHandler {
    static let wholeGPU = "nvidia.com/gpu"
    static let migPrefix = "nvidia.com/mig-"

    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard let tenant = input.tenant else { return }
        forEachContainer(pod.spec, ephemeral: false) { kind, index, name, _, resources in
            guard let resources else { return }
            let limits = resources.limits ?? [:]
            let requests = resources.requests ?? [:]
            if limits.isEmpty && requests.isEmpty { return }
            for key in limits.keys where key.utf8.starts(with: "nvidia.com/".utf8) {
                check(key, container: name, at: pod.containerPath(kind, index), tenant: tenant, &outcome)
            }
            for key in requests.keys where key.utf8.starts(with: "nvidia.com/".utf8) && limits[key] == nil {
                check(key, container: name, at: pod.containerPath(kind, index), tenant: tenant, &outcome)
            }
        }
    }

    private func check(_ key: String, container name: String, at containerPath: FieldPath, tenant: TenantPolicy,
                       _ outcome: inout AdmissionOutcome) {
        let path = containerPath.child("resources")
        if key == Self.wholeGPU {
            if !tenant.wholeGPUs {
                outcome.report(.gpu, tenant.mode(.gpu), path,
                               "container \"\(name)\" requests \(key), but tenant \"\(tenant.name)\" has no GPU quota")
            }
        } else if key.hasPrefix(Self.migPrefix) {
            let profile = String(key.dropFirst(Self.migPrefix.count))
            if !tenant.migProfiles.contains(profile) {
                let allowed = tenant.migProfiles.isEmpty ? "none" : tenant.migProfiles.sorted().joined(separator: ", ")
                outcome.report(.gpu, tenant.mode(.gpu), path,
                               "container \"\(name)\" requests MIG profile \(profile), not among tenant \"\(tenant.name)\"'s profiles (\(allowed))")
            }
        }
    }
}
