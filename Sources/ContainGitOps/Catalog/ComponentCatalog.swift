import ContainModel

/// The catalog of base components and add-ons a cluster can run, read from data
/// (``standardYAML``): what to install, from which Helm repository and chart version, where,
/// in which order, for which clusters, and with which values.
public struct ComponentCatalog: Sendable {
    /// The components, in catalog order.
    public let components: [ComponentDefinition]

    /// Reads a catalog from YAML, strictly (unknown fields are errors).
    public init(yaml: String, file: String = "catalog.yaml") throws {
        let value: JSONValue
        do {
            value = try YAMLReader.value(yaml, file: file)
        } catch {
            throw RenderError(message: "\(file): \(error)")
        }
        let document: CatalogDocument
        do {
            document = try ValueDecoder().decode(CatalogDocument.self, from: value)
        } catch {
            throw RenderError(message: "\(file): \(error.description)")
        }
        components = document.components
        var seen = Set<String>()
        for component in components where !seen.insert(component.name).inserted {
            throw RenderError(message: "\(file): component \(component.name) is listed twice")
        }
        for component in components {
            for dependency in component.dependsOn ?? [] where self.component(named: dependency) == nil {
                throw RenderError(message: "\(file): component \(component.name) depends on unknown component \(dependency)")
            }
        }
    }

    /// The built-in catalog. A broken built-in catalog is a programming error caught by the
    /// catalog tests; it yields an empty catalog rather than trapping.
    public static let standard: ComponentCatalog = (try? ComponentCatalog(yaml: standardYAML)) ?? ComponentCatalog(empty: ())

    private init(empty: Void) { components = [] }

    /// The component called `name`.
    public func component(named name: String) -> ComponentDefinition? {
        components.first { $0.name == name }
    }
}

/// The top level of the catalog file.
struct CatalogDocument: Codable, Sendable {
    var components: [ComponentDefinition]
}

/// One component of the catalog.
public struct ComponentDefinition: Codable, Sendable, Hashable {
    /// The name clusters select it by (`spec.components[].name`).
    public var name: String
    public var description: String
    /// Installed on every cluster; cannot be disabled.
    public var required: Bool?
    /// Installed when a cluster lists no components; defaults to true.
    public var `default`: Bool?
    /// Providers it applies to; all when absent.
    public var providers: [ClusterProvider]?
    /// Tiers it applies to; all when absent.
    public var tiers: [ClusterTier]?
    /// A cluster fact it needs: `gpuNodes` or `virtualClusterTenants`.
    public var condition: ComponentCondition?
    /// Its namespace (releases install there).
    public var namespace: String?
    /// Whether the renderer creates the namespace; defaults to true (false for `kube-system`).
    public var createNamespace: Bool?
    /// The Pod Security level enforced on its namespace; defaults to `restricted`.
    public var podSecurity: PodSecurityLevel?
    /// Which layer installs its releases.
    public var layer: ComponentLayer
    /// `cluster` (default): installed once per cluster; `tenant`: one release per tenant that needs it.
    public var scope: ComponentScope?
    /// Components that must be installed and ready first.
    public var dependsOn: [String]?
    /// Contain-level settings with their defaults; a cluster's `values` members with these
    /// names override them instead of reaching the chart.
    public var settings: JSONObject?
    public var repository: HelmRepositoryDefinition?
    public var releases: [HelmReleaseDefinition]?
    /// Objects whose readiness tells that the component is usable.
    public var healthChecks: [HealthCheckReference]?
    /// Custom resources applied in the `infrastructure-configs` layer (templated; a member
    /// `when: <path>` keeps an object only when the path is set and not empty, `providers:`
    /// only on those providers).
    public var configs: [JSONValue]?
    /// Sandbox RuntimeClasses it provides (by runtime name).
    public var runtimeClasses: [SandboxRuntime]?
    /// A bundle of objects generated in Swift (`contain`: the operator and webhook).
    public var bundle: String?

    /// Whether the component applies to `cluster` by provider and tier.
    public func applies(to cluster: Cluster) -> Bool {
        (providers?.contains(cluster.spec.provider) ?? true) && (tiers?.contains(cluster.spec.tier) ?? true)
    }

    /// Whether the renderer creates the component's namespace.
    public var createsNamespace: Bool { namespace != nil && (createNamespace ?? true) }
}

/// Cluster facts a component can depend on.
public enum ComponentCondition: String, StringEnum {
    /// The cluster has a node pool with GPUs.
    case gpuNodes
    /// A `virtualCluster` tenant is placed on the cluster.
    case virtualClusterTenants
}

/// The layers of a cluster, applied in this order.
public enum ComponentLayer: String, StringEnum {
    /// Controllers and CRDs with no prerequisites but other charts.
    case infrastructure
    /// Charts that need configuration objects (secrets, address pools) to become ready.
    case addons
}

/// Whether a component is installed per cluster or per tenant.
public enum ComponentScope: String, StringEnum {
    case cluster
    case tenant
}

/// A Helm repository.
public struct HelmRepositoryDefinition: Codable, Sendable, Hashable {
    /// The HelmRepository object's name in `flux-system`.
    public var name: String
    public var url: String
    /// `default` (HTTP index) or `oci`.
    public var type: String?
}

/// One Helm release of a component.
public struct HelmReleaseDefinition: Codable, Sendable, Hashable {
    /// The release (and HelmRelease object) name.
    public var name: String
    public var chart: String
    /// The pinned chart version.
    public var version: String
    /// Releases of the same component installed first.
    public var dependsOn: [String]?
    /// Helm values (templated).
    public var values: JSONValue?
    /// Values merged over ``values`` on one provider.
    public var valuesByProvider: [String: JSONValue]?
    /// Values merged over ``values`` on one tier.
    public var valuesByTier: [String: JSONValue]?
}

/// An object a Flux Kustomization health-checks.
public struct HealthCheckReference: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String

    /// As a Flux `healthChecks` entry.
    var jsonValue: JSONValue {
        var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name)]
        if let namespace { object["namespace"] = .string(namespace) }
        return .object(object)
    }
}
