/// `core/v1.ConfigMap`: configuration data for pods to consume.
public struct ConfigMap: KubeObject {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"], namespaced: true
    )

    public var apiVersion: String
    public var kind: String
    public var metadata: ObjectMeta
    /// When true, only metadata can change.
    public var immutable: Bool?
    /// UTF-8 values by key.
    public var data: [String: String]?
    /// Binary values by key, base64-encoded as in the API.
    public var binaryData: [String: String]?

    public init(
        metadata: ObjectMeta = ObjectMeta(), immutable: Bool? = nil, data: [String: String]? = nil,
        binaryData: [String: String]? = nil
    ) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.immutable = immutable
        self.data = data
        self.binaryData = binaryData
    }
}
