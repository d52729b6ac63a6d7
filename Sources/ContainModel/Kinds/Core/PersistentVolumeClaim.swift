/// `core/v1.PersistentVolumeClaim`: a request for storage.
public struct PersistentVolumeClaim: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", shortNames: ["pvc"],
        namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: PersistentVolumeClaimSpec? = nil,
        status: PersistentVolumeClaimStatus? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `core/v1.PersistentVolumeAccessMode`.
public enum PersistentVolumeAccessMode: String, StringEnum {
    case readWriteOnce = "ReadWriteOnce"
    case readOnlyMany = "ReadOnlyMany"
    case readWriteMany = "ReadWriteMany"
    case readWriteOncePod = "ReadWriteOncePod"
}

/// `core/v1.PersistentVolumeMode`.
public enum PersistentVolumeMode: String, StringEnum {
    case block = "Block"
    case filesystem = "Filesystem"
}

/// `core/v1.PersistentVolumeClaimPhase`.
public enum PersistentVolumeClaimPhase: String, StringEnum {
    case pending = "Pending"
    case bound = "Bound"
    case lost = "Lost"
}

/// `core/v1.PersistentVolumeClaimSpec`.
public struct PersistentVolumeClaimSpec: Codable, Sendable, Hashable {
    public var accessModes: [PersistentVolumeAccessMode]?
    /// A label query over volumes to consider for binding.
    public var selector: LabelSelector?
    /// The minimum resources (`requests.storage`) the volume must have.
    public var resources: VolumeResourceRequirements?
    /// The PersistentVolume bound to this claim.
    public var volumeName: String?
    /// The StorageClass; an empty string requests a volume without a class.
    public var storageClassName: String?
    /// Defaults to `Filesystem`.
    public var volumeMode: PersistentVolumeMode?
    /// A VolumeSnapshot or PersistentVolumeClaim to populate the volume from.
    public var dataSource: TypedLocalObjectReference?
    /// Any populator object to fill the volume from.
    public var dataSourceRef: TypedObjectReference?
    /// The VolumeAttributesClass the CSI driver applies to the volume.
    public var volumeAttributesClassName: String?

    public init(
        accessModes: [PersistentVolumeAccessMode]? = nil, selector: LabelSelector? = nil,
        resources: VolumeResourceRequirements? = nil, volumeName: String? = nil, storageClassName: String? = nil,
        volumeMode: PersistentVolumeMode? = nil, dataSource: TypedLocalObjectReference? = nil,
        dataSourceRef: TypedObjectReference? = nil, volumeAttributesClassName: String? = nil
    ) {
        self.accessModes = accessModes
        self.selector = selector
        self.resources = resources
        self.volumeName = volumeName
        self.storageClassName = storageClassName
        self.volumeMode = volumeMode
        self.dataSource = dataSource
        self.dataSourceRef = dataSourceRef
        self.volumeAttributesClassName = volumeAttributesClassName
    }
}

/// `core/v1.VolumeResourceRequirements`: storage resources of a claim.
public struct VolumeResourceRequirements: Codable, Sendable, Hashable {
    public var limits: ResourceList?
    public var requests: ResourceList?

    public init(limits: ResourceList? = nil, requests: ResourceList? = nil) {
        self.limits = limits
        self.requests = requests
    }
}

/// `core/v1.PersistentVolumeClaimStatus`.
public struct PersistentVolumeClaimStatus: Codable, Sendable, Hashable {
    public var phase: PersistentVolumeClaimPhase?
    /// The access modes of the bound volume.
    public var accessModes: [PersistentVolumeAccessMode]?
    /// The capacity of the bound volume.
    public var capacity: ResourceList?
    public var conditions: [PersistentVolumeClaimCondition]?
    /// Resources allocated to the claim, which may exceed `capacity` during expansion.
    public var allocatedResources: ResourceList?
    /// Resize state by resource name, such as `ControllerResizeInProgress`.
    public var allocatedResourceStatuses: [String: String]?
    public var currentVolumeAttributesClassName: String?
    public var modifyVolumeStatus: ModifyVolumeStatus?

    public init(
        phase: PersistentVolumeClaimPhase? = nil, accessModes: [PersistentVolumeAccessMode]? = nil,
        capacity: ResourceList? = nil, conditions: [PersistentVolumeClaimCondition]? = nil,
        allocatedResources: ResourceList? = nil, allocatedResourceStatuses: [String: String]? = nil,
        currentVolumeAttributesClassName: String? = nil, modifyVolumeStatus: ModifyVolumeStatus? = nil
    ) {
        self.phase = phase
        self.accessModes = accessModes
        self.capacity = capacity
        self.conditions = conditions
        self.allocatedResources = allocatedResources
        self.allocatedResourceStatuses = allocatedResourceStatuses
        self.currentVolumeAttributesClassName = currentVolumeAttributesClassName
        self.modifyVolumeStatus = modifyVolumeStatus
    }
}

/// `core/v1.PersistentVolumeClaimCondition`.
public struct PersistentVolumeClaimCondition: Codable, Sendable, Hashable {
    /// For example `Resizing` or `FileSystemResizePending`.
    public var type: String
    public var status: Condition.Status
    public var lastProbeTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: Condition.Status, lastProbeTime: Time? = nil, lastTransitionTime: Time? = nil,
        reason: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastProbeTime = lastProbeTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

/// `core/v1.ModifyVolumeStatus`: progress of a VolumeAttributesClass change.
public struct ModifyVolumeStatus: Codable, Sendable, Hashable {
    public var targetVolumeAttributesClassName: String?
    /// `Pending`, `InProgress` or `Infeasible`; more may be added.
    public var status: String

    public init(targetVolumeAttributesClassName: String? = nil, status: String) {
        self.targetVolumeAttributesClassName = targetVolumeAttributesClassName
        self.status = status
    }
}

/// `core/v1.PersistentVolumeClaimTemplate`: the claim an ephemeral volume creates.
public struct PersistentVolumeClaimTemplate: Codable, Sendable, Hashable {
    /// Labels and annotations copied to the claim; nothing else is allowed.
    public var metadata: ObjectMeta?
    public var spec: PersistentVolumeClaimSpec

    public init(metadata: ObjectMeta? = nil, spec: PersistentVolumeClaimSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// A `core/v1.PersistentVolumeClaim` embedded in another object, as in a StatefulSet's
/// `volumeClaimTemplates`, where `apiVersion` and `kind` are usually left out.
public struct EmbeddedPersistentVolumeClaim: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta?
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?

    public init(
        apiVersion: String? = nil, kind: String? = nil, metadata: ObjectMeta? = nil,
        spec: PersistentVolumeClaimSpec? = nil, status: PersistentVolumeClaimStatus? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}
