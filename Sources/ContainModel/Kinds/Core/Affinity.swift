/// `core/v1.Affinity`: the pod's scheduling constraints.
public struct Affinity: Codable, Sendable, Hashable {
    public var nodeAffinity: NodeAffinity?
    public var podAffinity: PodAffinity?
    public var podAntiAffinity: PodAntiAffinity?

    public init(
        nodeAffinity: NodeAffinity? = nil, podAffinity: PodAffinity? = nil, podAntiAffinity: PodAntiAffinity? = nil
    ) {
        self.nodeAffinity = nodeAffinity
        self.podAffinity = podAffinity
        self.podAntiAffinity = podAntiAffinity
    }
}

/// `core/v1.NodeAffinity`.
public struct NodeAffinity: Codable, Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: NodeSelector?
    public var preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm]?

    public init(
        requiredDuringSchedulingIgnoredDuringExecution: NodeSelector? = nil,
        preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm]? = nil
    ) {
        self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
        self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
    }
}

/// `core/v1.NodeSelector`: the OR of its terms.
public struct NodeSelector: Codable, Sendable, Hashable {
    public var nodeSelectorTerms: [NodeSelectorTerm]

    public init(nodeSelectorTerms: [NodeSelectorTerm]) {
        self.nodeSelectorTerms = nodeSelectorTerms
    }
}

/// `core/v1.NodeSelectorTerm`: the AND of its requirements.
public struct NodeSelectorTerm: Codable, Sendable, Hashable {
    /// Requirements on node labels.
    public var matchExpressions: [NodeSelectorRequirement]?
    /// Requirements on node fields.
    public var matchFields: [NodeSelectorRequirement]?

    public init(matchExpressions: [NodeSelectorRequirement]? = nil, matchFields: [NodeSelectorRequirement]? = nil) {
        self.matchExpressions = matchExpressions
        self.matchFields = matchFields
    }
}

/// `core/v1.NodeSelectorOperator`.
public enum NodeSelectorOperator: String, StringEnum {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
    case gt = "Gt"
    case lt = "Lt"
}

/// `core/v1.NodeSelectorRequirement`.
public struct NodeSelectorRequirement: Codable, Sendable, Hashable {
    public var key: String
    public var `operator`: NodeSelectorOperator
    /// Non-empty for `In`/`NotIn`, empty for `Exists`/`DoesNotExist`, one integer for `Gt`/`Lt`.
    public var values: [String]?

    public init(key: String, operator: NodeSelectorOperator, values: [String]? = nil) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }
}

/// `core/v1.PreferredSchedulingTerm`.
public struct PreferredSchedulingTerm: Codable, Sendable, Hashable {
    /// 1–100.
    public var weight: Int32
    public var preference: NodeSelectorTerm

    public init(weight: Int32, preference: NodeSelectorTerm) {
        self.weight = weight
        self.preference = preference
    }
}

/// `core/v1.PodAffinity`: co-locate with matching pods.
public struct PodAffinity: Codable, Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]?
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]?

    public init(
        requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]? = nil,
        preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]? = nil
    ) {
        self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
        self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
    }
}

/// `core/v1.PodAntiAffinity`: keep away from matching pods.
public struct PodAntiAffinity: Codable, Sendable, Hashable {
    public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]?
    public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]?

    public init(
        requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]? = nil,
        preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]? = nil
    ) {
        self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
        self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
    }
}

/// `core/v1.WeightedPodAffinityTerm`.
public struct WeightedPodAffinityTerm: Codable, Sendable, Hashable {
    /// 1–100.
    public var weight: Int32
    public var podAffinityTerm: PodAffinityTerm

    public init(weight: Int32, podAffinityTerm: PodAffinityTerm) {
        self.weight = weight
        self.podAffinityTerm = podAffinityTerm
    }
}

/// `core/v1.PodAffinityTerm`: pods, in some namespaces, relative to a topology.
public struct PodAffinityTerm: Codable, Sendable, Hashable {
    public var labelSelector: LabelSelector?
    /// Namespaces the term applies to, with those `namespaceSelector` selects; none means the pod's own.
    public var namespaces: [String]?
    /// The node label defining co-location.
    public var topologyKey: String
    public var namespaceSelector: LabelSelector?
    public var matchLabelKeys: [String]?
    public var mismatchLabelKeys: [String]?

    public init(
        labelSelector: LabelSelector? = nil, namespaces: [String]? = nil, topologyKey: String,
        namespaceSelector: LabelSelector? = nil, matchLabelKeys: [String]? = nil, mismatchLabelKeys: [String]? = nil
    ) {
        self.labelSelector = labelSelector
        self.namespaces = namespaces
        self.topologyKey = topologyKey
        self.namespaceSelector = namespaceSelector
        self.matchLabelKeys = matchLabelKeys
        self.mismatchLabelKeys = mismatchLabelKeys
    }
}
