/// Checks a whole platform — every object of every file a user passes — at once: each object's
/// metadata, each Cluster and Tenant on its own, and the rules that span objects (placements on
/// clusters that exist, namespaces unique per cluster, GPU profiles offered where tenants run,
/// dedicated nodes and clusters not shared, hostnames claimed once). Pure; reports every problem.
public struct PlatformValidator: Sendable {
    /// Sizing rules; the Kubernetes window is replaced by a `Platform` object's, when there is one.
    public var rules: PlatformRules

    public init(rules: PlatformRules = PlatformRules()) { self.rules = rules }

    /// Every problem in the manifests, sorted by file and position.
    public func validate(_ manifests: [LoadedManifest]) -> [Diagnostic] {
        var context = Context(manifests: manifests)
        var rules = self.rules
        let platforms = context.indices(of: Platform.self)
        if let first = platforms.first, let platform = manifests[first].object.typed(as: Platform.self),
            let window = platform.spec.kubernetes
        {
            rules.kubernetes = window
            if window.supportedVersions.isEmpty {
                context.report(first, .invalid(FieldPath("spec", "kubernetes", "newest"), .string(window.newest),
                                               "must be a Kubernetes minor version such as \"1.34\""))
            }
        }
        for index in platforms.dropFirst() {
            context.report(index, .forbidden(FieldPath("metadata", "name"),
                                             "a platform has one Platform object; another is defined at \(context.location(platforms[0], from: index))"))
        }
        for index in manifests.indices {
            for issue in MetadataValidator.validate(manifests[index]) { context.report(index, issue) }
        }
        context.reportDuplicateNames()
        let clusterValidator = ClusterValidator(rules: rules)
        let tenantValidator = TenantValidator()
        for index in context.indices(of: Cluster.self) {
            guard let cluster = manifests[index].object.typed(as: Cluster.self) else { continue }
            for issue in clusterValidator.validate(cluster) { context.report(index, issue) }
        }
        for index in context.indices(of: Tenant.self) {
            guard let tenant = manifests[index].object.typed(as: Tenant.self) else { continue }
            for issue in tenantValidator.validate(tenant) { context.report(index, issue) }
        }
        TenantPlacementValidator(context: context).validate(into: &context)
        return context.diagnostics.sorted()
    }

    /// The manifests being validated and the diagnostics found so far.
    struct Context {
        let manifests: [LoadedManifest]
        var diagnostics: [Diagnostic] = []

        init(manifests: [LoadedManifest]) { self.manifests = manifests }

        func indices<T: KubeObject>(of type: T.Type) -> [Int] {
            manifests.indices.filter { manifests[$0].object.typed(as: type) != nil }
        }

        /// Where an object starts, as `line N` within the same file as `reporter`, else `file:N`.
        func location(_ index: Int, from reporter: Int) -> String {
            let document = manifests[index].document
            let line = document.source?.position.line ?? 1
            if document.file == manifests[reporter].document.file { return "line \(line)" }
            return "\(document.file ?? "<input>"):\(line)"
        }

        mutating func report(_ index: Int, _ issue: FieldIssue) {
            let manifest = manifests[index]
            diagnostics.append(Diagnostic(issue, in: manifest.document, object: manifest.reference))
        }

        mutating func reportDuplicateNames() {
            var first: [String: Int] = [:]
            for (index, manifest) in manifests.enumerated() where !manifest.name.isEmpty {
                let key = "\(manifest.apiVersion)|\(manifest.kind)|\(manifest.namespace ?? "")|\(manifest.name)"
                if let earlier = first[key] {
                    report(index, .duplicate(FieldPath("metadata", "name"), .string(manifest.name),
                                             "another \(manifest.kind) with this name is defined at \(location(earlier, from: index))"))
                } else {
                    first[key] = index
                }
            }
        }
    }
}

/// The metadata rules every object follows, whatever its kind.
enum MetadataValidator {
    static func validate(_ manifest: LoadedManifest) -> [FieldIssue] {
        let metadataPath = FieldPath("metadata")
        guard let metadata = manifest.document.value["metadata"] else {
            return [.required(metadataPath, "every object has metadata with a name")]
        }
        guard case .object = metadata else { return [] }  // typed kinds already reported the wrong type
        var issues: [FieldIssue] = []
        let name = metadata["name"]?.stringValue ?? ""
        let generateName = metadata["generateName"]?.stringValue ?? ""
        if name.isEmpty && generateName.isEmpty {
            issues.append(.required(metadataPath.child("name"), "name or generateName is required"))
        } else if !name.isEmpty {
            for problem in nameProblems(name, kind: manifest.kind, apiVersion: manifest.apiVersion) {
                issues.append(.invalid(metadataPath.child("name"), .string(name), problem))
            }
        }
        if case .typed(let object) = manifest.object {
            let scope = type(of: object).resourceType
            if !scope.namespaced, let namespace = manifest.namespace, !namespace.isEmpty {
                issues.append(.forbidden(metadataPath.child("namespace"), "\(scope.kind) is cluster-scoped and has no namespace"))
            }
        }
        if let namespace = manifest.namespace, !namespace.isEmpty {
            for problem in NameRules.dns1123Label(namespace) {
                issues.append(.invalid(metadataPath.child("namespace"), .string(namespace), problem))
            }
        }
        issues += LabelRules.validate(labels: metadata["labels"], at: metadataPath.child("labels"))
        issues += LabelRules.validate(annotations: metadata["annotations"], at: metadataPath.child("annotations"))
        return issues
    }

    /// Names follow the rule of their kind: DNS labels for namespaces and Contain's kinds (their
    /// names become label values and DNS names), path segments for RBAC kinds, DNS subdomains otherwise.
    static func nameProblems(_ name: String, kind: String, apiVersion: String) -> [String] {
        if apiVersion.hasPrefix("rbac.authorization.k8s.io/") { return NameRules.pathSegmentName(name) }
        if (apiVersion == "v1" && kind == "Namespace") || apiVersion.hasPrefix(PlatformGroup.name + "/") {
            return NameRules.dns1123Label(name)
        }
        return NameRules.dns1123Subdomain(name)
    }
}
