import ContainModel

/// Ingresses use one of the tenant's classes, and every host lies inside the tenant's hostnames
/// and is not claimed more specifically by another tenant. A rule without a host would answer
/// for every hostname on a shared controller, so it is refused too.
struct IngressHandler: ObjectHandler {
    static let classAnnotation = "kubernetes.io/ingress.class"

    func handle(_ object: AdmissionObject, _ input: AdmissionInput, _ outcome: inout AdmissionOutcome) {
        guard case .ingress(let ingress) = object, let tenant = input.tenant else { return }
        let mode = tenant.mode(.ingress)
        let allowedClasses = tenant.ingressClasses.sorted().joined(separator: ", ")
        let className = ingress.spec?.ingressClassName ?? ingress.metadata.annotations?[Self.classAnnotation]
        if tenant.ingressClasses.isEmpty {
            outcome.report(.ingress, mode, FieldPath("spec", "ingressClassName"),
                           "tenant \"\(tenant.name)\" may not expose services through an Ingress (no ingress classes)")
            return
        }
        if let className {
            if !tenant.ingressClasses.contains(className) {
                outcome.report(.ingress, mode, FieldPath("spec", "ingressClassName"),
                               "ingress class \"\(className)\" is not one of tenant \"\(tenant.name)\"'s classes (\(allowedClasses))")
            }
        } else {
            outcome.report(.ingress, mode, FieldPath("spec", "ingressClassName"),
                           "spec.ingressClassName must name one of tenant \"\(tenant.name)\"'s classes (\(allowedClasses))")
        }
        var hosts: [(String?, FieldPath)] = []
        for (index, rule) in (ingress.spec?.rules ?? []).enumerated() {
            hosts.append((rule.host, FieldPath("spec", "rules").index(index).child("host")))
        }
        for (index, tls) in (ingress.spec?.tls ?? []).enumerated() {
            for (hostIndex, host) in (tls.hosts ?? []).enumerated() {
                hosts.append((host, FieldPath("spec", "tls").index(index).child("hosts").index(hostIndex)))
            }
        }
        for (host, path) in hosts {
            guard let host, !host.isEmpty else {
                outcome.report(.ingress, mode, path, "a rule without a host answers for every hostname; name one of tenant \"\(tenant.name)\"'s hostnames")
                continue
            }
            let pattern = HostnamePattern(host)
            guard let own = tenant.hostnames.filter({ $0.covers(pattern) }).max(by: { $0.specificity < $1.specificity }) else {
                let allowed = tenant.hostnames.isEmpty ? "none" : tenant.hostnames.map(\.description).joined(separator: ", ")
                outcome.report(.ingress, mode, path, "host \"\(host)\" is outside tenant \"\(tenant.name)\"'s hostnames (\(allowed))")
                continue
            }
            if let claim = input.directory.foreignClaim(on: pattern, excluding: tenant.name),
                claim.pattern.specificity >= own.specificity
            {
                outcome.report(.ingress, mode, path, "host \"\(host)\" is claimed by tenant \"\(claim.tenant)\" (\(claim.pattern))")
            }
        }
    }
}
