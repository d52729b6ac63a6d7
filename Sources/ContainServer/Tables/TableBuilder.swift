import ContainModel

/// Builds `meta.k8s.io/v1` Table responses, whose rows carry `PartialObjectMetadata`.
public struct TableBuilder: Sendable {
    public var resource: APIResource
    public var columns: [TableColumn]

    public init(resource: APIResource, now: Time) {
        self.resource = resource
        self.columns = TableColumns.columns(for: resource, now: now)
    }

    /// One row: the cells and the object's metadata.
    public func row(_ object: JSONObject) -> JSONValue {
        let partial: JSONObject = [
            "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
            "metadata": object["metadata"] ?? .object(JSONObject()),
        ]
        return ["cells": .array(columns.map { $0.cell(object) }), "object": .object(partial)]
    }

    /// A Table of `objects`; `includeColumns` is false for watch events after the first.
    public func table(_ objects: [JSONObject], resourceVersion: String?, continueToken: String? = nil,
                      remainingItemCount: Int64? = nil, includeColumns: Bool = true) -> JSONValue {
        var metadata = JSONObject()
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        if let continueToken { metadata["continue"] = .string(continueToken) }
        if let remainingItemCount { metadata["remainingItemCount"] = .integer(remainingItemCount) }
        var table: JSONObject = ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata)]
        table["columnDefinitions"] = includeColumns ? .array(columns.map(\.definition)) : .array([])
        table["rows"] = .array(objects.map(row))
        return .object(table)
    }
}
