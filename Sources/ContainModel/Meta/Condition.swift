/// `metav1.Condition`: one aspect of an object's observed state, in the shape Flux and every
/// modern controller report it.
public struct Condition: Codable, Sendable, Hashable {
    /// `True`, `False` or `Unknown`.
    public enum Status: String, Codable, Sendable, Hashable, CaseIterable {
        case `true` = "True"
        case `false` = "False"
        case unknown = "Unknown"
    }

    /// The aspect, in CamelCase (`Ready`, `Reconciling`, `Stalled`).
    public var type: String
    public var status: Status
    /// The `metadata.generation` the condition was computed from.
    public var observedGeneration: Int64?
    /// When `status` last changed.
    public var lastTransitionTime: Time
    /// A CamelCase machine-readable reason.
    public var reason: String
    /// A message a person can act on.
    public var message: String

    public init(type: String, status: Status, observedGeneration: Int64? = nil, lastTransitionTime: Time,
                reason: String, message: String) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
