import ContainModel

/// Builders for the Flux objects the renderer writes (source, kustomize and helm controllers'
/// current API versions), as ordered JSON values.
enum FluxObjects {
    static let gitRepositoryAPI = "source.toolkit.fluxcd.io/v1"
    static let helmRepositoryAPI = "source.toolkit.fluxcd.io/v1"
    static let kustomizationAPI = "kustomize.toolkit.fluxcd.io/v1"
    static let helmReleaseAPI = "helm.toolkit.fluxcd.io/v2"
    /// Flux's own namespace, where platform-owned Flux objects live.
    static let namespace = "flux-system"
    /// Under multi-tenancy lockdown every Flux object names the account it applies as; the
    /// platform's run as the controllers' own accounts, tenants' as their GitOps account.
    static let kustomizeAccount = "kustomize-controller"
    static let helmAccount = "helm-controller"

    static func metadata(name: String, namespace: String?, labels: [String: String] = [:]) -> JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let namespace { object["namespace"] = .string(namespace) }
        var all = labels
        all["app.kubernetes.io/managed-by"] = "contain"
        object["labels"] = .object(JSONObject(all.keys.sorted().map { ($0, .string(all[$0] ?? "")) }))
        return .object(object)
    }

    static func gitRepository(name: String, namespace: String, url: String, branch: String, secret: String?,
                              labels: [String: String] = [:]) -> JSONValue {
        var spec: JSONObject = ["interval": "5m", "url": .string(url), "ref": ["branch": .string(branch)]]
        if let secret { spec["secretRef"] = ["name": .string(secret)] }
        return ["apiVersion": .string(gitRepositoryAPI), "kind": "GitRepository",
                "metadata": metadata(name: name, namespace: namespace, labels: labels), "spec": .object(spec)]
    }

    /// How a Kustomization decides it is done.
    enum Readiness {
        /// `wait: true`: every applied object must become ready.
        case waitForAll
        /// Explicit `healthChecks` (Flux ignores them when `wait` is true).
        case healthChecks([JSONValue])
        /// Ready as soon as applied.
        case applied
    }

    static func kustomization(name: String, namespace: String, path: String, source: (kind: String, name: String),
                              dependsOn: [String], readiness: Readiness, serviceAccount: String,
                              targetNamespace: String? = nil, labels: [String: String] = [:]) -> JSONValue {
        var spec: JSONObject = [
            "interval": "10m", "retryInterval": "1m", "timeout": "15m",
            "serviceAccountName": .string(serviceAccount),
            "sourceRef": ["kind": .string(source.kind), "name": .string(source.name)],
            "path": .string(path), "prune": true,
        ]
        if let targetNamespace { spec["targetNamespace"] = .string(targetNamespace) }
        if !dependsOn.isEmpty { spec["dependsOn"] = .array(dependsOn.map { ["name": .string($0)] }) }
        switch readiness {
        case .waitForAll: spec["wait"] = true
        case .healthChecks(let checks): if !checks.isEmpty { spec["healthChecks"] = .array(checks) }
        case .applied: break
        }
        return ["apiVersion": .string(kustomizationAPI), "kind": "Kustomization",
                "metadata": metadata(name: name, namespace: namespace, labels: labels), "spec": .object(spec)]
    }

    static func helmRepository(_ repository: HelmRepositoryDefinition) -> JSONValue {
        var spec: JSONObject = ["interval": "12h", "url": .string(repository.url)]
        if let type = repository.type, type != "default" { spec["type"] = .string(type) }
        return ["apiVersion": .string(helmRepositoryAPI), "kind": "HelmRepository",
                "metadata": metadata(name: repository.name, namespace: namespace), "spec": .object(spec)]
    }

    static func helmRelease(name: String, releaseName: String, targetNamespace: String, chart: String, version: String,
                            repository: String, dependsOn: [String], values: JSONValue?,
                            labels: [String: String] = [:]) -> JSONValue {
        var spec: JSONObject = [
            "interval": "30m",
            "serviceAccountName": .string(helmAccount),
            "releaseName": .string(releaseName),
            "targetNamespace": .string(targetNamespace),
            "storageNamespace": .string(targetNamespace),
            "chart": ["spec": [
                "chart": .string(chart), "version": .string(version), "interval": "12h",
                "sourceRef": ["kind": "HelmRepository", "name": .string(repository), "namespace": .string(namespace)],
            ]],
            "install": ["crds": "CreateReplace", "remediation": ["retries": 3]],
            "upgrade": ["crds": "CreateReplace", "cleanupOnFail": true, "remediation": ["retries": 3, "remediateLastFailure": true]],
        ]
        if !dependsOn.isEmpty {
            spec["dependsOn"] = .array(dependsOn.map { ["name": .string($0), "namespace": .string(namespace)] })
        }
        if let values, case .object(let object) = values, !object.isEmpty { spec["values"] = values }
        return ["apiVersion": .string(helmReleaseAPI), "kind": "HelmRelease",
                "metadata": metadata(name: name, namespace: namespace, labels: labels), "spec": .object(spec)]
    }

    /// A health-check entry for a HelmRelease in `flux-system`.
    static func helmReleaseCheck(_ name: String) -> JSONValue {
        ["apiVersion": .string(helmReleaseAPI), "kind": "HelmRelease", "name": .string(name), "namespace": .string(namespace)]
    }
}
