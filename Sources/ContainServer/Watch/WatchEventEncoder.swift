import ContainModel

/// Renders watch events as newline-terminated `{"type":…,"object":…}` lines, either with the
/// plain object or, when the client asked for Tables, a one-row Table (columns only first).
public struct WatchEventEncoder: Sendable {
    public var table: TableBuilder?
    private var sentColumns = false

    public init(table: TableBuilder?) { self.table = table }

    /// One event line.
    public mutating func line(type: String, objectJSON: String) -> String {
        guard let table, type != "BOOKMARK", type != "ERROR",
            case .object(let object)? = try? JSONReader.value(objectJSON)
        else {
            return "{\"type\":\"\(type)\",\"object\":\(objectJSON)}\n"
        }
        let rv = object["metadata"]?["resourceVersion"]?.stringValue
        let value = table.table([object], resourceVersion: rv, includeColumns: !sentColumns)
        sentColumns = true
        return "{\"type\":\"\(type)\",\"object\":\(JSONWriter.compact(value))}\n"
    }

    /// A BOOKMARK object: the kind with only `metadata.resourceVersion`.
    public static func bookmark(_ resource: APIResource, revision: Int64) -> String {
        let value: JSONValue = [
            "kind": .string(resource.type.kind), "apiVersion": .string(resource.type.apiVersion),
            "metadata": ["resourceVersion": .string(String(revision))],
        ]
        return JSONWriter.compact(value)
    }
}
