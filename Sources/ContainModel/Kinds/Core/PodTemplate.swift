/// `core/v1.PodTemplateSpec`: the pod a workload creates.
public struct PodTemplateSpec: Codable, Sendable, Hashable {
    /// Labels and annotations of the pods; the labels must match the workload's selector.
    public var metadata: ObjectMeta?
    /// Optional in the Go type, required here so every workload has a pod spec to check.
    public var spec: PodSpec

    public init(metadata: ObjectMeta? = nil, spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// A kind that carries a pod: a Pod itself, a workload's pod template, or a CronJob's job
/// template. Pod Security and admission guardrails read and rewrite every carrier alike.
public protocol PodTemplateCarrier: KubeObject {
    /// Where the pod spec lies in the object (`spec.template.spec`), for field paths in messages.
    static var podSpecPath: FieldPath { get }
    /// The pod's metadata: the template's for workloads, the object's own for a Pod.
    var podTemplateMetadata: ObjectMeta? { get set }
    /// The pod's spec.
    var podSpec: PodSpec { get set }
}

extension PodTemplateCarrier {
    /// Where the pod metadata lies in the object (`spec.template.metadata`, or `metadata` for a Pod).
    public static var podMetadataPath: FieldPath {
        (podSpecPath.parent ?? .root).child("metadata")
    }
}

extension Pod: PodTemplateCarrier {
    public static var podSpecPath: FieldPath { FieldPath("spec") }

    /// The Pod's own metadata; assigning `nil` resets it to empty.
    public var podTemplateMetadata: ObjectMeta? {
        get { metadata }
        set { metadata = newValue ?? ObjectMeta() }
    }

    /// The Pod's `spec`.
    public var podSpec: PodSpec {
        get { spec }
        set { spec = newValue }
    }
}

/// A read-only view of one container of a pod, whichever list it is in. Init, regular and
/// ephemeral containers are different types in the API; checks that look at all of them (Pod
/// Security, image and resource guardrails) read this common view.
public struct ContainerView: Sendable, Hashable {
    /// The list a container is in.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case initContainer
        case container
        case ephemeralContainer

        /// The `PodSpec` member holding containers of this kind.
        public var fieldName: String {
            switch self {
            case .initContainer: "initContainers"
            case .container: "containers"
            case .ephemeralContainer: "ephemeralContainers"
            }
        }
    }

    public let kind: Kind
    /// The position in its list.
    public let index: Int
    public let name: String
    public let image: String?
    public let securityContext: SecurityContext?
    public let ports: [ContainerPort]?
    public let resources: ResourceRequirements?
    public let volumeMounts: [VolumeMount]?
    public let livenessProbe: Probe?
    public let readinessProbe: Probe?
    public let startupProbe: Probe?
    public let lifecycle: Lifecycle?
    public let restartPolicy: RestartPolicy?

    /// A view of an init or regular container.
    public init(_ container: Container, kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
        name = container.name
        image = container.image
        securityContext = container.securityContext
        ports = container.ports
        resources = container.resources
        volumeMounts = container.volumeMounts
        livenessProbe = container.livenessProbe
        readinessProbe = container.readinessProbe
        startupProbe = container.startupProbe
        lifecycle = container.lifecycle
        restartPolicy = container.restartPolicy
    }

    /// A view of an ephemeral container.
    public init(_ container: EphemeralContainer, index: Int) {
        self.init(Container(container), kind: .ephemeralContainer, index: index)
    }

    /// The path of the container relative to the pod spec, such as `initContainers[1]`.
    public var path: FieldPath { FieldPath([.key(kind.fieldName), .index(index)]) }

    /// Whether this is a sidecar: an init container that keeps running (`restartPolicy: Always`).
    public var isSidecar: Bool { kind == .initContainer && restartPolicy == .always }
}

extension PodSpec {
    /// Every container of the pod, init containers first, then regular, then ephemeral ones, each
    /// in list order.
    public var allContainers: [ContainerView] {
        var views: [ContainerView] = []
        for (index, container) in (initContainers ?? []).enumerated() {
            views.append(ContainerView(container, kind: .initContainer, index: index))
        }
        for (index, container) in containers.enumerated() {
            views.append(ContainerView(container, kind: .container, index: index))
        }
        for (index, container) in (ephemeralContainers ?? []).enumerated() {
            views.append(ContainerView(container, index: index))
        }
        return views
    }
}
