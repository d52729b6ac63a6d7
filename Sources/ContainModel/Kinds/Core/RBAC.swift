/// `rbac/v1.PolicyRule`: verbs allowed on resources or non-resource URLs.
public struct PolicyRule: Codable, Sendable, Hashable {
    /// `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, … or `*`.
    public var verbs: [String]
    /// API groups of the resources; `""` is the core group, `*` all groups.
    public var apiGroups: [String]?
    /// Resources (`pods`), subresources (`pods/log`), or `*`.
    public var resources: [String]?
    /// Restricts the rule to objects with these names.
    public var resourceNames: [String]?
    /// URL paths such as `/healthz` (ClusterRoles only).
    public var nonResourceURLs: [String]?

    public init(
        verbs: [String], apiGroups: [String]? = nil, resources: [String]? = nil, resourceNames: [String]? = nil,
        nonResourceURLs: [String]? = nil
    ) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }
}

/// The kinds of `rbac/v1.Subject`.
public enum SubjectKind: String, StringEnum {
    case serviceAccount = "ServiceAccount"
    case user = "User"
    case group = "Group"
}

/// `rbac/v1.Subject`: a user, group or service account a binding applies to.
public struct Subject: Codable, Sendable, Hashable {
    public var kind: SubjectKind
    /// Empty for service accounts, `rbac.authorization.k8s.io` for users and groups.
    public var apiGroup: String?
    public var name: String
    /// The service account's namespace; must be empty for users and groups.
    public var namespace: String?

    public init(kind: SubjectKind, apiGroup: String? = nil, name: String, namespace: String? = nil) {
        self.kind = kind
        self.apiGroup = apiGroup
        self.name = name
        self.namespace = namespace
    }
}

/// `rbac/v1.RoleRef`: the Role or ClusterRole a binding grants.
public struct RoleRef: Codable, Sendable, Hashable {
    /// `rbac.authorization.k8s.io`.
    public var apiGroup: String
    /// `Role` or `ClusterRole`.
    public var kind: String
    public var name: String

    public init(apiGroup: String, kind: String, name: String) {
        self.apiGroup = apiGroup
        self.kind = kind
        self.name = name
    }
}

/// `rbac/v1.AggregationRule`: how a ClusterRole's rules are gathered from other ClusterRoles.
public struct AggregationRule: Codable, Sendable, Hashable {
    /// ClusterRoles matching any selector contribute their rules.
    public var clusterRoleSelectors: [LabelSelector]?

    public init(clusterRoleSelectors: [LabelSelector]? = nil) {
        self.clusterRoleSelectors = clusterRoleSelectors
    }
}

/// `rbac/v1.Role`: permissions within one namespace.
public struct Role: KubeObject {
    public static let resourceType = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles", namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var rules: [PolicyRule]?

    public init(metadata: ObjectMeta = ObjectMeta(), rules: [PolicyRule]? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.rules = rules
    }
}

/// `rbac/v1.ClusterRole`: permissions cluster-wide or, bound by a RoleBinding, in one namespace.
public struct ClusterRole: KubeObject {
    public static let resourceType = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles",
        namespaced: false
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var rules: [PolicyRule]?
    /// When set, the controller manages `rules`.
    public var aggregationRule: AggregationRule?

    public init(
        metadata: ObjectMeta = ObjectMeta(), rules: [PolicyRule]? = nil, aggregationRule: AggregationRule? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.rules = rules
        self.aggregationRule = aggregationRule
    }
}

/// `rbac/v1.RoleBinding`: grants a Role or ClusterRole to subjects in one namespace.
public struct RoleBinding: KubeObject {
    public static let resourceType = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings",
        namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var subjects: [Subject]?
    /// Cannot be changed after creation.
    public var roleRef: RoleRef

    public init(metadata: ObjectMeta = ObjectMeta(), subjects: [Subject]? = nil, roleRef: RoleRef) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.subjects = subjects
        self.roleRef = roleRef
    }
}

/// `rbac/v1.ClusterRoleBinding`: grants a ClusterRole to subjects cluster-wide.
public struct ClusterRoleBinding: KubeObject {
    public static let resourceType = ResourceType(
        group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings",
        namespaced: false
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    public var subjects: [Subject]?
    /// Cannot be changed after creation.
    public var roleRef: RoleRef

    public init(metadata: ObjectMeta = ObjectMeta(), subjects: [Subject]? = nil, roleRef: RoleRef) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.subjects = subjects
        self.roleRef = roleRef
    }
}
