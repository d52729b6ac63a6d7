/// `apps/v1.ReplicaSet`: keeps a number of identical pods running.
public struct ReplicaSet: KubeObject {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"], namespaced: true,
        categories: ["all"]
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ReplicaSetSpec
    public var status: ReplicaSetStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: ReplicaSetSpec, status: ReplicaSetStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `apps/v1.ReplicaSetSpec`.
public struct ReplicaSetSpec: Codable, Sendable, Hashable {
    /// Defaults to 1.
    public var replicas: Int32?
    public var minReadySeconds: Int32?
    /// Must match the template's labels.
    public var selector: LabelSelector
    /// Optional in the Go type, required here so every workload has a pod spec.
    public var template: PodTemplateSpec

    public init(
        replicas: Int32? = nil, minReadySeconds: Int32? = nil, selector: LabelSelector, template: PodTemplateSpec
    ) {
        self.replicas = replicas
        self.minReadySeconds = minReadySeconds
        self.selector = selector
        self.template = template
    }
}

/// `apps/v1.ReplicaSetStatus`.
public struct ReplicaSetStatus: Codable, Sendable, Hashable {
    public var replicas: Int32
    public var fullyLabeledReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var terminatingReplicas: Int32?
    public var observedGeneration: Int64?
    public var conditions: [ReplicaSetCondition]?

    public init(
        replicas: Int32, fullyLabeledReplicas: Int32? = nil, readyReplicas: Int32? = nil,
        availableReplicas: Int32? = nil, terminatingReplicas: Int32? = nil, observedGeneration: Int64? = nil,
        conditions: [ReplicaSetCondition]? = nil
    ) {
        self.replicas = replicas
        self.fullyLabeledReplicas = fullyLabeledReplicas
        self.readyReplicas = readyReplicas
        self.availableReplicas = availableReplicas
        self.terminatingReplicas = terminatingReplicas
        self.observedGeneration = observedGeneration
        self.conditions = conditions
    }
}

/// `apps/v1.ReplicaSetCondition`: the shape all apps/v1 workload conditions share.
public typealias ReplicaSetCondition = WorkloadCondition

extension ReplicaSet: PodTemplateCarrier {
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
