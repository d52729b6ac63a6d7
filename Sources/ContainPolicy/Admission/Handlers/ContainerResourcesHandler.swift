import ContainModel

/// Every init and regular container declares requests and limits for the resources the
/// defaults cover (cpu, memory). Missing ones are filled in by mutation (a request never above
/// its limit), or refused when the tenant requires them. Ephemeral containers cannot have resources.
struct ContainerResourcesHandler: PodHandler {
    func handle(_ pod: PodTarget, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard let tenant = input.tenant else { return }
        let mode = tenant.mode(.resources)
        let mutate = pod.isPod && !tenant.resourcesRequired && input.mayMutate(.resources)
        let report = tenant.resourcesRequired || pod.missingDefaultIsViolation(input)
        guard mutate || report else { return }
        forEachContainer(pod.spec, ephemeral: false) { kind, index, name, _, resources in
            if let resources, let requests = resources.requests, let limits = resources.limits,
                tenant.defaultRequests.allSatisfy({ requests[$0.name] != nil }),
                tenant.defaultLimits.allSatisfy({ limits[$0.name] != nil })
            {
                return
            }
            let missingRequests = tenant.defaultRequests.filter { resources?.requests?[$0.name] == nil }
            let missingLimits = tenant.defaultLimits.filter { resources?.limits?[$0.name] == nil }
            if missingRequests.isEmpty && missingLimits.isEmpty { return }
            if mutate {
                outcome.patch += Self.patch(container: pod.specPointer + "/\(kind.fieldName)/\(index)", resources: resources,
                                            missingRequests: missingRequests, missingLimits: missingLimits)
                return
            }
            var missing = missingRequests.map { "requests.\($0.name)" }
            missing += missingLimits.map { "limits.\($0.name)" }
            outcome.report(.resources, mode, pod.containerPath(kind, index).child("resources"),
                           "container \"\(name)\" must set resources \(missing.joined(separator: ", "))")
        }
    }

    /// The operations adding the missing requests and limits to one container.
    static func patch(container pointer: String, resources: ResourceRequirements?,
                      missingRequests: [(name: String, quantity: Quantity)],
                      missingLimits: [(name: String, quantity: Quantity)]) -> [PatchOperation] {
        var requests: [(String, Quantity)] = []
        for (name, quantity) in missingRequests {
            var value = quantity
            if let limit = resources?.limits?[name], limit < value { value = limit }
            requests.append((name, value))
        }
        var limits: [(String, Quantity)] = []
        for (name, quantity) in missingLimits {
            var value = quantity
            let request = resources?.requests?[name] ?? requests.first(where: { $0.0 == name })?.1
            if let request, value < request { value = request }
            limits.append((name, value))
        }
        func object(_ list: [(String, Quantity)]) -> JSONValue {
            .object(JSONObject(list.map { ($0.0, JSONValue.string($0.1.description)) }))
        }
        guard let resources else {
            var members: [(String, JSONValue)] = []
            if !limits.isEmpty { members.append(("limits", object(limits))) }
            if !requests.isEmpty { members.append(("requests", object(requests))) }
            return [PatchOperation(.add, pointer + "/resources", .object(JSONObject(members)))]
        }
        var operations: [PatchOperation] = []
        for (field, list, existing) in [("limits", limits, resources.limits), ("requests", requests, resources.requests)] where !list.isEmpty {
            if existing == nil {
                operations.append(PatchOperation(.add, "\(pointer)/resources/\(field)", object(list)))
            } else {
                for (name, quantity) in list {
                    operations.append(PatchOperation(.add, "\(pointer)/resources/\(field)/\(PatchOperation.escape(name))",
                                                     .string(quantity.description)))
                }
            }
        }
        return operations
    }
}
