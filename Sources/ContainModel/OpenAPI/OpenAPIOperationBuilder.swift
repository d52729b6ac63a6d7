/// Builds the operation objects of one kind's REST paths, in upstream's shape.
struct OpenAPIOperationBuilder {
    let resource: ResourceType

    private var componentName: String { OpenAPISchemaCatalog.componentName(for: resource) }
    var kindRef: JSONValue { ["$ref": .string(OpenAPISchema.componentPrefix + componentName)] }
    var listRef: JSONValue {
        ["$ref": .string(OpenAPISchema.componentPrefix + OpenAPISchemaCatalog.listComponentName(for: resource))]
    }
    var statusRef: JSONValue { ["$ref": .string(OpenAPISchema.componentPrefix + OpenAPIDocumentBuilder.metaPrefix + "Status")] }

    /// The request body of create and replace: the object itself.
    var kindBody: JSONValue {
        ["content": ["*/*": ["schema": kindRef]], "required": true]
    }

    /// The media types PATCH accepts. Strategic merge patch exists only for Kubernetes' own
    /// kinds: it needs Go struct tags that custom resources do not have.
    var patchTypes: [String] {
        var types = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"]
        if OpenAPISchemaCatalog.isBuiltInGroup(resource.group) { types.append("application/strategic-merge-patch+json") }
        return types
    }

    var patchBody: JSONValue {
        let patchRef: JSONValue = ["$ref": .string(OpenAPISchema.componentPrefix + OpenAPIDocumentBuilder.metaPrefix + "Patch")]
        var content = JSONObject()
        for type in patchTypes { content[type] = ["schema": patchRef] }
        return ["content": .object(content), "required": true]
    }

    /// `{group, version, kind}` as operations carry it: a single object.
    var groupVersionKind: JSONValue {
        ["group": .string(resource.group), "kind": .string(resource.kind), "version": .string(resource.version)]
    }

    /// `listCoreV1NamespacedPod`, `patchPlatformContainDevV1alpha1TenantStatus`.
    func operationID(_ action: String, suffix: String, allNamespaces: Bool) -> String {
        let groupWords: [Substring]
        if resource.group.isEmpty {
            groupWords = ["core"]
        } else if resource.group.hasSuffix(".k8s.io") {
            groupWords = resource.group.dropLast(".k8s.io".count).split(separator: ".")
        } else {
            groupWords = resource.group.split(separator: ".")
        }
        let group = groupWords.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let version = resource.version.prefix(1).uppercased() + resource.version.dropFirst()
        let scope = resource.namespaced && !allNamespaces ? "Namespaced" : ""
        let all = allNamespaces ? "ForAllNamespaces" : ""
        return action + group + version + scope + resource.kind + suffix + all
    }

    /// The tag grouping operations (`core_v1`, `platformContainDev_v1alpha1`).
    var tag: String {
        if resource.group.isEmpty { return "core_\(resource.version)" }
        let words = resource.group.split(separator: ".")
        let first = words.first.map(String.init) ?? resource.group
        let rest = words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return first + rest + "_" + resource.version
    }

    func operation(_ action: String, verb: String, response: JSONValue, body: JSONValue? = nil,
                   query: [JSONValue] = [], suffix: String = "", allNamespaces: Bool = false) -> JSONValue {
        let target = suffix.isEmpty ? resource.kind : "\(suffix.lowercased()) of the \(resource.kind)"
        var operation = JSONObject()
        operation["tags"] = [.string(tag)]
        operation["description"] = .string("\(action) \(verb == "list" || verb == "deletecollection" ? "a collection of " : "the specified ")\(target)")
        operation["operationId"] = .string(operationID(action, suffix: suffix, allNamespaces: allNamespaces))
        if !query.isEmpty { operation["parameters"] = .array(query) }
        if let body { operation["requestBody"] = body }
        var content = JSONObject()
        for type in ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"] {
            content[type] = ["schema": response]
        }
        var responses = JSONObject()
        responses["200"] = ["description": "OK", "content": .object(content)]
        if verb == "create" {
            responses["201"] = ["description": "Created", "content": .object(content)]
            responses["202"] = ["description": "Accepted", "content": .object(content)]
        } else if verb == "put" || verb == "patch" {
            responses["201"] = ["description": "Created", "content": .object(content)]
        } else if verb == "delete" {
            responses["202"] = ["description": "Accepted", "content": .object(content)]
        }
        responses["401"] = ["description": "Unauthorized"]
        operation["responses"] = .object(responses)
        operation["x-kubernetes-action"] = .string(verb)
        operation["x-kubernetes-group-version-kind"] = groupVersionKind
        return .object(operation)
    }

    /// `name` (for item paths), `namespace` (for namespaced kinds) and `pretty`.
    func scopeParameters(name: Bool) -> [JSONValue] {
        var parameters: [JSONValue] = []
        if name {
            parameters.append(Self.pathParameter("name", "name of the \(resource.kind)"))
        }
        if resource.namespaced {
            parameters.append(Self.pathParameter("namespace", "object name and auth scope, such as for teams and projects"))
        }
        parameters.append(Self.prettyParameter)
        return parameters
    }

    static func pathParameter(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description),
         "schema": ["type": "string", "uniqueItems": true]]
    }

    static func query(_ name: String, _ type: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "description": .string(description),
         "schema": ["type": .string(type), "uniqueItems": true]]
    }

    static let prettyParameter = query("pretty", "string", "If 'true', then the output is pretty printed.")

    static let dryRun = query("dryRun", "string",
        "When present, indicates that modifications should not be persisted. Valid value: All.")
    static let fieldManager = query("fieldManager", "string",
        "fieldManager is a name associated with the actor or entity that is making these changes.")
    static let fieldValidation = query("fieldValidation", "string",
        "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.")

    static let writeParameters = [dryRun, fieldManager, fieldValidation]
    static let patchParameters = writeParameters + [
        query("force", "boolean",
              "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Must be unset for non-apply patch requests."),
    ]
    static let deleteParameters = [
        dryRun,
        query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted."),
        query("propagationPolicy", "string",
              "Whether and how garbage collection will be performed: Orphan, Background or Foreground."),
    ]
    static let listParameters = [
        query("allowWatchBookmarks", "boolean", "Requests watch events with type \"BOOKMARK\"."),
        query("continue", "string", "The continue token from a previous paginated list."),
        query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields."),
        query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels."),
        query("limit", "integer", "The maximum number of responses to return for a list call."),
        query("resourceVersion", "string", "Constrains which resource versions the request may be served from."),
        query("resourceVersionMatch", "string", "Determines how resourceVersion is applied to list calls."),
        query("timeoutSeconds", "integer", "Timeout for the list/watch call."),
        query("watch", "boolean", "Watch for changes to the described resources."),
    ]
}
