import ContainModel

/// A RoleBinding in a tenant namespace may not grant anything to another tenant's users,
/// groups or service accounts (including `system:serviceaccounts:<namespace>` groups).
struct RoleBindingHandler: ObjectHandler {
    static let serviceAccountGroupPrefix = "system:serviceaccounts:"

    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard case .roleBinding(let binding) = object, let tenant = input.tenant else { return }
        let mode = tenant.mode(.roleBindings)
        let bindingNamespace = binding.metadata.namespace ?? input.request.namespace ?? ""
        for (index, subject) in (binding.subjects ?? []).enumerated() {
            let path = FieldPath("subjects").index(index)
            var foreign: [String] = []
            switch subject.kind {
            case .serviceAccount:
                let namespace = subject.namespace ?? bindingNamespace
                if let owner = input.directory.tenantName(forNamespace: namespace), owner != tenant.name { foreign = [owner] }
            case .user, .group:
                let owners = input.directory.tenants(withSubject: "\(subject.kind.rawValue):\(subject.name)")
                if !owners.isEmpty && !owners.contains(tenant.name) { foreign = owners }
                if subject.kind == .group, subject.name.hasPrefix(Self.serviceAccountGroupPrefix) {
                    let namespace = String(subject.name.dropFirst(Self.serviceAccountGroupPrefix.count))
                    if let owner = input.directory.tenantName(forNamespace: namespace), owner != tenant.name { foreign = [owner] }
                }
            }
            if !foreign.isEmpty {
                outcome.report(.roleBindings, mode, path,
                               "subject \(subject.kind.rawValue) \"\(subject.name)\" belongs to tenant \"\(foreign.sorted().joined(separator: "\", \""))\", not to tenant \"\(tenant.name)\"")
            }
        }
    }
}
