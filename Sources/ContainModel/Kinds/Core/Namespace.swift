/// `core/v1.Namespace`: a scope for names, and the unit of tenancy, quota and policy.
public struct Namespace: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"], namespaced: false
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var spec: NamespaceSpec?
    public var status: NamespaceStatus?

    public init(metadata: ObjectMeta = ObjectMeta(), spec: NamespaceSpec? = nil, status: NamespaceStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

/// `core/v1.NamespaceSpec`.
public struct NamespaceSpec: Codable, Sendable, Hashable {
    /// Opaque values that must be empty before the namespace is removed from storage.
    public var finalizers: [String]?

    public init(finalizers: [String]? = nil) {
        self.finalizers = finalizers
    }
}

/// `core/v1.NamespacePhase`.
public enum NamespacePhase: String, StringEnum {
    case active = "Active"
    case terminating = "Terminating"
}

/// `core/v1.NamespaceStatus`.
public struct NamespaceStatus: Codable, Sendable, Hashable {
    public var phase: NamespacePhase?
    public var conditions: [NamespaceCondition]?

    public init(phase: NamespacePhase? = nil, conditions: [NamespaceCondition]? = nil) {
        self.phase = phase
        self.conditions = conditions
    }
}

/// `core/v1.NamespaceCondition`: one observation of a namespace's state (mostly about deletion).
public struct NamespaceCondition: Codable, Sendable, Hashable {
    /// For example `NamespaceDeletionContentFailure` or `NamespaceContentRemaining`.
    public var type: String
    public var status: Condition.Status
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?

    public init(
        type: String, status: Condition.Status, lastTransitionTime: Time? = nil, reason: String? = nil,
        message: String? = nil
    ) {
        self.type = type
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
