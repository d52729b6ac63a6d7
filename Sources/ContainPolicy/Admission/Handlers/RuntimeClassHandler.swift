import ContainModel

/// Pods run in the tenant's sandbox runtime: mutation sets `runtimeClassName`, validation
/// refuses any other (and, for a default-runtime tenant, any at all).
struct RuntimeClassHandler: PodHandler {
    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard let tenant = input.tenant else { return }
        let expected = tenant.runtimeClassName
        let actual = pod.spec.runtimeClassName
        if actual == expected { return }
        let path = pod.specPath.child("runtimeClassName")
        if let actual {
            let wanted = expected.map { "the tenant's sandbox runtime \"\($0)\"" } ?? "unset (tenant \"\(tenant.name)\" runs on the default runtime)"
            outcome.report(.runtimeClass, tenant.mode(.runtimeClass), path, "runtimeClassName \"\(actual)\" is not allowed; it must be \(wanted)")
            return
        }
        guard let expected else { return }
        if pod.isPod && input.mayMutate(.runtimeClass) {
            outcome.patch.append(PatchOperation(.add, pod.specPointer + "/runtimeClassName", .string(expected)))
        } else if pod.missingDefaultIsViolation(input) {
            outcome.report(.runtimeClass, tenant.mode(.runtimeClass), path,
                           "runtimeClassName must be the tenant's sandbox runtime \"\(expected)\"")
        }
    }
}
