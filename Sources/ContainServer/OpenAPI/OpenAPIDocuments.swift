import Foundation
import ContainModel

/// `/openapi/v3`: the index and one document per group version, enough for kubectl to validate
/// with `fieldValidation=Strict`, pick the patch type, find each kind's operations and `explain`.
///
/// Group versions of typed kinds are served from `OpenAPIDocumentBuilder` (schemas generated
/// from the Swift types, built once at start-up); group versions with only unstructured
/// resources (`coordination.k8s.io/v1` leases) get minimal documents whose `spec`/`status`
/// preserve unknown fields.
public struct OpenAPIDocuments: Sendable {
    /// The generated schemas of a resource: the root component's name and every component it refers to.
    public typealias SchemaProvider = @Sendable (APIResource) -> (root: String, components: JSONObject)?

    public var registry: ResourceRegistry
    /// PLUG-IN POINT for `Sources/ContainModel/OpenAPI/*` (the schema generator): nil serves minimal schemas.
    public var schemas: SchemaProvider?

    /// Documents built once, by `group/version` path (`api/v1`, `apis/g/v`).
    private(set) var documents: [String: JSONValue]
    /// Paths of documents for create-only resources (see `adding(createOnly:)`), after the registry's.
    private(set) var createOnlyPaths: [String] = []

    public init(registry: ResourceRegistry, schemas: SchemaProvider? = nil) {
        self.registry = registry
        self.schemas = schemas
        let generated = OpenAPIDocumentBuilder(kinds: registry.resources.compactMap(\.typedKind))
        var documents: [String: JSONValue] = [:]
        for group in registry.groups {
            for version in registry.versions(of: group) {
                let resources = registry.resources(group: group, version: version)
                let path = Self.gvPath(group, version)
                if schemas == nil, resources.allSatisfy({ $0.typedKind != nil }),
                    let document = generated.document(apiVersion: group.isEmpty ? version : "\(group)/\(version)")
                {
                    documents[path] = document
                } else if let document = Self.minimalDocument(resources: resources, group: group, version: version, schemas: schemas) {
                    documents[path] = document
                }
            }
        }
        self.documents = documents
    }

    static func gvPath(_ group: String, _ version: String) -> String { group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)" }

    /// `{"paths": {"apis/g/v": {"serverRelativeURL": "/openapi/v3/apis/g/v?hash=…"}}}`.
    public func index() -> JSONValue {
        var paths = JSONObject()
        let registered = registry.groups.flatMap { group in registry.versions(of: group).map { Self.gvPath(group, $0) } }
        for path in registered + createOnlyPaths {
            guard let document = documents[path] else { continue }
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(OpenAPIDocumentBuilder.hash(of: document))")]
        }
        return ["paths": .object(paths)]
    }

    /// These documents plus one per group version of `types`, resources that only answer
    /// `create` (the access reviews), so that kubectl can find their operation and validate.
    public func adding(createOnly types: [ResourceType]) -> OpenAPIDocuments {
        var copy = self
        for type in types {
            let path = Self.gvPath(type.group, type.version)
            guard copy.documents[path] == nil || copy.createOnlyPaths.contains(path) else { continue }
            let sameVersion = types.filter { $0.group == type.group && $0.version == type.version }
            if !copy.createOnlyPaths.contains(path) { copy.createOnlyPaths.append(path) }
            copy.documents[path] = Self.createOnlyDocument(sameVersion)
        }
        return copy
    }

    /// A minimal document whose only operations are the `create` of each type.
    static func createOnlyDocument(_ types: [ResourceType]) -> JSONValue {
        var paths = JSONObject()
        var components = JSONObject()
        for type in types {
            let gvk: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
            let name = Self.schemaName(type)
            components[name] = minimalSchema(APIResource(type: type), gvk: gvk)
            let json: JSONValue = ["application/json": ["schema": ["$ref": .string("#/components/schemas/\(name)")]]]
            let validation: JSONValue = ["name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true]]
            let base = "/" + Self.gvPath(type.group, type.version) + (type.namespaced ? "/namespaces/{namespace}" : "") + "/" + type.plural
            paths[base] = ["post": ["operationId": .string("create" + type.kind), "parameters": [validation], "requestBody": ["content": json],
                                    "responses": ["201": ["description": "Created", "content": json]],
                                    "x-kubernetes-group-version-kind": gvk]]
        }
        return ["openapi": "3.0.0", "info": ["title": "Contain", "version": .string(ContainVersion.current)],
                "paths": .object(paths), "components": ["schemas": .object(components)]]
    }

    /// The schema name of a kind (`dev.contain.platform.v1alpha1.Tenant`, `io.k8s.api.core.v1.Namespace`).
    static func schemaName(_ type: ResourceType) -> String {
        let prefix: String
        if type.group.isEmpty {
            prefix = "io.k8s.api.core"
        } else if type.group.hasSuffix(".k8s.io") {
            prefix = "io.k8s.api." + type.group.replacingOccurrences(of: ".k8s.io", with: "").replacingOccurrences(of: ".authorization", with: "")
        } else {
            prefix = type.group.split(separator: ".").reversed().joined(separator: ".")
        }
        return "\(prefix).\(type.version).\(type.kind)"
    }

    /// The document of one group version, or nil when not served.
    public func document(group: String, version: String) -> JSONValue? {
        documents[Self.gvPath(group, version)]
    }

    /// A document with minimal schemas (or the `schemas` provider's) for resources without generated ones.
    static func minimalDocument(resources: [APIResource], group: String, version: String, schemas: SchemaProvider?) -> JSONValue? {
        guard !resources.isEmpty else { return nil }
        var paths = JSONObject()
        var components = JSONObject()
        for resource in resources {
            let type = resource.type
            let gvk: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
            var rootName = Self.schemaName(type)
            if let generated = schemas?(resource) {
                rootName = generated.root
                for (key, value) in generated.components.members { components[key] = value }
            } else {
                components[rootName] = minimalSchema(resource, gvk: gvk)
            }
            let ref: JSONValue = ["$ref": .string("#/components/schemas/\(rootName)")]
            let json: JSONValue = ["application/json": ["schema": ref]]
            let ok: JSONValue = ["200": ["description": "OK", "content": json]]
            func op(_ id: String, extra: JSONObject = [:]) -> JSONValue {
                var object: JSONObject = ["operationId": .string(id + type.kind), "responses": ok, "x-kubernetes-group-version-kind": gvk]
                for (key, value) in extra.members { object[key] = value }
                return .object(object)
            }
            let validation: JSONValue = ["name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true]]
            var patchTypes: JSONObject = [
                "application/json-patch+json": ["schema": ["type": "object"]],
                "application/merge-patch+json": ["schema": ["type": "object"]],
                "application/apply-patch+yaml": ["schema": ["type": "object"]],
            ]
            if resource.supportsStrategicMerge {
                patchTypes["application/strategic-merge-patch+json"] = ["schema": ["type": "object"]]
            }
            let base = "/" + Self.gvPath(group, version) + (type.namespaced ? "/namespaces/{namespace}" : "") + "/" + type.plural
            paths[base] = [
                "get": op("list"),
                "post": op("create", extra: ["parameters": [validation], "requestBody": ["content": json]]),
            ]
            paths[base + "/{name}"] = [
                "get": op("read"),
                "put": op("replace", extra: ["parameters": [validation], "requestBody": ["content": json]]),
                "patch": op("patch", extra: ["parameters": [validation], "requestBody": ["content": .object(patchTypes)]]),
                "delete": op("delete"),
            ]
        }
        return ["openapi": "3.0.0", "info": ["title": "Contain", "version": .string(ContainVersion.current)],
                "paths": .object(paths), "components": ["schemas": .object(components)]]
    }

    static func minimalSchema(_ resource: APIResource, gvk: JSONValue) -> JSONValue {
        let open: JSONValue = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        var properties: JSONObject = [
            "apiVersion": ["type": "string", "description": "APIVersion defines the versioned schema of this representation of an object."],
            "kind": ["type": "string", "description": "Kind is a string value representing the REST resource this object represents."],
            "metadata": ["type": "object", "description": "Standard object's metadata.", "x-kubernetes-preserve-unknown-fields": true],
        ]
        for key in ["spec", "status", "data", "stringData", "rules", "subjects", "roleRef", "binaryData", "type", "immutable", "handler",
                    "overhead", "scheduling", "secrets", "imagePullSecrets", "automountServiceAccountToken", "aggregationRule"] {
            properties[key] = open
        }
        return ["type": "object", "description": .string("\(resource.type.kind) (\(resource.type.apiVersion))."),
                "properties": .object(properties), "x-kubernetes-group-version-kind": [gvk]]
    }
}
