/// One entry of `metadata.managedFields` as field management works with it: which fields a
/// manager set, by which operation, as a `FieldSet`.
public struct FieldOwner: Sendable, Hashable {
    /// `Apply` for server-side apply, `Update` for every other write.
    public enum Operation: String, Sendable, Hashable {
        case apply = "Apply"
        case update = "Update"
    }

    public var manager: String
    public var operation: Operation
    public var apiVersion: String
    /// When the entry's fields last changed (RFC 3339).
    public var time: String?
    /// `status` for writes through the status subresource.
    public var subresource: String?
    public var fields: FieldSet

    public init(manager: String, operation: Operation, apiVersion: String, time: String? = nil,
                subresource: String? = nil, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    /// Whether `other` records the same manager: name, operation, subresource, and for updates
    /// the API version (appliers keep one identity across versions, as upstream does).
    public func isSameManager(as other: FieldOwner) -> Bool {
        manager == other.manager && operation == other.operation && (subresource ?? "") == (other.subresource ?? "")
            && (operation == .apply || apiVersion == other.apiVersion)
    }

    /// The manager as conflict messages name it: `"kubectl"`, or `"kubectl-edit" using v1` for updates.
    public var conflictName: String {
        let quoted = JSONWriter.compact(.string(manager))
        return operation == .apply ? quoted : "\(quoted) using \(apiVersion)"
    }

    /// The entries in an object's metadata; malformed entries are skipped.
    public static func entries(of object: JSONObject) -> [FieldOwner] {
        (object["metadata"]?["managedFields"]?.arrayValue ?? []).compactMap(FieldOwner.init(json:))
    }

    /// Reads an entry; `nil` when it is not one.
    public init?(json: JSONValue) {
        guard case .object(let object) = json, let manager = object["manager"]?.stringValue,
              let operation = object["operation"]?.stringValue.flatMap(Operation.init(rawValue:)) else { return nil }
        self.manager = manager
        self.operation = operation
        apiVersion = object["apiVersion"]?.stringValue ?? ""
        time = object["time"]?.stringValue
        subresource = object["subresource"]?.stringValue
        fields = object["fieldsV1"].flatMap(FieldSet.init(fieldsV1:)) ?? FieldSet()
    }

    /// The entry as stored in `metadata.managedFields`.
    public var json: JSONValue {
        var object: JSONObject = ["manager": .string(manager), "operation": .string(operation.rawValue),
                                  "apiVersion": .string(apiVersion)]
        if let time { object["time"] = .string(time) }
        object["fieldsType"] = "FieldsV1"
        object["fieldsV1"] = fields.fieldsV1
        if let subresource { object["subresource"] = .string(subresource) }
        return .object(object)
    }
}
