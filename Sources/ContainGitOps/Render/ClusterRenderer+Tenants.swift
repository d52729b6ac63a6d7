import ContainModel
import ContainTenancy

extension ClusterRenderer {
    /// Writes `tenants/` and each tenant's directory:
    ///
    /// - `tenants/<t>/flux.yaml`: Kustomization `tenant-<t>` applying `tenant/` and waiting
    ///   until the Tenant is Ready (the operator has made its namespaces), then
    ///   `tenant-<t>-delivery` applying `delivery/`;
    /// - `tenant/`: the Tenant object and the tenant's own ClusterSecretStore, usable only
    ///   from the tenant's namespaces;
    /// - `delivery/`: per namespace a GitRepository of the tenant's repository and a
    ///   Kustomization applying it as the namespace's `gitops` ServiceAccount (so a tenant can
    ///   never apply more than that account may); for a `virtualCluster` tenant, the virtual
    ///   control plane's HelmRelease instead.
    mutating func renderTenants(components: [ResolvedComponent], into tree: inout GitOpsTree) throws -> [OrderStep] {
        var directory = DirectoryBuilder("\(root)/tenants")
        var steps: [OrderStep] = []
        let placed = tenants.filter { $0.spec.clusters.contains(cluster.name) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for tenant in placed {
            let namespaces = tenant.spec.namespaces.filter { $0.clusters?.contains(cluster.name) ?? true }.map(\.name)
            if tenant.spec.isolation?.tier == .dedicatedCluster,
               placed.contains(where: { $0.name != tenant.name }) {
                warnings.append("tenant \(tenant.name): dedicatedCluster tenant shares cluster \(cluster.name) with other tenants; nothing rendered for it there")
                continue
            }
            let base = "\(root)/tenants/\(tenant.name)"
            var tenantDirectory = DirectoryBuilder(base)
            let applyName = "tenant-\(tenant.name)"
            let deliveryName = "tenant-\(tenant.name)-delivery"
            let labels = TenancyLabels.owned(by: tenant.name)
            tenantDirectory.add("flux.yaml", objects: [
                FluxObjects.kustomization(name: applyName, namespace: FluxObjects.namespace, path: "./\(base)/tenant",
                                          source: ("GitRepository", "flux-system"), dependsOn: [], readiness: .waitForAll,
                                          serviceAccount: FluxObjects.kustomizeAccount, labels: labels),
                FluxObjects.kustomization(name: deliveryName, namespace: FluxObjects.namespace, path: "./\(base)/delivery",
                                          source: ("GitRepository", "flux-system"), dependsOn: [applyName], readiness: .applied,
                                          serviceAccount: FluxObjects.kustomizeAccount, labels: labels),
            ])
            tenantDirectory.write(into: &tree)
            directory.include(tenant.name)

            var tenantObjects = DirectoryBuilder("\(base)/tenant")
            tenantObjects.add("tenant.yaml", objects: [try tenantManifest(tenant)])
            tenantObjects.add("secret-store.yaml", objects: [secretStore(for: tenant)])
            tenantObjects.write(into: &tree)

            var delivery = DirectoryBuilder("\(base)/delivery")
            if tenant.spec.isolation?.tier == .virtualCluster {
                delivery.add("vcluster.yaml", objects: try virtualClusters(tenant, namespaces: namespaces, components: components))
            } else {
                for namespace in namespaces.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    delivery.add("\(namespace).yaml", objects: tenantSync(tenant, namespace: namespace))
                }
            }
            delivery.write(into: &tree)
            steps.append(OrderStep(object: "Kustomization/flux-system/\(applyName)", after: [],
                                   readiness: "wait: true (Tenant \(tenant.name) Ready: namespaces made by the operator)"))
            steps.append(OrderStep(object: "Kustomization/flux-system/\(deliveryName)", after: ["Kustomization/flux-system/\(applyName)"],
                                   readiness: "applied"))
        }
        directory.write(into: &tree)
        return steps
    }

    /// The Tenant as committed: apiVersion, kind, name, labels, annotations and spec; no status
    /// or server-set fields.
    func tenantManifest(_ tenant: Tenant) throws -> JSONValue {
        var metadata: JSONObject = ["name": .string(tenant.name)]
        if let labels = tenant.metadata.labels, !labels.isEmpty {
            metadata["labels"] = .object(JSONObject(labels.keys.sorted().map { ($0, .string(labels[$0] ?? "")) }))
        }
        if let annotations = tenant.metadata.annotations, !annotations.isEmpty {
            metadata["annotations"] = .object(JSONObject(annotations.keys.sorted().map { ($0, .string(annotations[$0] ?? "")) }))
        }
        return ["apiVersion": .string(Tenant.resourceType.apiVersion), "kind": "Tenant",
                "metadata": .object(metadata), "spec": try ValueEncoder().encode(tenant.spec)]
    }

    private func secretStore(for tenant: Tenant) -> JSONValue {
        let server = platform?.spec.managementPlane?.secretStore ?? "https://secret-store.invalid"
        return [
            "apiVersion": "external-secrets.io/v1", "kind": "ClusterSecretStore",
            "metadata": FluxObjects.metadata(name: "tenant-\(tenant.name)", namespace: nil, labels: TenancyLabels.owned(by: tenant.name)),
            "spec": [
                "conditions": [["namespaceSelector": ["matchLabels": [TenancyLabels.tenant: .string(tenant.name)]]]],
                "provider": ["vault": [
                    "server": .string(server), "path": "tenants", "version": "v2",
                    "auth": ["kubernetes": [
                        "mountPath": .string("kubernetes/\(cluster.name)"), "role": .string("tenant-\(tenant.name)"),
                        "serviceAccountRef": ["name": "external-secrets", "namespace": "external-secrets"],
                    ]],
                ]],
            ],
        ]
    }

    private func tenantSync(_ tenant: Tenant, namespace: String) -> [JSONValue] {
        let labels = TenancyLabels.owned(by: tenant.name)
        let git = platform?.spec.managementPlane?.git ?? "https://git.invalid"
        let secret: JSONValue = [
            "apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret",
            "metadata": FluxObjects.metadata(name: "gitops-credentials", namespace: namespace, labels: labels),
            "spec": [
                "refreshInterval": "1h",
                "secretStoreRef": ["kind": "ClusterSecretStore", "name": .string("tenant-\(tenant.name)")],
                "target": ["name": "gitops-credentials"],
                "data": [
                    ["secretKey": "username", "remoteRef": ["key": .string("\(tenant.name)/git"), "property": "username"]],
                    ["secretKey": "password", "remoteRef": ["key": .string("\(tenant.name)/git"), "property": "password"]],
                ],
            ],
        ]
        return [
            secret,
            FluxObjects.gitRepository(name: tenant.name, namespace: namespace, url: "\(git)/tenants/\(tenant.name)",
                                      branch: options.branch, secret: "gitops-credentials", labels: labels),
            FluxObjects.kustomization(name: tenant.name, namespace: namespace, path: "./clusters/\(cluster.name)/\(namespace)",
                                      source: ("GitRepository", tenant.name), dependsOn: [], readiness: .applied,
                                      serviceAccount: options.defaults.gitOpsServiceAccount, targetNamespace: namespace,
                                      labels: labels),
        ]
    }

    private mutating func virtualClusters(_ tenant: Tenant, namespaces: [String], components: [ResolvedComponent]) throws -> [JSONValue] {
        guard let component = components.first(where: { $0.definition.scope == .tenant && $0.name == "vcluster" }),
              let release = component.definition.releases?.first
        else {
            throw RenderError(message: "tenant \(tenant.name): isolation tier virtualCluster on cluster \(cluster.name), which does not install the vcluster component; add it to the cluster's spec.components")
        }
        var scope = TemplateContext.base(cluster: cluster, platform: platform, warnings: &warnings)
        scope["settings"] = .object(component.settings)
        var values = release.values ?? .object(JSONObject())
        if let overrides = component.valueOverrides { values = ValueTemplate.merge(values, overrides) }
        let rendered = try rendered(values, component: component.name, context: .object(scope))
        return namespaces.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { namespace in
            FluxObjects.helmRelease(
                name: "vcluster-\(namespace)", releaseName: tenant.name, targetNamespace: namespace, chart: release.chart,
                version: component.versionOverride ?? release.version,
                repository: component.definition.repository?.name ?? component.name, dependsOn: [], values: rendered,
                labels: TenancyLabels.owned(by: tenant.name))
        }
    }
}
