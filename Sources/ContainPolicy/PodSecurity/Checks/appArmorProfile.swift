import ContainModel

extension PodSecurityChecks {
    /// `appArmorProfile` (baseline, v1.0+): the AppArmor profile type of the pod and containers
    /// must be `RuntimeDefault` or `Localhost`, and `container.apparmor.security.beta.kubernetes.io/*`
    /// annotations must be empty, `runtime/default` or `localhost/*`.
    public static let appArmorProfile = PodSecurityCheck(
        id: "appArmorProfile", level: .baseline,
        revisions: [.init(from: 0) { metadata, spec in appArmorProfileV1Dot0(metadata, spec) }])

    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    static func allowedAppArmorType(_ profile: AppArmorProfile?) -> Bool {
        guard let profile else { return true }
        return profile.type == .runtimeDefault || profile.type == .localhost
    }

    static func allowedAppArmorAnnotation(_ value: String) -> Bool {
        value.isEmpty || goEqual(value, "runtime/default") || goHasPrefix(value, "localhost/")
    }

    static func appArmorProfileV1Dot0(_ metadata: ObjectMeta?, _ spec: PodSpec) -> PodSecurityFinding? {
        var podBad = false
        var badValues: [String] = []
        if let profile = spec.securityContext?.appArmorProfile, !allowedAppArmorType(profile) {
            podBad = true
            badValues.append(profile.type.rawValue)
        }
        var badContainers: [String] = []
        visitContainers(spec) { name, sc in
            if let profile = sc?.appArmorProfile, !allowedAppArmorType(profile) {
                badContainers.append(name)
                badValues.append(profile.type.rawValue)
            }
        }
        var badAnnotations: [String] = []
        if let annotations = metadata?.annotations {
            for (key, value) in annotations
            where goHasPrefix(key, appArmorAnnotationPrefix) && !allowedAppArmorAnnotation(value) {
                badAnnotations.append("\(key)=\(GoText.quote(value))")
            }
        }
        if !podBad && badContainers.isEmpty && badAnnotations.isEmpty { return nil }
        var setterList = setters(pod: podBad, containers: badContainers)
        var valueList = sortedUnique(badValues)
        if !badAnnotations.isEmpty {
            valueList += goSorted(badAnnotations)
            let annotationSetter = pluralize("annotation", "annotations", badAnnotations.count)
            setterList = setterList.isEmpty ? annotationSetter : setterList + " and " + annotationSetter
        }
        return PodSecurityFinding(
            reason: pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", valueList.count),
            detail: "\(setterList) must not set AppArmor profile type to \(joinQuote(valueList))")
    }
}
