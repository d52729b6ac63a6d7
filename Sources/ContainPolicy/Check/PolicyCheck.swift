import ContainModel

/// `contain policy check` without the file system: the engine run over manifests before they
/// reach a cluster (offline stage: what mutation would fill in is not a violation).
public struct PolicyCheck: Sendable {
    /// The tenant every manifest belongs to; otherwise each namespace's owner in the platform.
    public var tenantName: String?
    /// A Pod Security level that overrides namespace labels and tenants' levels.
    public var level: PodSecurityLevel?
    /// The Pod Security version (`latest` by default).
    public var version: PodSecurityVersion
    /// The level where neither `level`, labels nor a tenant apply.
    public var defaultLevel: PodSecurityLevel

    /// A check; every argument is optional.
    public init(tenantName: String? = nil, level: PodSecurityLevel? = nil, version: PodSecurityVersion = .latest,
                defaultLevel: PodSecurityLevel = .baseline) {
        self.tenantName = tenantName
        self.level = level
        self.version = version
        self.defaultLevel = defaultLevel
    }

    /// A problem with the check's own inputs (an unknown tenant).
    public struct InputError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Checks `manifests` against the tenants (and platform registry) of `platform`.
    public func run(_ manifests: [ManifestSource], platform: [ManifestSource] = [],
                    extraDiagnostics: [Diagnostic] = []) throws(InputError) -> PolicyCheckReport {
        let loader = ManifestLoader()
        let (directory, platformDiagnostics) = TenantDirectory.load(platform)
        if let tenantName, directory.policy(named: tenantName) == nil {
            let known = directory.tenantNames
            throw InputError(description: "no Tenant \"\(tenantName)\" in the platform"
                + (known.isEmpty ? " (give one with --platform FILE)" : "; tenants: \(known.joined(separator: ", "))"))
        }
        let engine = AdmissionEngine(directory: directory, defaultPodSecurity: PodSecurityPolicy(level: defaultLevel, version: version))

        var set = ManifestSet()
        for source in manifests { set.append(loader.load(source.text, file: source.path)) }
        var namespaceLabels: [String: [String: String]] = [:]
        for manifest in set.manifests {
            if let namespace = manifest.object.typed(as: Namespace.self), let name = namespace.metadata.name {
                namespaceLabels[name] = namespace.metadata.labels ?? [:]
            }
        }
        var findings: [PolicyFinding] = []
        for manifest in set.manifests {
            guard case .typed(let typed) = manifest.object else { continue }
            let object = AdmissionObject(typed)
            if case .other = object { continue }
            let type = type(of: typed).resourceType
            let request = AdmissionRequest(
                kind: GroupVersionKind(group: type.group, version: type.version, kind: type.kind),
                name: typed.metadata.name, namespace: typed.metadata.namespace, operation: .create, object: object)
            var labels = typed.metadata.namespace.flatMap { namespaceLabels[$0] }
            if let level {
                labels = (labels ?? [:]).merging([
                    AdmissionLabels.enforce: level.rawValue, AdmissionLabels.enforceVersion: version.description,
                    AdmissionLabels.warn: level.rawValue, AdmissionLabels.warnVersion: version.description,
                    AdmissionLabels.audit: level.rawValue, AdmissionLabels.auditVersion: version.description,
                ]) { $1 }
            }
            let context = AdmissionContext(stage: .offline, namespaceLabels: labels, tenantName: tenantName)
            let decision = engine.review(request, context: context)
            for violation in decision.violations {
                let position = manifest.document.position(of: violation.fieldPath) ?? manifest.document.position(of: .root)
                findings.append(PolicyFinding(file: manifest.document.file, line: position?.line,
                                              object: "\(manifest.kind)/\(manifest.name)", violation: violation))
            }
        }
        return PolicyCheckReport(files: manifests.count, objects: set.manifests.count, findings: findings,
                                 diagnostics: extraDiagnostics + platformDiagnostics + set.diagnostics)
    }
}
