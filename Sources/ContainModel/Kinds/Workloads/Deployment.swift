/// `apps/v1.Deployment`: declarative rollouts of replicated pods through ReplicaSets.
public struct Deployment: KubeObject {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"],
        namespaced: true, categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec
    public var status: DeploymentStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: DeploymentSpec, status: DeploymentStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `apps/v1.DeploymentSpec`.
public struct DeploymentSpec: Codable, Sendable, Hashable {
    /// Defaults to 1.
    public var replicas: Int32?
    /// Must match the template's labels.
    public var selector: LabelSelector
    /// Its `restartPolicy` may only be `Always`.
    public var template: PodTemplateSpec
    public var strategy: DeploymentStrategy?
    /// How long a new pod must be ready before it counts as available.
    public var minReadySeconds: Int32?
    /// Old ReplicaSets kept for rollback; defaults to 10.
    public var revisionHistoryLimit: Int32?
    public var paused: Bool?
    /// When a stalled rollout is reported as failed; defaults to 600.
    public var progressDeadlineSeconds: Int32?

    public init(
        replicas: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec,
        strategy: DeploymentStrategy? = nil, minReadySeconds: Int32? = nil, revisionHistoryLimit: Int32? = nil,
        paused: Bool? = nil, progressDeadlineSeconds: Int32? = nil
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
        self.minReadySeconds = minReadySeconds
        self.revisionHistoryLimit = revisionHistoryLimit
        self.paused = paused
        self.progressDeadlineSeconds = progressDeadlineSeconds
    }
}

/// `apps/v1.DeploymentStrategyType`.
public enum DeploymentStrategyType: String, StringEnum {
    case recreate = "Recreate"
    case rollingUpdate = "RollingUpdate"
}

/// `apps/v1.DeploymentStrategy`: how old pods are replaced.
public struct DeploymentStrategy: Codable, Sendable, Hashable {
    /// Defaults to `RollingUpdate`.
    public var type: DeploymentStrategyType?
    public var rollingUpdate: RollingUpdateDeployment?

    public init(type: DeploymentStrategyType? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// `apps/v1.RollingUpdateDeployment`.
public struct RollingUpdateDeployment: Codable, Sendable, Hashable {
    /// A number or a percentage such as `25%` (the default).
    public var maxUnavailable: IntOrString?
    /// A number or a percentage such as `25%` (the default).
    public var maxSurge: IntOrString?

    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}

/// `apps/v1.DeploymentStatus`.
public struct DeploymentStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var replicas: Int32?
    public var updatedReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var unavailableReplicas: Int32?
    public var terminatingReplicas: Int32?
    public var conditions: [DeploymentCondition]?
    public var collisionCount: Int32?

    public init(
        observedGeneration: Int64? = nil, replicas: Int32? = nil, updatedReplicas: Int32? = nil,
        readyReplicas: Int32? = nil, availableReplicas: Int32? = nil, unavailableReplicas: Int32? = nil,
        terminatingReplicas: Int32? = nil, conditions: [DeploymentCondition]? = nil, collisionCount: Int32? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.replicas = replicas
        self.updatedReplicas = updatedReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.unavailableReplicas = unavailableReplicas
        self.terminatingReplicas = terminatingReplicas
        self.conditions = conditions
        self.collisionCount = collisionCount
    }
}

/// `apps/v1.DeploymentCondition`: `Available`, `Progressing` or `ReplicaFailure`.
public struct DeploymentCondition: Codable, Sendable, Hashable {
    public var type: String
    public var status: Condition.Status
    public var lastUpdateTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: Condition.Status, lastUpdateTime: Time? = nil, lastTransitionTime: Time? = nil,
        reason: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastUpdateTime = lastUpdateTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

extension Deployment: PodTemplateCarrier {
    public static var podSpecPath: FieldPath { FieldPath("spec", "template", "spec") }

    /// `spec.template.metadata`.
    public var podTemplateMetadata: ObjectMeta? {
        get { spec.template.metadata }
        set { spec.template.metadata = newValue }
    }

    /// `spec.template.spec`.
    public var podSpec: PodSpec {
        get { spec.template.spec }
        set { spec.template.spec = newValue }
    }
}
