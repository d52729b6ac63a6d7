import ContainModel

/// What the renderer reads: the platform settings, the clusters and the tenants.
public struct GitOpsInput: Sendable {
    public var platform: Platform?
    public var clusters: [Cluster]
    public var tenants: [Tenant]

    public init(platform: Platform? = nil, clusters: [Cluster], tenants: [Tenant]) {
        self.platform = platform
        self.clusters = clusters
        self.tenants = tenants
    }

    /// Reads manifests into an input: strictly decoded and validated as a platform, as
    /// `contain validate` does. A Secret is an error (secrets never go to Git; declare an
    /// ExternalSecret that reads the value from the secret store), and so is any kind other
    /// than Platform, Cluster and Tenant. Returns `nil` input when any error was found.
    public static func read(_ sources: [ManifestSource], loader: ManifestLoader = ManifestLoader(),
                            validator: PlatformValidator = PlatformValidator()) -> (input: GitOpsInput?, diagnostics: [Diagnostic]) {
        var set = ManifestSet()
        for source in sources { set.append(loader.load(source.text, file: source.path)) }
        var diagnostics = set.diagnostics
        var platform: Platform?
        var clusters: [Cluster] = []
        var tenants: [Tenant] = []
        for manifest in set.manifests {
            if manifest.kind == "Secret", manifest.apiVersion == "v1" {
                diagnostics.append(Diagnostic(
                    FieldIssue(path: FieldPath("kind"), message: "a Secret is never written to Git: store the value in the secret store (\(Self.secretStoreHint)) and declare an ExternalSecret (apiVersion external-secrets.io/v1, secretStoreRef kind ClusterSecretStore) that reads it"),
                    in: manifest.document, object: manifest.reference))
                continue
            }
            if let value = manifest.object.typed(as: Platform.self) {
                platform = value
            } else if let value = manifest.object.typed(as: Cluster.self) {
                clusters.append(value)
            } else if let value = manifest.object.typed(as: Tenant.self) {
                tenants.append(value)
            } else {
                diagnostics.append(Diagnostic(
                    FieldIssue(path: FieldPath("kind"), message: "contain render reads Platform, Cluster and Tenant objects; a \(manifest.kind) belongs in a tenant's own repository or the component catalog"),
                    in: manifest.document, object: manifest.reference))
            }
        }
        diagnostics += validator.validate(set.manifests.filter { !($0.kind == "Secret" && $0.apiVersion == "v1") })
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : GitOpsInput(platform: platform, clusters: clusters, tenants: tenants), diagnostics)
    }

    private static let secretStoreHint = "OpenBao/Vault, Platform spec.managementPlane.secretStore"
}
