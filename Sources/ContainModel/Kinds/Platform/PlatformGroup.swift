/// Contain's API group and version for its own kinds.
public enum PlatformGroup {
    /// `platform.contain.dev`
    public static let name = "platform.contain.dev"
    /// `v1alpha1`
    public static let version = "v1alpha1"
    /// `platform.contain.dev/v1alpha1`
    public static let apiVersion = "\(name)/\(version)"
}

/// The status every Contain kind reports, in the shape Flux and controller-runtime users know:
/// the generation last acted on and a fixed vocabulary of conditions (`Ready`, `Reconciling`,
/// `Stalled`).
public struct ObjectStatus: Codable, Sendable, Hashable {
    /// The `metadata.generation` the conditions describe.
    public var observedGeneration: Int64?
    public var conditions: [Condition]?

    public init(observedGeneration: Int64? = nil, conditions: [Condition]? = nil) {
        self.observedGeneration = observedGeneration
        self.conditions = conditions
    }
}
