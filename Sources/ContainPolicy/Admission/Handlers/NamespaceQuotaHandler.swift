import ContainModel

/// Tenant owners may create namespaces for their tenant up to its namespace quota. The tenant
/// is the one the namespace's `platform.contain.dev/tenant` label names, or else the only
/// tenant the user owns (mutation then adds the label). A name another tenant declares is refused.
struct NamespaceQuotaHandler: ObjectHandler {
    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard case .namespace(let namespace) = object, input.request.operation == .create else { return }
        let name = namespace.metadata.name ?? input.request.name ?? ""
        let labelled = namespace.metadata.labels?[AdmissionLabels.tenant]
        guard let tenant = input.directory.tenant(forNewNamespace: namespace, by: input.request.user) else { return }
        let mode = tenant.mode(.namespaceQuota)
        if let owner = input.directory.tenantName(forNamespace: name), owner != tenant.name {
            outcome.report(.namespaceQuota, mode, FieldPath("metadata", "name"),
                           "namespace \"\(name)\" belongs to tenant \"\(owner)\"")
            return
        }
        if labelled == nil && input.mayMutate(.namespaceQuota) {
            outcome.patch.append(namespace.metadata.labels == nil
                ? PatchOperation(.add, "/metadata/labels", .object([AdmissionLabels.tenant: .string(tenant.name)]))
                : PatchOperation(.add, "/metadata/labels/" + PatchOperation.escape(AdmissionLabels.tenant), .string(tenant.name)))
        }
        guard !tenant.declaredNamespaces.contains(name), let quota = tenant.namespaceQuota else { return }
        let count = input.directory.namespaceCount(of: tenant.name)
        if count >= quota {
            outcome.report(.namespaceQuota, mode, FieldPath("metadata", "name"),
                           "tenant \"\(tenant.name)\" already has \(count) namespaces, its quota is \(quota)")
        }
    }
}
