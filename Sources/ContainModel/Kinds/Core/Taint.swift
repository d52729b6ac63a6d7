/// `core/v1.Taint`: repels pods from a node unless they tolerate it.
public struct Taint: Codable, Sendable, Hashable {
    /// What a taint does to pods that do not tolerate it.
    public enum Effect: String, StringEnum {
        case noSchedule = "NoSchedule"
        case preferNoSchedule = "PreferNoSchedule"
        case noExecute = "NoExecute"
    }

    public var key: String
    public var value: String?
    public var effect: Effect
    /// When a `NoExecute` taint was added (set by the node controller).
    public var timeAdded: Time?

    public init(key: String, value: String? = nil, effect: Effect, timeAdded: Time? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }
}
