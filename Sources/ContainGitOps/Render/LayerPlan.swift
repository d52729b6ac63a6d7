/// The Flux Kustomizations that order a cluster across kinds: Flux cannot make a Kustomization
/// wait for a HelmRelease, so each kind boundary is a layer that is ready only when what it
/// applied is ready, and the next layer `dependsOn` it.
public enum ClusterLayer: String, CaseIterable, Sendable {
    /// Namespaces, Helm repositories and the charts with no prerequisites but other charts.
    case infrastructure
    /// Custom resources of those charts (issuers, secret stores, address pools, runtime
    /// classes) and Contain's operator and webhook.
    case infrastructureConfigs = "infrastructure-configs"
    /// Charts that need configuration first (a secret, a load-balancer pool).
    case infrastructureAddons = "infrastructure-addons"
    /// Admission policies that keep tenants' Flux objects inside their namespaces.
    case policies
    /// The tenants: one Kustomization per tenant, then its delivery.
    case tenants

    /// The layer's directory under `clusters/<cluster>/`.
    public var directory: String {
        switch self {
        case .infrastructure: "infrastructure"
        case .infrastructureConfigs: "infrastructure/configs"
        case .infrastructureAddons: "infrastructure/addons"
        case .policies: "policies"
        case .tenants: "tenants"
        }
    }

    /// The layers it waits for.
    public var dependsOn: [ClusterLayer] {
        switch self {
        case .infrastructure: []
        case .infrastructureConfigs: [.infrastructure]
        case .infrastructureAddons: [.infrastructureConfigs]
        case .policies: [.infrastructureConfigs]
        case .tenants: [.policies, .infrastructureAddons]
        }
    }
}

/// One step of a cluster's apply order, for `contain render --explain-order`.
public struct OrderStep: Sendable, Hashable {
    /// `Kind/namespace/name`.
    public var object: String
    /// What it waits for (`Kind/namespace/name`).
    public var after: [String]
    /// How readiness is judged (`wait: true`, `healthChecks: N`, `applied`).
    public var readiness: String
    /// Objects applied by this step that order among themselves (HelmReleases with dependsOn).
    public var children: [OrderStep]

    public init(object: String, after: [String], readiness: String, children: [OrderStep] = []) {
        self.object = object
        self.after = after
        self.readiness = readiness
        self.children = children
    }
}

/// A cluster's dependency graph.
public struct ClusterOrder: Sendable, Hashable {
    public var cluster: String
    public var steps: [OrderStep]

    /// The graph as indented text.
    public var text: String {
        var lines = ["cluster \(cluster)"]
        func emit(_ step: OrderStep, depth: Int) {
            var line = String(repeating: "  ", count: depth) + step.object + "  [" + step.readiness + "]"
            if !step.after.isEmpty { line += "  after " + step.after.joined(separator: ", ") }
            lines.append(line)
            for child in step.children { emit(child, depth: depth + 1) }
        }
        for step in steps { emit(step, depth: 1) }
        return lines.joined(separator: "\n") + "\n"
    }
}
