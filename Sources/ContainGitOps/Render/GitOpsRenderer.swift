import ContainModel
import ContainTenancy

/// Choices that are not part of the platform spec.
public struct RenderOptions: Sendable {
    /// The component catalog.
    public var catalog: ComponentCatalog
    /// Platform facts shared with tenancy (the GitOps ServiceAccount's name).
    public var defaults: PlatformDefaults
    /// The platform repository's clone URL; defaults to `<managementPlane.git>/fleet`.
    public var repositoryURL: String?
    /// The branch Flux follows.
    public var branch: String
    /// Contain's image; defaults to ``ContainDeployBundle/defaultImage``.
    public var containImage: String?

    public init(catalog: ComponentCatalog = .standard, defaults: PlatformDefaults = .standard,
                repositoryURL: String? = nil, branch: String = "main", containImage: String? = nil) {
        self.catalog = catalog
        self.defaults = defaults
        self.repositoryURL = repositoryURL
        self.branch = branch
        self.containImage = containImage
    }
}

/// What a render produced.
public struct RenderResult: Sendable {
    /// The repository's files.
    public var tree: GitOpsTree
    /// Each cluster's apply order, in cluster name order.
    public var orders: [ClusterOrder]
    /// Things that were rendered on a safer fallback, sorted and de-duplicated.
    public var warnings: [String]
}

/// Renders the platform as a Flux repository. Pure and deterministic: the same input always
/// gives byte-identical files.
///
/// Layout, per cluster (Flux's multi-tenancy conventions): `clusters/<c>/flux-system/` (the
/// GitRepository and Kustomization syncing `clusters/<c>`), `layers.yaml` (one Kustomization
/// per layer, see ``ClusterLayer``), `infrastructure/` (namespaces, HelmRepositories and the
/// HelmReleases of the base components), `infrastructure/configs/` (their custom resources and
/// Contain's operator), `infrastructure/addons/`, `policies/`, and `tenants/<t>/`.
public enum GitOpsRenderer {
    public static func render(_ input: GitOpsInput, options: RenderOptions = RenderOptions()) throws -> RenderResult {
        var tree = GitOpsTree()
        var orders: [ClusterOrder] = []
        var warnings = Set<String>()
        var seen = Set<String>()
        let bundle = ContainDeployBundle(image: options.containImage ?? ContainDeployBundle.defaultImage).tree(directory: "contain")
        let clusters = input.clusters.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for cluster in clusters {
            guard seen.insert(cluster.name).inserted else {
                throw RenderError(message: "cluster \(cluster.name) is defined twice")
            }
            let onCluster = input.tenants.filter { $0.spec.clusters.contains(cluster.name) }
            var renderer = ClusterRenderer(cluster: cluster, platform: input.platform, tenants: onCluster, options: options,
                                             containBundle: bundle)
            orders.append(try renderer.render(into: &tree))
            warnings.formUnion(renderer.warnings)
        }
        // Each cluster is its own root (they share object names such as flux-system), so the
        // top directory builds nothing; it exists so that every directory has a kustomization.
        DirectoryBuilder("clusters").write(into: &tree)
        return RenderResult(tree: tree, orders: orders, warnings: warnings.sorted())
    }

    /// The files of a render (`render(platform) -> [path: bytes]`).
    public static func files(_ input: GitOpsInput, options: RenderOptions = RenderOptions()) throws -> [String: [UInt8]] {
        try render(input, options: options).tree.files
    }
}
