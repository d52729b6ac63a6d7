/// `core/v1.LimitRange`: per-object minimums, maximums and defaults for resources in a namespace.
public struct LimitRange: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "LimitRange", plural: "limitranges", shortNames: ["limits"], namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: LimitRangeSpec?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: LimitRangeSpec? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
    }
}

/// `core/v1.LimitRangeSpec`.
public struct LimitRangeSpec: Codable, Sendable, Hashable {
    public var limits: [LimitRangeItem]

    public init(limits: [LimitRangeItem]) {
        self.limits = limits
    }
}

/// `core/v1.LimitRangeItem`: the limits for one type of object.
public struct LimitRangeItem: Codable, Sendable, Hashable {
    /// `Pod`, `Container`, `PersistentVolumeClaim`, or a fully qualified resource name.
    public var type: String
    public var max: ResourceList?
    public var min: ResourceList?
    /// Limits applied to containers that set none.
    public var `default`: ResourceList?
    /// Requests applied to containers that set none.
    public var defaultRequest: ResourceList?
    /// The largest allowed limit divided by request, per resource.
    public var maxLimitRequestRatio: ResourceList?

    public init(
        type: String, max: ResourceList? = nil, min: ResourceList? = nil, default: ResourceList? = nil,
        defaultRequest: ResourceList? = nil, maxLimitRequestRatio: ResourceList? = nil
    ) {
        self.type = type
        self.max = max
        self.min = min
        self.default = `default`
        self.defaultRequest = defaultRequest
        self.maxLimitRequestRatio = maxLimitRequestRatio
    }
}
