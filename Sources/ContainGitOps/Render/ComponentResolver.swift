import ContainModel

/// A component chosen for one cluster, with the cluster's overrides applied.
struct ResolvedComponent: Sendable {
    var definition: ComponentDefinition
    /// The catalog settings with the cluster's overrides.
    var settings: JSONObject
    /// The cluster's Helm values (settings removed), merged over every release's values.
    var valueOverrides: JSONValue?
    /// A chart version overriding the catalog pin.
    var versionOverride: String?

    var name: String { definition.name }
}

/// Decides which catalog components a cluster runs:
///
/// - required components always;
/// - when `spec.components` is absent, every default component that applies to the cluster;
/// - when present, the listed ones (`enabled: false` switches one off), each of which must
///   exist, apply to the cluster's provider and tier, and have its dependencies listed too.
///
/// Components that need a cluster fact (`gpuNodes`, `virtualClusterTenants`) are dropped
/// silently where the fact is absent.
enum ComponentResolver {
    static func resolve(cluster: Cluster, tenantsOnCluster: [Tenant], catalog: ComponentCatalog) throws -> [ResolvedComponent] {
        let selections = cluster.spec.components
        var chosen: [String: ComponentSelection] = [:]
        if let selections {
            for selection in selections {
                guard let definition = catalog.component(named: selection.name) else {
                    let names = catalog.components.map(\.name)
                    let hint = names.min { editDistance($0, selection.name) < editDistance($1, selection.name) }
                        .map { " (did you mean \($0)?)" } ?? ""
                    throw RenderError(message: "cluster \(cluster.name): spec.components: unknown component \(selection.name)\(hint); the catalog has \(names.joined(separator: ", "))")
                }
                if selection.enabled == false {
                    if definition.required == true {
                        throw RenderError(message: "cluster \(cluster.name): spec.components: \(selection.name) is required on every cluster and cannot be disabled")
                    }
                    continue
                }
                guard definition.applies(to: cluster) else {
                    let providers = definition.providers?.map(\.rawValue).joined(separator: ", ") ?? "any"
                    throw RenderError(message: "cluster \(cluster.name): spec.components: \(selection.name) runs on providers \(providers); this cluster's provider is \(cluster.spec.provider.rawValue)")
                }
                chosen[selection.name] = selection
            }
        }
        var result: [ResolvedComponent] = []
        for definition in catalog.components {
            let selection: ComponentSelection?
            if let selections {
                let explicitlyOff = selections.contains { $0.name == definition.name && $0.enabled == false }
                if let chosenOne = chosen[definition.name] {
                    selection = chosenOne
                } else if definition.required == true && !explicitlyOff && definition.applies(to: cluster) {
                    selection = nil
                } else {
                    continue
                }
            } else {
                guard definition.applies(to: cluster), definition.default ?? true || definition.required == true else { continue }
                selection = nil
            }
            guard conditionHolds(definition.condition, cluster: cluster, tenants: tenantsOnCluster) else { continue }
            result.append(resolved(definition, selection: selection))
        }
        let names = Set(result.map(\.name))
        for component in result {
            for dependency in component.definition.dependsOn ?? [] where !names.contains(dependency) {
                throw RenderError(message: "cluster \(cluster.name): component \(component.name) needs \(dependency), which the cluster does not install; add it to spec.components")
            }
        }
        return result
    }

    private static func resolved(_ definition: ComponentDefinition, selection: ComponentSelection?) -> ResolvedComponent {
        var settings = definition.settings ?? JSONObject()
        var overrides: JSONValue?
        if case .object(let values)? = selection?.values {
            var chartValues = JSONObject()
            for (key, value) in values {
                if settings.contains(key) {
                    settings[key] = value
                } else {
                    chartValues[key] = value
                }
            }
            overrides = chartValues.isEmpty ? nil : .object(chartValues)
        }
        return ResolvedComponent(definition: definition, settings: settings, valueOverrides: overrides,
                                 versionOverride: selection?.version)
    }

    private static func conditionHolds(_ condition: ComponentCondition?, cluster: Cluster, tenants: [Tenant]) -> Bool {
        switch condition {
        case nil: true
        case .gpuNodes?: cluster.spec.nodePools.contains { $0.gpu != nil }
        case .virtualClusterTenants?: tenants.contains { $0.spec.isolation?.tier == .virtualCluster }
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
