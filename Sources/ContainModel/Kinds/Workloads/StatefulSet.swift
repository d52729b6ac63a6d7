/// `apps/v1.StatefulSet`: pods with stable identities and storage.
public struct StatefulSet: KubeObject {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"],
        namespaced: true, categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: StatefulSetSpec
    public var status: StatefulSetStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: StatefulSetSpec, status: StatefulSetStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `apps/v1.PodManagementPolicyType`.
public enum PodManagementPolicyType: String, StringEnum {
    case orderedReady = "OrderedReady"
    case parallel = "Parallel"
}

/// `apps/v1.StatefulSetUpdateStrategyType`.
public enum StatefulSetUpdateStrategyType: String, StringEnum {
    case rollingUpdate = "RollingUpdate"
    case onDelete = "OnDelete"
}

/// `apps/v1.PersistentVolumeClaimRetentionPolicyType`.
public enum PersistentVolumeClaimRetentionPolicyType: String, StringEnum {
    case retain = "Retain"
    case delete = "Delete"
}

/// `apps/v1.StatefulSetSpec`.
public struct StatefulSetSpec: Codable, Sendable, Hashable {
    /// Defaults to 1.
    public var replicas: Int32?
    /// Must match the template's labels.
    public var selector: LabelSelector
    /// Its `restartPolicy` may only be `Always`.
    public var template: PodTemplateSpec
    /// Claims created for every pod, by name.
    public var volumeClaimTemplates: [EmbeddedPersistentVolumeClaim]?
    /// The headless service giving the pods their network identity.
    public var serviceName: String?
    /// Defaults to `OrderedReady`.
    public var podManagementPolicy: PodManagementPolicyType?
    public var updateStrategy: StatefulSetUpdateStrategy?
    public var revisionHistoryLimit: Int32?
    public var minReadySeconds: Int32?
    public var persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
    public var ordinals: StatefulSetOrdinals?

    public init(
        replicas: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec,
        volumeClaimTemplates: [EmbeddedPersistentVolumeClaim]? = nil, serviceName: String? = nil,
        podManagementPolicy: PodManagementPolicyType? = nil, updateStrategy: StatefulSetUpdateStrategy? = nil,
        revisionHistoryLimit: Int32? = nil, minReadySeconds: Int32? = nil,
        persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy? = nil,
        ordinals: StatefulSetOrdinals? = nil
    ) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.volumeClaimTemplates = volumeClaimTemplates
        self.serviceName = serviceName
        self.podManagementPolicy = podManagementPolicy
        self.updateStrategy = updateStrategy
        self.revisionHistoryLimit = revisionHistoryLimit
        self.minReadySeconds = minReadySeconds
        self.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy
        self.ordinals = ordinals
    }
}

/// `apps/v1.StatefulSetUpdateStrategy`.
public struct StatefulSetUpdateStrategy: Codable, Sendable, Hashable {
    /// Defaults to `RollingUpdate`.
    public var type: StatefulSetUpdateStrategyType?
    public var rollingUpdate: RollingUpdateStatefulSetStrategy?

    public init(type: StatefulSetUpdateStrategyType? = nil, rollingUpdate: RollingUpdateStatefulSetStrategy? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// `apps/v1.RollingUpdateStatefulSetStrategy`.
public struct RollingUpdateStatefulSetStrategy: Codable, Sendable, Hashable {
    /// Only pods with an ordinal at or above this are updated.
    public var partition: Int32?
    /// A number or a percentage; defaults to 1.
    public var maxUnavailable: IntOrString?

    public init(partition: Int32? = nil, maxUnavailable: IntOrString? = nil) {
        self.partition = partition
        self.maxUnavailable = maxUnavailable
    }
}

/// `apps/v1.StatefulSetPersistentVolumeClaimRetentionPolicy`.
public struct StatefulSetPersistentVolumeClaimRetentionPolicy: Codable, Sendable, Hashable {
    public var whenDeleted: PersistentVolumeClaimRetentionPolicyType?
    public var whenScaled: PersistentVolumeClaimRetentionPolicyType?

    public init(
        whenDeleted: PersistentVolumeClaimRetentionPolicyType? = nil,
        whenScaled: PersistentVolumeClaimRetentionPolicyType? = nil
    ) {
        self.whenDeleted = whenDeleted
        self.whenScaled = whenScaled
    }
}

/// `apps/v1.StatefulSetOrdinals`.
public struct StatefulSetOrdinals: Codable, Sendable, Hashable {
    /// The first replica's index; defaults to 0.
    public var start: Int32?

    public init(start: Int32? = nil) {
        self.start = start
    }
}

/// `apps/v1.StatefulSetStatus`.
public struct StatefulSetStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var replicas: Int32
    public var readyReplicas: Int32?
    public var currentReplicas: Int32?
    public var updatedReplicas: Int32?
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int32?
    public var conditions: [StatefulSetCondition]?
    public var availableReplicas: Int32?

    public init(
        observedGeneration: Int64? = nil, replicas: Int32, readyReplicas: Int32? = nil, currentReplicas: Int32? = nil,
        updatedReplicas: Int32? = nil, currentRevision: String? = nil, updateRevision: String? = nil,
        collisionCount: Int32? = nil, conditions: [StatefulSetCondition]? = nil, availableReplicas: Int32? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.replicas = replicas
        self.readyReplicas = readyReplicas
        self.currentReplicas = currentReplicas
        self.updatedReplicas = updatedReplicas
        self.currentRevision = currentRevision
        self.updateRevision = updateRevision
        self.collisionCount = collisionCount
        self.conditions = conditions
        self.availableReplicas = availableReplicas
    }
}

/// `apps/v1.StatefulSetCondition`: the shape all apps/v1 workload conditions share.
public typealias StatefulSetCondition = WorkloadCondition

extension StatefulSet: PodTemplateCarrier {
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
