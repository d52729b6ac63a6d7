import ContainModel

extension TenantDirectory {
    /// The tenants (and the platform registry) of the platform's manifests, with every problem
    /// reading them.
    public static func load(_ platform: [ManifestSource]) -> (TenantDirectory, [Diagnostic]) {
        let loader = ManifestLoader()
        var set = ManifestSet()
        for source in platform { set.append(loader.load(source.text, file: source.path)) }
        let tenants = set.manifests.compactMap { $0.object.typed(as: Tenant.self) }
        let registry = set.manifests.lazy.compactMap { $0.object.typed(as: Platform.self) }.first?.spec.managementPlane?.registry
        return (TenantDirectory(tenants: tenants, platformRegistry: registry), set.diagnostics)
    }
}
