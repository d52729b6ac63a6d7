/// `apps/v1.DaemonSet`: one pod on every (matching) node.
public struct DaemonSet: KubeObject {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"], namespaced: true,
        categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec
    public var status: DaemonSetStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: DaemonSetSpec, status: DaemonSetStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `apps/v1.DaemonSetSpec`.
public struct DaemonSetSpec: Codable, Sendable, Hashable {
    /// Must match the template's labels.
    public var selector: LabelSelector
    /// Its `restartPolicy` may only be `Always`.
    public var template: PodTemplateSpec
    public var updateStrategy: DaemonSetUpdateStrategy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?

    public init(
        selector: LabelSelector, template: PodTemplateSpec, updateStrategy: DaemonSetUpdateStrategy? = nil,
        minReadySeconds: Int32? = nil, revisionHistoryLimit: Int32? = nil
    ) {
        self.selector = selector
        self.template = template
        self.updateStrategy = updateStrategy
        self.minReadySeconds = minReadySeconds
        self.revisionHistoryLimit = revisionHistoryLimit
    }
}

/// `apps/v1.DaemonSetUpdateStrategyType`.
public enum DaemonSetUpdateStrategyType: String, StringEnum {
    case rollingUpdate = "RollingUpdate"
    case onDelete = "OnDelete"
}

/// `apps/v1.DaemonSetUpdateStrategy`.
public struct DaemonSetUpdateStrategy: Codable, Sendable, Hashable {
    /// Defaults to `RollingUpdate`.
    public var type: DaemonSetUpdateStrategyType?
    public var rollingUpdate: RollingUpdateDaemonSet?

    public init(type: DaemonSetUpdateStrategyType? = nil, rollingUpdate: RollingUpdateDaemonSet? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// `apps/v1.RollingUpdateDaemonSet`.
public struct RollingUpdateDaemonSet: Codable, Sendable, Hashable {
    /// A number or a percentage; defaults to 1.
    public var maxUnavailable: IntOrString?
    /// A number or a percentage; defaults to 0.
    public var maxSurge: IntOrString?

    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}

/// `apps/v1.DaemonSetStatus`.
public struct DaemonSetStatus: Codable, Sendable, Hashable {
    /// Nodes running the daemon pod that should.
    public var currentNumberScheduled: Int32
    /// Nodes running the daemon pod that should not.
    public var numberMisscheduled: Int32
    /// Nodes that should run the daemon pod.
    public var desiredNumberScheduled: Int32
    /// Nodes whose daemon pod is ready.
    public var numberReady: Int32
    public var observedGeneration: Int64?
    public var updatedNumberScheduled: Int32?
    public var numberAvailable: Int32?
    public var numberUnavailable: Int32?
    public var collisionCount: Int32?
    public var conditions: [DaemonSetCondition]?

    public init(
        currentNumberScheduled: Int32, numberMisscheduled: Int32, desiredNumberScheduled: Int32, numberReady: Int32,
        observedGeneration: Int64? = nil, updatedNumberScheduled: Int32? = nil, numberAvailable: Int32? = nil,
        numberUnavailable: Int32? = nil, collisionCount: Int32? = nil, conditions: [DaemonSetCondition]? = nil
    ) {
        self.currentNumberScheduled = currentNumberScheduled
        self.numberMisscheduled = numberMisscheduled
        self.desiredNumberScheduled = desiredNumberScheduled
        self.numberReady = numberReady
        self.observedGeneration = observedGeneration
        self.updatedNumberScheduled = updatedNumberScheduled
        self.numberAvailable = numberAvailable
        self.numberUnavailable = numberUnavailable
        self.collisionCount = collisionCount
        self.conditions = conditions
    }
}

/// `apps/v1.DaemonSetCondition`: the shape all apps/v1 workload conditions share.
public typealias DaemonSetCondition = WorkloadCondition

extension DaemonSet: PodTemplateCarrier {
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
