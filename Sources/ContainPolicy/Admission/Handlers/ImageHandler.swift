import ContainModel

/// Images only from the tenant's registries, and only by digest when the tenant requires it.
struct ImageHandler: PodHandler {
    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard let tenant = input.tenant, tenant.registries != nil || tenant.requireDigest else { return }
        forEachContainer(pod.spec, ephemeral: true) { kind, index, name, image, _ in
            guard let image else { return }
            var path: FieldPath { pod.containerPath(kind, index).child("image") }  // built only for a report
            guard let reference = ImageReference(image) else {
                outcome.report(.registries, tenant.mode(.registries), path,
                               "container \"\(name)\" has an unreadable image reference \"\(image)\"")
                return
            }
            if let registries = tenant.registries, !registries.contains(where: { reference.isUnder($0) }) {
                outcome.report(.registries, tenant.mode(.registries), path,
                               "container \"\(name)\" image \"\(image)\" is not from a registry tenant \"\(tenant.name)\" may use (\(registries.map(\.description).joined(separator: ", ")))")
            }
            if tenant.requireDigest && !reference.hasValidDigest {
                outcome.report(.imageDigest, tenant.mode(.imageDigest), path,
                               "container \"\(name)\" image \"\(image)\" must be referenced by digest (@sha256:…) in tenant \"\(tenant.name)\"")
            }
        }
    }
}
