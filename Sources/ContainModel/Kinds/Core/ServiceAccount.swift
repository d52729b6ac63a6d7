/// `core/v1.ServiceAccount`: an identity for processes in pods, with the secrets they may use.
public struct ServiceAccount: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"],
        namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// Secrets pods running as this account may use (enforced only with the deprecated `kubernetes.io/enforce-
    /// mountable-secrets` annotation).
    public var secrets: [ObjectReference]?
    /// Secrets added to the image pull secrets of pods that use this account.
    public var imagePullSecrets: [LocalObjectReference]?
    /// Whether pods get an API token mounted automatically; a pod may override it.
    public var automountServiceAccountToken: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), secrets: [ObjectReference]? = nil,
        imagePullSecrets: [LocalObjectReference]? = nil, automountServiceAccountToken: Bool? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.secrets = secrets
        self.imagePullSecrets = imagePullSecrets
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}
