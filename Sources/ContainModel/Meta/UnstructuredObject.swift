/// An object of any kind, kept as the JSON it came as, so that fields this program does not
/// know survive a read-modify-write untouched (as kubectl's unstructured objects do).
public struct UnstructuredObject: Sendable, Hashable, Codable {
    /// The whole object.
    public var content: JSONObject

    public init(_ content: JSONObject) { self.content = content }

    public init(from decoder: any Decoder) throws {
        content = try JSONObject(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws { try content.encode(to: encoder) }

    /// `apiVersion`, or empty when missing.
    public var apiVersion: String {
        get { content["apiVersion"]?.stringValue ?? "" }
        set { content["apiVersion"] = .string(newValue) }
    }

    /// `kind`, or empty when missing.
    public var kind: String {
        get { content["kind"]?.stringValue ?? "" }
        set { content["kind"] = .string(newValue) }
    }

    /// `metadata.name`, when set.
    public var name: String? { content["metadata"]?["name"]?.stringValue }

    /// `metadata.namespace`, when set.
    public var namespace: String? { content["metadata"]?["namespace"]?.stringValue }

    /// `metadata.labels` with string values.
    public var labels: [String: String] {
        guard let labels = content["metadata"]?["labels"]?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in labels { if let string = value.stringValue { result[key] = string } }
        return result
    }

    /// The metadata decoded leniently (unknown members ignored), or `nil` if it is malformed.
    public var metadata: ObjectMeta? {
        guard let value = content["metadata"] else { return nil }
        return try? ValueDecoder(rejectsUnknownFields: false).decode(ObjectMeta.self, from: value)
    }

    /// The whole object as a JSON value.
    public var value: JSONValue { .object(content) }
}
