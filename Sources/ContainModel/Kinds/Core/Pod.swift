/// `core/v1.Pod`: a group of containers scheduled together onto one node.
public struct Pod: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], namespaced: true,
        categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: PodSpec
    public var status: PodStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: PodSpec, status: PodStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `core/v1.PodPhase`: the high-level summary of where a pod is in its lifecycle.
public enum PodPhase: String, StringEnum {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    /// Deprecated; not set since 2015.
    case unknown = "Unknown"
}

/// `core/v1.PodQOSClass`: the quality-of-service class derived from resource requests and limits.
public enum PodQOSClass: String, StringEnum {
    case guaranteed = "Guaranteed"
    case burstable = "Burstable"
    case bestEffort = "BestEffort"
}

/// `core/v1.PodStatus`: the most recently observed state of a pod.
public struct PodStatus: Codable, Sendable, Hashable {
    /// The `metadata.generation` this status reflects.
    public var observedGeneration: Int64?
    public var phase: PodPhase?
    public var conditions: [PodCondition]?
    public var message: String?
    /// A CamelCase reason, such as `Evicted`.
    public var reason: String?
    /// The node the pod is expected to run on after preempting others.
    public var nominatedNodeName: String?
    public var hostIP: String?
    public var hostIPs: [HostIP]?
    public var podIP: String?
    public var podIPs: [PodIP]?
    /// When the kubelet acknowledged the pod.
    public var startTime: Time?
    public var initContainerStatuses: [ContainerStatus]?
    public var containerStatuses: [ContainerStatus]?
    public var qosClass: PodQOSClass?
    public var ephemeralContainerStatuses: [ContainerStatus]?
    /// Deprecated resize state (`InProgress`, `Deferred`, `Infeasible`).
    public var resize: String?
    public var resourceClaimStatuses: [PodResourceClaimStatus]?
    public var extendedResourceClaimStatus: PodExtendedResourceClaimStatus?
    /// The total requests allocated to the pod by the node.
    public var allocatedResources: ResourceList?
    /// Pod-level requests and limits in effect.
    public var resources: ResourceRequirements?

    public init(
        observedGeneration: Int64? = nil, phase: PodPhase? = nil, conditions: [PodCondition]? = nil,
        message: String? = nil, reason: String? = nil, nominatedNodeName: String? = nil, hostIP: String? = nil,
        hostIPs: [HostIP]? = nil, podIP: String? = nil, podIPs: [PodIP]? = nil, startTime: Time? = nil,
        initContainerStatuses: [ContainerStatus]? = nil, containerStatuses: [ContainerStatus]? = nil,
        qosClass: PodQOSClass? = nil, ephemeralContainerStatuses: [ContainerStatus]? = nil, resize: String? = nil,
        resourceClaimStatuses: [PodResourceClaimStatus]? = nil,
        extendedResourceClaimStatus: PodExtendedResourceClaimStatus? = nil, allocatedResources: ResourceList? = nil,
        resources: ResourceRequirements? = nil
    ) {
        self.observedGeneration = observedGeneration
        self.phase = phase
        self.conditions = conditions
        self.message = message
        self.reason = reason
        self.nominatedNodeName = nominatedNodeName
        self.hostIP = hostIP
        self.hostIPs = hostIPs
        self.podIP = podIP
        self.podIPs = podIPs
        self.startTime = startTime
        self.initContainerStatuses = initContainerStatuses
        self.containerStatuses = containerStatuses
        self.qosClass = qosClass
        self.ephemeralContainerStatuses = ephemeralContainerStatuses
        self.resize = resize
        self.resourceClaimStatuses = resourceClaimStatuses
        self.extendedResourceClaimStatus = extendedResourceClaimStatus
        self.allocatedResources = allocatedResources
        self.resources = resources
    }
}

/// `core/v1.PodCondition`.
public struct PodCondition: Codable, Sendable, Hashable {
    /// `PodScheduled`, `Initialized`, `ContainersReady`, `Ready`, `DisruptionTarget`, … or a readiness gate.
    public var type: String
    public var observedGeneration: Int64?
    public var status: Condition.Status
    public var lastProbeTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, observedGeneration: Int64? = nil, status: Condition.Status, lastProbeTime: Time? = nil,
        lastTransitionTime: Time? = nil, reason: String? = nil, message: String? = nil
    ) {
        self.type = type
        self.observedGeneration = observedGeneration
        self.status = status
        self.lastProbeTime = lastProbeTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}

/// `core/v1.PodIP`: one IP address of a pod.
public struct PodIP: Codable, Sendable, Hashable {
    public var ip: String

    public init(ip: String) {
        self.ip = ip
    }
}

/// `core/v1.HostIP`: one IP address of a pod's node.
public struct HostIP: Codable, Sendable, Hashable {
    public var ip: String

    public init(ip: String) {
        self.ip = ip
    }
}

/// `core/v1.PodResourceClaimStatus`: the ResourceClaim generated for a claim template.
public struct PodResourceClaimStatus: Codable, Sendable, Hashable {
    /// The entry in `spec.resourceClaims`.
    public var name: String
    public var resourceClaimName: String?

    public init(name: String, resourceClaimName: String? = nil) {
        self.name = name
        self.resourceClaimName = resourceClaimName
    }
}

/// `core/v1.PodExtendedResourceClaimStatus`: the claim backing extended resources through DRA.
public struct PodExtendedResourceClaimStatus: Codable, Sendable, Hashable {
    public var requestMappings: [ContainerExtendedResourceRequest]
    public var resourceClaimName: String

    public init(requestMappings: [ContainerExtendedResourceRequest], resourceClaimName: String) {
        self.requestMappings = requestMappings
        self.resourceClaimName = resourceClaimName
    }
}

/// `core/v1.ContainerExtendedResourceRequest`.
public struct ContainerExtendedResourceRequest: Codable, Sendable, Hashable {
    public var containerName: String
    public var resourceName: String
    public var requestName: String

    public init(containerName: String, resourceName: String, requestName: String) {
        self.containerName = containerName
        self.resourceName = resourceName
        self.requestName = requestName
    }
}

/// `core/v1.ContainerStatus`: the observed state of one container.
public struct ContainerStatus: Codable, Sendable, Hashable {
    public var name: String
    public var state: ContainerState?
    /// The previous termination, to debug crashes and restarts.
    public var lastState: ContainerState?
    /// Whether the container passes its readiness check.
    public var ready: Bool
    public var restartCount: Int32
    /// The image the container runs, as resolved by the runtime.
    public var image: String
    public var imageID: String
    /// `<runtime>://<id>`.
    public var containerID: String?
    /// Whether the postStart hook ran and the startup probe passed.
    public var started: Bool?
    public var allocatedResources: ResourceList?
    public var resources: ResourceRequirements?
    public var volumeMounts: [VolumeMountStatus]?
    public var user: ContainerUser?
    public var allocatedResourcesStatus: [ResourceStatus]?
    /// The effective stop signal, such as `SIGTERM`.
    public var stopSignal: String?

    public init(
        name: String, state: ContainerState? = nil, lastState: ContainerState? = nil, ready: Bool, restartCount: Int32,
        image: String, imageID: String, containerID: String? = nil, started: Bool? = nil,
        allocatedResources: ResourceList? = nil, resources: ResourceRequirements? = nil,
        volumeMounts: [VolumeMountStatus]? = nil, user: ContainerUser? = nil,
        allocatedResourcesStatus: [ResourceStatus]? = nil, stopSignal: String? = nil
    ) {
        self.name = name
        self.state = state
        self.lastState = lastState
        self.ready = ready
        self.restartCount = restartCount
        self.image = image
        self.imageID = imageID
        self.containerID = containerID
        self.started = started
        self.allocatedResources = allocatedResources
        self.resources = resources
        self.volumeMounts = volumeMounts
        self.user = user
        self.allocatedResourcesStatus = allocatedResourcesStatus
        self.stopSignal = stopSignal
    }
}

/// `core/v1.ContainerState`: at most one of waiting, running or terminated.
public struct ContainerState: Codable, Sendable, Hashable {
    public var waiting: ContainerStateWaiting?
    public var running: ContainerStateRunning?
    public var terminated: ContainerStateTerminated?

    public init(
        waiting: ContainerStateWaiting? = nil, running: ContainerStateRunning? = nil,
        terminated: ContainerStateTerminated? = nil
    ) {
        self.waiting = waiting
        self.running = running
        self.terminated = terminated
    }
}

/// `core/v1.ContainerStateWaiting`.
public struct ContainerStateWaiting: Codable, Sendable, Hashable {
    /// For example `ContainerCreating`, `ImagePullBackOff` or `CrashLoopBackOff`.
    public var reason: String?
    public var message: String?

    public init(reason: String? = nil, message: String? = nil) {
        self.reason = reason
        self.message = message
    }
}

/// `core/v1.ContainerStateRunning`.
public struct ContainerStateRunning: Codable, Sendable, Hashable {
    public var startedAt: Time?

    public init(startedAt: Time? = nil) {
        self.startedAt = startedAt
    }
}

/// `core/v1.ContainerStateTerminated`.
public struct ContainerStateTerminated: Codable, Sendable, Hashable {
    public var exitCode: Int32
    public var signal: Int32?
    public var reason: String?
    public var message: String?
    public var startedAt: Time?
    public var finishedAt: Time?
    public var containerID: String?

    public init(
        exitCode: Int32, signal: Int32? = nil, reason: String? = nil, message: String? = nil, startedAt: Time? = nil,
        finishedAt: Time? = nil, containerID: String? = nil
    ) {
        self.exitCode = exitCode
        self.signal = signal
        self.reason = reason
        self.message = message
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.containerID = containerID
    }
}

/// `core/v1.VolumeMountStatus`.
public struct VolumeMountStatus: Codable, Sendable, Hashable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var recursiveReadOnly: RecursiveReadOnlyMode?
    public var volumeStatus: VolumeStatus?

    public init(
        name: String, mountPath: String, readOnly: Bool? = nil, recursiveReadOnly: RecursiveReadOnlyMode? = nil,
        volumeStatus: VolumeStatus? = nil
    ) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
        self.recursiveReadOnly = recursiveReadOnly
        self.volumeStatus = volumeStatus
    }
}

/// `core/v1.VolumeStatus`: type-specific status of a mounted volume.
public struct VolumeStatus: Codable, Sendable, Hashable {
    public var image: ImageVolumeStatus?

    public init(image: ImageVolumeStatus? = nil) {
        self.image = image
    }
}

/// `core/v1.ImageVolumeStatus`.
public struct ImageVolumeStatus: Codable, Sendable, Hashable {
    /// The digest of the image used for the volume.
    public var imageRef: String

    public init(imageRef: String) {
        self.imageRef = imageRef
    }
}

/// `core/v1.ContainerUser`: the identity of a container's first process.
public struct ContainerUser: Codable, Sendable, Hashable {
    public var linux: LinuxContainerUser?

    public init(linux: LinuxContainerUser? = nil) {
        self.linux = linux
    }
}

/// `core/v1.LinuxContainerUser`.
public struct LinuxContainerUser: Codable, Sendable, Hashable {
    public var uid: Int64
    public var gid: Int64
    public var supplementalGroups: [Int64]?

    public init(uid: Int64, gid: Int64, supplementalGroups: [Int64]? = nil) {
        self.uid = uid
        self.gid = gid
        self.supplementalGroups = supplementalGroups
    }
}

/// `core/v1.ResourceStatus`: health of a resource allocated to a container.
public struct ResourceStatus: Codable, Sendable, Hashable {
    public var name: String
    public var resources: [ResourceHealth]?

    public init(name: String, resources: [ResourceHealth]? = nil) {
        self.name = name
        self.resources = resources
    }
}

/// `core/v1.ResourceHealth`.
public struct ResourceHealth: Codable, Sendable, Hashable {
    public var resourceID: String
    /// `Healthy`, `Unhealthy` or `Unknown`.
    public var health: String?

    public init(resourceID: String, health: String? = nil) {
        self.resourceID = resourceID
        self.health = health
    }
}
