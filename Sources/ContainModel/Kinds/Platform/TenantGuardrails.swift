/// How the platform's admission guardrails treat one tenant: the mode of each rule and what
/// mutation fills in. Every field is optional; an absent `guardrails` enforces every rule and
/// defaults missing container requests and limits.
///
/// ```yaml
/// guardrails:
///   defaultMode: enforce
///   modes: {imageDigest: warn, ingress: audit}
///   containerResources: default
///   defaultRequests: {cpu: 100m, memory: 128Mi}
///   defaultLimits: {cpu: 500m, memory: 512Mi}
/// ```
public struct TenantGuardrails: Codable, Sendable, Hashable {
    /// The mode of every rule `modes` does not name; defaults to `enforce`.
    public var defaultMode: GuardrailMode?
    /// The mode of individual rules.
    public var modes: GuardrailModes?
    /// Containers without requests or limits: `default` (mutation fills them in, the default)
    /// or `require` (refused).
    public var containerResources: ContainerResourcesPolicy?
    /// Requests given to containers that set none; the platform's defaults when unset.
    public var defaultRequests: ResourceList?
    /// Limits given to containers that set none; the platform's defaults when unset.
    public var defaultLimits: ResourceList?

    public init(defaultMode: GuardrailMode? = nil, modes: GuardrailModes? = nil,
                containerResources: ContainerResourcesPolicy? = nil, defaultRequests: ResourceList? = nil,
                defaultLimits: ResourceList? = nil) {
        self.defaultMode = defaultMode
        self.modes = modes
        self.containerResources = containerResources
        self.defaultRequests = defaultRequests
        self.defaultLimits = defaultLimits
    }
}

/// What a guardrail does with a violation.
public enum GuardrailMode: String, StringEnum {
    /// Refuse the request (and, for mutating rules, rewrite the object).
    case enforce
    /// Admit it with a warning returned to the client (kubectl prints it).
    case warn
    /// Admit it silently and record the violation in the audit log.
    case audit
}

/// How containers without requests or limits are treated.
public enum ContainerResourcesPolicy: String, StringEnum {
    /// Mutation gives them the tenant's (or the platform's) default requests and limits.
    case `default`
    /// They are refused; every container must declare requests and limits.
    case require
}

/// The mode of each guardrail rule; an unset rule takes `TenantGuardrails.defaultMode`.
public struct GuardrailModes: Codable, Sendable, Hashable {
    /// Pod Security Standards at the tenant's level.
    public var podSecurity: GuardrailMode?
    /// Images only from the tenant's registries.
    public var registries: GuardrailMode?
    /// Images only by digest, when the tenant requires it.
    public var imageDigest: GuardrailMode?
    /// Container requests and limits.
    public var resources: GuardrailMode?
    /// The tenant's sandbox runtime class.
    public var runtimeClass: GuardrailMode?
    /// GPUs and MIG profiles.
    public var gpu: GuardrailMode?
    /// Ingress classes and hostnames.
    public var ingress: GuardrailMode?
    /// Service types LoadBalancer, NodePort and ExternalName.
    public var serviceTypes: GuardrailMode?
    /// Storage classes of volume claims.
    public var storageClasses: GuardrailMode?
    /// RoleBinding subjects belonging to other tenants.
    public var roleBindings: GuardrailMode?
    /// Namespaces created by tenant owners, up to the namespace quota.
    public var namespaceQuota: GuardrailMode?

    public init(podSecurity: GuardrailMode? = nil, registries: GuardrailMode? = nil, imageDigest: GuardrailMode? = nil,
                resources: GuardrailMode? = nil, runtimeClass: GuardrailMode? = nil, gpu: GuardrailMode? = nil,
                ingress: GuardrailMode? = nil, serviceTypes: GuardrailMode? = nil, storageClasses: GuardrailMode? = nil,
                roleBindings: GuardrailMode? = nil, namespaceQuota: GuardrailMode? = nil) {
        self.podSecurity = podSecurity
        self.registries = registries
        self.imageDigest = imageDigest
        self.resources = resources
        self.runtimeClass = runtimeClass
        self.gpu = gpu
        self.ingress = ingress
        self.serviceTypes = serviceTypes
        self.storageClasses = storageClasses
        self.roleBindings = roleBindings
        self.namespaceQuota = namespaceQuota
    }
}

extension TenantGuardrails: OpenAPIDocumented {
    public static var typeDescription: String {
        "How the platform's admission guardrails treat one tenant: the mode of each rule and what mutation fills in."
    }

    public static var fieldDescriptions: [String: String] {
        [
            "defaultMode": "The mode of every rule `modes` does not name; defaults to `enforce`.",
            "modes": "The mode of individual rules.",
            "containerResources": "Containers without requests or limits: `default` (mutation fills them in, the default) or `require` (refused).",
            "defaultRequests": "Requests given to containers that set none; the platform's defaults when unset.",
            "defaultLimits": "Limits given to containers that set none; the platform's defaults when unset.",
        ]
    }
}

extension GuardrailModes: OpenAPIDocumented {
    public static var typeDescription: String {
        "The mode of each guardrail rule (enforce, warn or audit); an unset rule takes `defaultMode`."
    }
}
