/// `node.k8s.io/v1.RuntimeClass`: a container runtime configuration pods can select.
public struct RuntimeClass: KubeObject {
    public static let resourceType = ResourceType(
        group: "node.k8s.io", version: "v1", kind: "RuntimeClass", plural: "runtimeclasses", namespaced: false
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// The CRI handler that runs pods of this class; cannot be changed.
    public var handler: String
    /// Resources the runtime needs per pod on top of the containers'.
    public var overhead: RuntimeClass.Overhead?
    /// Constraints so pods land on nodes that support this class.
    public var scheduling: RuntimeClass.Scheduling?

    public init(
        metadata: ObjectMeta = ObjectMeta(), handler: String, overhead: RuntimeClass.Overhead? = nil,
        scheduling: RuntimeClass.Scheduling? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.handler = handler
        self.overhead = overhead
        self.scheduling = scheduling
    }
}

extension RuntimeClass {
    /// `node.k8s.io/v1.Overhead`.
    public struct Overhead: Codable, Sendable, Hashable {
        /// A fixed overhead added to every pod.
        public var podFixed: ResourceList?

        public init(podFixed: ResourceList? = nil) {
            self.podFixed = podFixed
        }
    }
}

extension RuntimeClass {
    /// `node.k8s.io/v1.Scheduling`.
    public struct Scheduling: Codable, Sendable, Hashable {
        /// Merged into the pod's node selector.
        public var nodeSelector: [String: String]?
        /// Appended to the pod's tolerations.
        public var tolerations: [Toleration]?

        public init(nodeSelector: [String: String]? = nil, tolerations: [Toleration]? = nil) {
            self.nodeSelector = nodeSelector
            self.tolerations = tolerations
        }
    }
}
