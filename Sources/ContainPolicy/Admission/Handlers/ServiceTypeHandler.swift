import ContainModel

/// Services of type LoadBalancer, NodePort or ExternalName only for tenants allowed them.
struct ServiceTypeHandler: ObjectHandler {
    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard case .service(let service) = object, let tenant = input.tenant else { return }
        let type = service.spec?.type ?? .clusterIP
        guard type != .clusterIP, !tenant.serviceTypes.contains(type) else { return }
        let allowed = (["ClusterIP"] + tenant.serviceTypes.map(\.rawValue).sorted()).joined(separator: ", ")
        outcome.report(.serviceTypes, tenant.mode(.serviceTypes), FieldPath("spec", "type"),
                       "service type \(type.rawValue) is not allowed for tenant \"\(tenant.name)\" (allowed: \(allowed))")
    }
}
