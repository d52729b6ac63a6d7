import ContainModel

extension PodSecurityChecks {
    /// `capabilities_restricted` (restricted, v1.22+; replaces `capabilities_baseline`):
    /// containers must drop `ALL` and may add only `NET_BIND_SERVICE`. Windows pods are exempt
    /// from v1.25.
    public static let capabilities_restricted = PodSecurityCheck(
        id: "capabilities_restricted", level: .restricted,
        revisions: [
            .init(from: 22, overrides: ["capabilities_baseline"]) { _, spec in capabilitiesRestrictedV1Dot22(spec) },
            .init(from: 25, overrides: ["capabilities_baseline"]) { _, spec in
                isWindowsPod(spec) ? nil : capabilitiesRestrictedV1Dot22(spec)
            },
        ])

    static func capabilitiesRestrictedV1Dot22(_ spec: PodSpec) -> PodSecurityFinding? {
        var missingDropAll: [String] = []
        var addingForbidden: [String] = []
        var forbiddenCapabilities: [String] = []
        visitContainers(spec) { name, sc in
            guard let capabilities = sc?.capabilities else {
                missingDropAll.append(name)
                return
            }
            if !(capabilities.drop ?? []).contains("ALL") { missingDropAll.append(name) }
            var addedForbidden = false
            for capability in capabilities.add ?? [] where capability != "NET_BIND_SERVICE" {
                addedForbidden = true
                forbiddenCapabilities.append(capability)
            }
            if addedForbidden { addingForbidden.append(name) }
        }
        if missingDropAll.isEmpty && addingForbidden.isEmpty { return nil }
        var details: [String] = []
        if !missingDropAll.isEmpty {
            details.append("\(pluralize("container", "containers", missingDropAll.count)) \(joinQuote(missingDropAll)) must set securityContext.capabilities.drop=[\"ALL\"]")
        }
        if !addingForbidden.isEmpty {
            details.append("\(pluralize("container", "containers", addingForbidden.count)) \(joinQuote(addingForbidden)) must not include \(joinQuote(sortedUnique(forbiddenCapabilities))) in securityContext.capabilities.add")
        }
        return PodSecurityFinding(reason: "unrestricted capabilities", detail: details.joined(separator: "; "))
    }
}
