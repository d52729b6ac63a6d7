/// `core/v1.ResourceQuota`: aggregate limits on resource use in a namespace.
public struct ResourceQuota: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "ResourceQuota", plural: "resourcequotas", shortNames: ["quota"],
        namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: ResourceQuotaSpec?
    public var status: ResourceQuotaStatus?

    public init(
        metadata: ObjectMeta = ObjectMeta(), spec: ResourceQuotaSpec? = nil, status: ResourceQuotaStatus? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `core/v1.ResourceQuotaSpec`: the hard limits and which objects they apply to.
public struct ResourceQuotaSpec: Codable, Sendable, Hashable {
    /// Limits by resource name (`requests.cpu`, `limits.memory`, `pods`, `count/deployments.apps`, …).
    public var hard: ResourceList?
    /// Filters every tracked object must match; none means all objects.
    public var scopes: [ResourceQuotaScope]?
    /// Filters like `scopes`, expressed as requirements with values.
    public var scopeSelector: ScopeSelector?

    public init(hard: ResourceList? = nil, scopes: [ResourceQuotaScope]? = nil, scopeSelector: ScopeSelector? = nil) {
        self.hard = hard
        self.scopes = scopes
        self.scopeSelector = scopeSelector
    }
}

/// `core/v1.ResourceQuotaScope`: a filter on the objects a quota tracks.
public enum ResourceQuotaScope: String, StringEnum {
    case terminating = "Terminating"
    case notTerminating = "NotTerminating"
    case bestEffort = "BestEffort"
    case notBestEffort = "NotBestEffort"
    case priorityClass = "PriorityClass"
    case crossNamespacePodAffinity = "CrossNamespacePodAffinity"
    case volumeAttributesClass = "VolumeAttributesClass"
}

/// `core/v1.ScopeSelector`: the AND of its requirements.
public struct ScopeSelector: Codable, Sendable, Hashable {
    public var matchExpressions: [ScopedResourceSelectorRequirement]?

    public init(matchExpressions: [ScopedResourceSelectorRequirement]? = nil) {
        self.matchExpressions = matchExpressions
    }
}

/// `core/v1.ScopeSelectorOperator`.
public enum ScopeSelectorOperator: String, StringEnum {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
}

/// `core/v1.ScopedResourceSelectorRequirement`: a scope, an operator and values.
public struct ScopedResourceSelectorRequirement: Codable, Sendable, Hashable {
    public var scopeName: ResourceQuotaScope
    public var `operator`: ScopeSelectorOperator
    /// Non-empty for `In` and `NotIn`, empty for `Exists` and `DoesNotExist`.
    public var values: [String]?

    public init(scopeName: ResourceQuotaScope, operator: ScopeSelectorOperator, values: [String]? = nil) {
        self.scopeName = scopeName
        self.operator = `operator`
        self.values = values
    }
}

/// `core/v1.ResourceQuotaStatus`: the enforced limits and the observed use.
public struct ResourceQuotaStatus: Codable, Sendable, Hashable {
    public var hard: ResourceList?
    public var used: ResourceList?

    public init(hard: ResourceList? = nil, used: ResourceList? = nil) {
        self.hard = hard
        self.used = used
    }
}
