import ContainModel

/// One object of a tenant's desired state, typed by kind.
public enum DesiredObject: Sendable, Hashable {
    /// A sandbox RuntimeClass, cluster-scoped and shared by the tenants using that runtime.
    case runtimeClass(RuntimeClass)
    /// A tenant namespace (or a virtual cluster's host namespace).
    case namespace(Namespace)
    /// The GitOps ServiceAccount of a namespace.
    case serviceAccount(ServiceAccount)
    /// A RoleBinding of people or the GitOps account to a built-in ClusterRole.
    case roleBinding(RoleBinding)
    /// The namespace's share of the tenant quota.
    case resourceQuota(ResourceQuota)
    /// Container defaults that fit the namespace's quota.
    case limitRange(LimitRange)
    /// One of the namespace's NetworkPolicies.
    case networkPolicy(NetworkPolicy)

    /// The object, as any typed kind.
    public var object: any KubeObject {
        switch self {
        case .runtimeClass(let object): object
        case .namespace(let object): object
        case .serviceAccount(let object): object
        case .roleBinding(let object): object
        case .resourceQuota(let object): object
        case .limitRange(let object): object
        case .networkPolicy(let object): object
        }
    }

    /// The object's metadata.
    public var metadata: ObjectMeta { object.metadata }

    /// `Kind/name` or `Kind/namespace/name`.
    public var reference: String { object.reference }

    /// Whether the object is cluster-scoped.
    public var isClusterScoped: Bool {
        switch self {
        case .runtimeClass, .namespace: true
        default: false
        }
    }

    /// The object as a JSON value, with struct members in declaration order and map keys sorted.
    public func encoded() throws -> JSONValue {
        switch self {
        case .runtimeClass(let object): try ValueEncoder().encode(object)
        case .namespace(let object): try ValueEncoder().encode(object)
        case .serviceAccount(let object): try ValueEncoder().encode(object)
        case .roleBinding(let object): try ValueEncoder().encode(object)
        case .resourceQuota(let object): try ValueEncoder().encode(object)
        case .limitRange(let object): try ValueEncoder().encode(object)
        case .networkPolicy(let object): try ValueEncoder().encode(object)
        }
    }
}
