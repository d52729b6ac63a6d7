/// A condition of an apps/v1 workload (`DaemonSetCondition`, `ReplicaSetCondition`,
/// `StatefulSetCondition` all have this shape; `DeploymentCondition` adds `lastUpdateTime`).
public struct WorkloadCondition: Codable, Sendable, Hashable {
    public var type: String
    public var status: Condition.Status
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: Condition.Status, lastTransitionTime: Time? = nil, reason: String? = nil,
        message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
