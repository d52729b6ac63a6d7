import ContainModel
import ContainTenancy

/// Renders one cluster's directory: Flux's own sync, the layers, the base components, the
/// policies and the tenants.
struct ClusterRenderer {
    let cluster: Cluster
    let platform: Platform?
    let tenants: [Tenant]
    let options: RenderOptions
    /// Contain's deploy bundle under `contain/`, rendered once for all clusters.
    let containBundle: GitOpsTree
    var warnings: [String] = []

    var root: String { "clusters/\(cluster.name)" }

    init(cluster: Cluster, platform: Platform?, tenants: [Tenant], options: RenderOptions, containBundle: GitOpsTree) {
        self.containBundle = containBundle
        self.cluster = cluster
        self.platform = platform
        self.tenants = tenants
        self.options = options
    }

    mutating func render(into tree: inout GitOpsTree) throws -> ClusterOrder {
        let components = try ComponentResolver.resolve(cluster: cluster, tenantsOnCluster: tenants, catalog: options.catalog)
        var infrastructure = DirectoryBuilder("\(root)/infrastructure")
        var configs = DirectoryBuilder("\(root)/infrastructure/configs")
        var addons = DirectoryBuilder("\(root)/infrastructure/addons")
        var order: [ClusterLayer: [OrderStep]] = [:]
        var healthChecks: [ClusterLayer: [JSONValue]] = [:]

        infrastructure.add("namespaces.yaml", objects: components.compactMap(namespace(for:)))
        var repositories: [String: HelmRepositoryDefinition] = [:]
        for component in components { if let repo = component.definition.repository { repositories[repo.name] = repo } }
        infrastructure.add("repositories.yaml", objects: repositories.keys.sorted().compactMap { repositories[$0].map(FluxObjects.helmRepository) })

        let releaseNames = Dictionary(grouping: components, by: \.name).mapValues { $0[0].definition.releases?.map(\.name) ?? [] }
        let base = TemplateContext.base(cluster: cluster, platform: platform, warnings: &warnings)
        for component in components {
            var scope = base
            scope["settings"] = .object(component.settings)
            let context = JSONValue.object(scope)
            if component.definition.scope == .tenant { continue }
            let layer: ClusterLayer = component.definition.layer == .addons ? .infrastructureAddons : .infrastructure
            var releases: [JSONValue] = []
            for release in component.definition.releases ?? [] {
                var dependsOn = release.dependsOn ?? []
                for dependency in component.definition.dependsOn ?? [] { dependsOn += releaseNames[dependency] ?? [] }
                let values = try renderValues(release, component: component, context: context)
                releases.append(FluxObjects.helmRelease(
                    name: release.name, releaseName: release.name, targetNamespace: component.definition.namespace ?? "default",
                    chart: release.chart, version: component.versionOverride ?? release.version,
                    repository: component.definition.repository?.name ?? component.name,
                    dependsOn: dependsOn, values: values, labels: ["platform.contain.dev/component": component.name]))
                healthChecks[layer, default: []].append(FluxObjects.helmReleaseCheck(release.name))
                order[layer, default: []].append(OrderStep(
                    object: "HelmRelease/\(FluxObjects.namespace)/\(release.name)",
                    after: dependsOn.map { "HelmRelease/\(FluxObjects.namespace)/\($0)" },
                    readiness: "chart \(release.chart) \(component.versionOverride ?? release.version)"))
            }
            healthChecks[layer, default: []] += (component.definition.healthChecks ?? []).map(\.jsonValue)
            if layer == .infrastructure {
                infrastructure.add("\(component.name).yaml", objects: releases)
            } else {
                addons.add("\(component.name).yaml", objects: releases)
            }
            var configObjects = try renderConfigs(component, context: context)
            if !configObjects.isEmpty {
                let kinds = configObjects.map { "\($0["kind"]?.stringValue ?? "?")/\($0["metadata"]?["name"]?.stringValue ?? "?")" }
                order[.infrastructureConfigs, default: []].append(OrderStep(
                    object: "\(component.name): " + kinds.joined(separator: ", "), after: [], readiness: "ready"))
            }
            for runtime in component.definition.runtimeClasses ?? [] {
                if let runtimeClass = IsolationPlanner.runtimeClass(for: runtime), let value = try? ValueEncoder().encode(runtimeClass) {
                    configObjects.append(value)
                    order[.infrastructureConfigs, default: []].append(OrderStep(
                        object: "\(component.name): RuntimeClass/\(runtimeClass.name)", after: [], readiness: "ready"))
                }
            }
            configs.add("\(component.name).yaml", objects: configObjects)
            if component.definition.bundle == "contain" {
                // The bundle is the same on every cluster: rendered once per render, copied here.
                for (path, bytes) in containBundle.files {
                    tree.files["\(root)/infrastructure/configs/contain/" + path.dropFirst("contain/".count)] = bytes
                }
                configs.include("contain")
                order[.infrastructureConfigs, default: []].append(OrderStep(
                    object: "contain: CRDs, operator and admission webhook (infrastructure/configs/contain)", after: [],
                    readiness: "Deployments available"))
            }
        }
        infrastructure.write(into: &tree)
        configs.write(into: &tree)
        addons.write(into: &tree)

        var policies = DirectoryBuilder("\(root)/policies")
        policies.add("flux-tenancy.yaml", objects: PolicyObjects.fluxTenancy())
        policies.write(into: &tree)

        let tenantSteps = try renderTenants(components: components, into: &tree)

        var layerObjects: [JSONValue] = []
        var steps: [OrderStep] = [OrderStep(object: "Kustomization/flux-system/flux-system", after: [], readiness: "applied")]
        for layer in ClusterLayer.allCases {
            let readiness: FluxObjects.Readiness
            let readinessText: String
            switch layer {
            case .infrastructure, .infrastructureAddons:
                let checks = healthChecks[layer] ?? []
                readiness = .healthChecks(checks)
                readinessText = "healthChecks: \(checks.count)"
            case .infrastructureConfigs, .policies, .tenants:
                readiness = .waitForAll
                readinessText = "wait: true"
            }
            layerObjects.append(FluxObjects.kustomization(
                name: layer.rawValue, namespace: FluxObjects.namespace, path: "./\(root)/\(layer.directory)",
                source: ("GitRepository", "flux-system"), dependsOn: layer.dependsOn.map(\.rawValue),
                readiness: readiness, serviceAccount: FluxObjects.kustomizeAccount))
            steps.append(OrderStep(
                object: "Kustomization/flux-system/\(layer.rawValue)",
                after: ["Kustomization/flux-system/flux-system"] + layer.dependsOn.map { "Kustomization/flux-system/\($0.rawValue)" },
                readiness: readinessText,
                children: layer == .tenants ? tenantSteps : (order[layer] ?? [])))
        }

        var rootDirectory = DirectoryBuilder(root)
        rootDirectory.include("flux-system")
        rootDirectory.add("layers.yaml", objects: layerObjects)
        rootDirectory.write(into: &tree)

        var fluxSystem = DirectoryBuilder("\(root)/flux-system")
        fluxSystem.add("gotk-sync.yaml", objects: [
            FluxObjects.gitRepository(name: "flux-system", namespace: FluxObjects.namespace, url: repositoryURL,
                                      branch: options.branch, secret: "flux-system"),
            FluxObjects.kustomization(name: "flux-system", namespace: FluxObjects.namespace, path: "./\(root)",
                                      source: ("GitRepository", "flux-system"), dependsOn: [], readiness: .applied,
                                      serviceAccount: FluxObjects.kustomizeAccount),
        ])
        fluxSystem.write(into: &tree)
        return ClusterOrder(cluster: cluster.name, steps: steps)
    }

    /// The platform repository's URL.
    var repositoryURL: String {
        options.repositoryURL ?? ((platform?.spec.managementPlane?.git).map { "\($0)/fleet" } ?? "https://git.invalid/fleet")
    }

    private func namespace(for component: ResolvedComponent) -> JSONValue? {
        guard component.definition.createsNamespace, let name = component.definition.namespace else { return nil }
        let level = (component.definition.podSecurity ?? .restricted).rawValue
        return ["apiVersion": "v1", "kind": "Namespace", "metadata": FluxObjects.metadata(name: name, namespace: nil, labels: [
            "platform.contain.dev/platform-managed": "true",
            "platform.contain.dev/component": component.name,
            "pod-security.kubernetes.io/enforce": level,
            "pod-security.kubernetes.io/enforce-version": "latest",
        ])]
    }

    private func renderValues(_ release: HelmReleaseDefinition, component: ResolvedComponent, context: JSONValue) throws -> JSONValue? {
        var values = release.values ?? .object(JSONObject())
        if let overlay = release.valuesByProvider?[cluster.spec.provider.rawValue] { values = ValueTemplate.merge(values, overlay) }
        if let overlay = release.valuesByTier?[cluster.spec.tier.rawValue] { values = ValueTemplate.merge(values, overlay) }
        if let overrides = component.valueOverrides { values = ValueTemplate.merge(values, overrides) }
        return try rendered(values, component: component.name, context: context)
    }

    private mutating func renderConfigs(_ component: ResolvedComponent, context: JSONValue) throws -> [JSONValue] {
        var objects: [JSONValue] = []
        for entry in component.definition.configs ?? [] {
            guard case .object(var object) = entry else { continue }
            if let path = object["when"]?.stringValue {
                object["when"] = nil
                guard ValueTemplate.isSet(path, in: context) else {
                    warnings.append("cluster \(cluster.name): component \(component.name): \(path) is not set, so its \(object["kind"]?.stringValue ?? "object") is not rendered (set it in spec.components[].values)")
                    continue
                }
            }
            if let providers = object["providers"]?.arrayValue {
                object["providers"] = nil
                guard providers.contains(.string(cluster.spec.provider.rawValue)) else { continue }
            }
            var value = try rendered(.object(object), component: component.name, context: context)
            if case .object(var rendered) = value, case .object(var metadata)? = rendered["metadata"] {
                var labels = metadata["labels"]?.objectValue ?? JSONObject()
                labels["app.kubernetes.io/managed-by"] = "contain"
                labels["platform.contain.dev/component"] = .string(component.name)
                metadata["labels"] = .object(labels)
                rendered["metadata"] = .object(metadata)
                value = .object(rendered)
            }
            objects.append(value)
        }
        return objects
    }

    func rendered(_ value: JSONValue, component: String, context: JSONValue) throws -> JSONValue {
        do {
            return try ValueTemplate.render(value, context: context)
        } catch {
            throw RenderError(message: "cluster \(cluster.name): component \(component) needs \(error.path), which \(Self.source(of: error.path))")
        }
    }

    private static func source(of path: String) -> String {
        if path.hasPrefix("platform.") { return "the Platform object does not set (spec.domain, spec.managementPlane)" }
        if path.hasPrefix("cluster.") { return "the Cluster spec does not set" }
        if path.hasPrefix("settings.") { return "the component's settings do not hold (set it in spec.components[].values)" }
        return "is not defined"
    }
}
