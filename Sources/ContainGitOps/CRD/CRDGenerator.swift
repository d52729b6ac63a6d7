import ContainModel

/// CustomResourceDefinitions (`apiextensions.k8s.io/v1`) for Contain's kinds, derived from the
/// Swift types through ``OpenAPISchemaCatalog`` — never written by hand: a structural OpenAPI v3
/// schema with every `$ref` inlined, the printer columns of ``PrinterColumn``, and the status
/// subresource.
public enum CRDGenerator {
    /// The kinds that get a CRD.
    public static let kinds: [any KubeObject.Type] = KindRegistry.platformKinds

    /// One CRD per kind, in kind order.
    public static func definitions(catalog: OpenAPISchemaCatalog = .standard) -> [JSONValue] {
        kinds.sorted { $0.resourceType.kind < $1.resourceType.kind }.map { definition(for: $0, catalog: catalog) }
    }

    /// The CRDs as one YAML stream (what `contain crds` prints).
    public static func yaml(catalog: OpenAPISchemaCatalog = .standard) -> String {
        YAMLWriter.documents(definitions(catalog: catalog))
    }

    /// The file name of a kind's CRD in `deploy/crds/`.
    public static func fileName(for kind: any KubeObject.Type) -> String {
        "\(kind.resourceType.group)_\(kind.resourceType.plural).yaml"
    }

    /// The CRD of one kind.
    public static func definition(for kind: any KubeObject.Type, catalog: OpenAPISchemaCatalog = .standard) -> JSONValue {
        let resource = kind.resourceType
        var schema = catalog.schema(for: kind).map { catalog.inlined($0) } ?? OpenAPISchema(type: .object, preserveUnknownFields: true)
        for index in schema.properties.indices where schema.properties[index].name == "metadata" {
            schema.properties[index].schema = OpenAPISchema(type: .object)
        }
        let structural = structuralize(schema.jsonValue())

        var names: JSONObject = [
            "kind": .string(resource.kind), "listKind": .string(resource.kind + "List"),
            "plural": .string(resource.plural), "singular": .string(resource.kind.lowercased()),
        ]
        if !resource.shortNames.isEmpty { names["shortNames"] = .array(resource.shortNames.map(JSONValue.string)) }
        if !resource.categories.isEmpty { names["categories"] = .array(resource.categories.map(JSONValue.string)) }

        var columns: [JSONValue] = PrinterColumn.columns(group: resource.group, kind: resource.kind).map { column in
            var object: JSONObject = ["name": .string(column.name), "type": "string", "jsonPath": .string(column.jsonPath)]
            if !column.description.isEmpty { object["description"] = .string(column.description) }
            if column.priority != 0 { object["priority"] = .integer(Int64(column.priority)) }
            return .object(object)
        }
        columns.append(["name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status",
                        "description": "Whether the object is reconciled."])
        columns.append(["name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"])

        var version: JSONObject = [
            "name": .string(resource.version), "served": true, "storage": true,
            "schema": ["openAPIV3Schema": structural],
        ]
        if schema.property("status") != nil { version["subresources"] = ["status": .object(JSONObject())] }
        version["additionalPrinterColumns"] = .array(columns)

        return [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": .string("\(resource.plural).\(resource.group)"),
                         "labels": ["app.kubernetes.io/name": "contain", "app.kubernetes.io/part-of": "contain"],
                         // Removing a CRD deletes every object of its kind: Flux must never prune one.
                         "annotations": ["kustomize.toolkit.fluxcd.io/prune": "disabled"]],
            "spec": [
                "group": .string(resource.group), "names": .object(names),
                "scope": .string(resource.namespaced ? "Namespaced" : "Cluster"),
                "versions": [.object(version)],
            ],
        ]
    }

    /// Removes what a CRD schema may not carry (group-version-kind annotations, references).
    static func structuralize(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where key != "x-kubernetes-group-version-kind" && key != "$ref" {
                result[key] = structuralize(member)
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(structuralize))
        default:
            return value
        }
    }
}
