/// `core/v1.Secret`: sensitive data, such as credentials or keys.
public struct Secret: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// When true, only metadata can change.
    public var immutable: Bool?
    /// Values by key, base64-encoded as in the API.
    public var data: [String: String]?
    /// Write-only plain-text values, merged into `data` by the server and never returned.
    public var stringData: [String: String]?
    /// `Opaque` (the default), `kubernetes.io/tls`, `kubernetes.io/dockerconfigjson`, … or a custom type.
    public var type: String?

    public init(
        metadata: ObjectMeta = ObjectMeta(), immutable: Bool? = nil, data: [String: String]? = nil,
        stringData: [String: String]? = nil, type: String? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.immutable = immutable
        self.data = data
        self.stringData = stringData
        self.type = type
    }
}
