import ContainModel

/// Volume claims (and a StatefulSet's claim templates) use the tenant's storage classes. A
/// claim without a class gets the tenant's first class by mutation.
struct StorageClassHandler: ObjectHandler {
    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard let tenant = input.tenant, let allowed = tenant.storageClasses else { return }
        switch object {
        case .persistentVolumeClaim(let claim):
            check(claim.spec?.storageClassName, at: FieldPath("spec"), pointer: "/spec", specExists: claim.spec != nil,
                  isClaim: true, tenant: tenant, allowed: allowed, input: input, outcome: &outcome)
        case .workload(let workload):
            guard let statefulSet = workload as? StatefulSet else { return }
            for (index, template) in (statefulSet.spec.volumeClaimTemplates ?? []).enumerated() {
                check(template.spec?.storageClassName,
                      at: FieldPath("spec", "volumeClaimTemplates").index(index).child("spec"),
                      pointer: "/spec/volumeClaimTemplates/\(index)/spec", specExists: template.spec != nil,
                      isClaim: false, tenant: tenant, allowed: allowed, input: input, outcome: &outcome)
            }
        default:
            return
        }
    }

    private func check(_ storageClass: String?, at path: FieldPath, pointer: String, specExists: Bool, isClaim: Bool,
                       tenant: TenantPolicy, allowed: [String], input: AdmissionInput, outcome: inout AdmissionOutcome) {
        let mode = tenant.mode(.storageClasses)
        let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        guard let storageClass else {
            if isClaim, let first = allowed.first, input.mayMutate(.storageClasses) {
                outcome.patch.append(specExists
                    ? PatchOperation(.add, pointer + "/storageClassName", .string(first))
                    : PatchOperation(.add, pointer, .object(["storageClassName": .string(first)])))
            } else if isClaim && input.context.stage == .validating || allowed.isEmpty {
                outcome.report(.storageClasses, mode, path.child("storageClassName"),
                               "storageClassName must be one of tenant \"\(tenant.name)\"'s storage classes (\(list))")
            }
            return
        }
        if !allowed.contains(storageClass) {
            outcome.report(.storageClasses, mode, path.child("storageClassName"),
                           "storage class \"\(storageClass)\" is not one of tenant \"\(tenant.name)\"'s storage classes (\(list))")
        }
    }
}
