/// Builds the OpenAPI v3 documents an API server serves at `/openapi/v3/api/v1` and
/// `/openapi/v3/apis/<group>/<version>`, and the `/openapi/v3` index pointing at them, from the
/// kinds' Swift types. Pure: build one at start-up and serve its output.
///
/// Each document has the REST paths of its kinds (collection, item, `/status`; namespaced kinds
/// also under `/namespaces/{namespace}/`) with `x-kubernetes-action` and
/// `x-kubernetes-group-version-kind` on every operation, and `components.schemas` with the kinds,
/// their lists and every schema they reference — what `kubectl apply` and `kubectl explain` read.
public struct OpenAPIDocumentBuilder: Sendable {
    /// The component schemas of every registered kind.
    public let catalog: OpenAPISchemaCatalog
    private let kinds: [any KubeObject.Type]
    /// `metav1.Status`, `Patch` and friends, which operations reference.
    private let operationSchemas: [String: OpenAPISchema]

    /// A builder for the kinds of `registry`.
    public init(registry: KindRegistry = .standard) {
        self.init(kinds: registry.allTypes)
    }

    /// A builder for these kinds.
    public init(kinds: [any KubeObject.Type]) {
        self.kinds = kinds
        catalog = OpenAPISchemaCatalog(kinds: kinds)
        var extra = OpenAPISchemaCatalog.derive(Status.self).components
        extra[Self.metaPrefix + "Patch"] = OpenAPISchema(
            type: .object,
            description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.")
        operationSchemas = extra
    }

    static let metaPrefix = "io.k8s.apimachinery.pkg.apis.meta.v1."

    /// The API versions with documents (`v1`, `apps/v1`, `platform.contain.dev/v1alpha1`), sorted.
    public var apiVersions: [String] {
        Array(Set(kinds.map { $0.resourceType.apiVersion })).sorted()
    }

    /// The path of a group-version's document below `/openapi/v3/`: `api/v1` or `apis/<group>/<version>`.
    public static func documentPath(group: String, version: String) -> String {
        group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
    }

    /// The document for an API version (`v1`, `platform.contain.dev/v1alpha1`), or nil when no
    /// registered kind has it.
    public func document(apiVersion: String) -> JSONValue? {
        let members = kinds.filter { $0.resourceType.apiVersion == apiVersion }
        guard let first = members.first else { return nil }
        return document(group: first.resourceType.group, version: first.resourceType.version, kinds: members)
    }

    /// The `/openapi/v3` index: for each group-version, its document's URL with `?hash=`.
    public func index() -> JSONValue {
        var paths = JSONObject()
        for apiVersion in apiVersions {
            guard let document = document(apiVersion: apiVersion),
                let kind = kinds.first(where: { $0.resourceType.apiVersion == apiVersion })
            else { continue }
            let path = Self.documentPath(group: kind.resourceType.group, version: kind.resourceType.version)
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(Self.hash(of: document))")]
        }
        return ["paths": .object(paths)]
    }

    /// A stable hash of a document for `?hash=` and ETags: FNV-1a 64 of its canonical compact JSON
    /// (object members sorted by name), as 16 upper-case hex digits.
    public static func hash(of document: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in JSONWriter.compact(canonical(document)).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The value with every object's members sorted by name.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { ($0.key, canonical($0.value)) }))
        case .array(let array):
            return .array(array.map(canonical))
        default:
            return value
        }
    }

    /// The document for one group-version and its kinds. Kinds the builder was not made with are
    /// derived on the spot.
    public func document(group: String, version: String, kinds members: [any KubeObject.Type]) -> JSONValue {
        let known = Set(kinds.map { ObjectIdentifier($0) })
        let catalog = members.allSatisfy { known.contains(ObjectIdentifier($0)) }
            ? self.catalog
            : OpenAPISchemaCatalog(kinds: kinds + members.filter { !known.contains(ObjectIdentifier($0)) })
        let sorted = members.sorted { $0.resourceType.kind < $1.resourceType.kind }
        var paths = JSONObject()
        var roots: [String] = []
        for kind in sorted {
            let resource = kind.resourceType
            roots.append(OpenAPISchemaCatalog.componentName(for: resource))
            roots.append(OpenAPISchemaCatalog.listComponentName(for: resource))
            let hasStatus = catalog.schema(for: kind)?.property("status") != nil
            for (path, item) in Self.paths(for: resource, hasStatus: hasStatus) { paths[path] = item }
        }
        var schemas = JSONObject()
        var all = operationSchemas
        for name in catalog.reachableComponents(from: roots) { all[name] = catalog.schemas[name] }
        for name in all.keys.sorted() { if let schema = all[name] { schemas[name] = schema.jsonValue() } }
        let title = group.isEmpty ? "Kubernetes core \(version)" : "\(group)/\(version)"
        return [
            "openapi": "3.0.0",
            "info": ["title": .string("Contain API: \(title)"), "version": .string(ContainVersion.current)],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "securitySchemes": ["BearerToken": [
                    "type": "apiKey", "in": "header", "name": "authorization",
                    "description": "Bearer Token authentication",
                ]],
            ],
            "security": [["BearerToken": []]],
        ]
    }

    // MARK: - Paths

    /// The REST paths of one kind, in the order upstream lists them.
    static func paths(for resource: ResourceType, hasStatus: Bool) -> [(String, JSONValue)] {
        let base = resource.group.isEmpty ? "/api/\(resource.version)" : "/apis/\(resource.group)/\(resource.version)"
        let scope = resource.namespaced ? "\(base)/namespaces/{namespace}" : base
        let collection = "\(scope)/\(resource.plural)"
        let item = "\(collection)/{name}"
        let builder = OpenAPIOperationBuilder(resource: resource)
        var result: [(String, JSONValue)] = []

        var collectionItem = JSONObject()
        collectionItem["get"] = builder.operation("list", verb: "list", response: builder.listRef,
                                                  query: OpenAPIOperationBuilder.listParameters)
        collectionItem["post"] = builder.operation("create", verb: "create", response: builder.kindRef,
                                                   body: builder.kindBody, query: OpenAPIOperationBuilder.writeParameters)
        collectionItem["delete"] = builder.operation("deletecollection", verb: "deletecollection",
                                                     response: builder.statusRef, query: OpenAPIOperationBuilder.listParameters)
        collectionItem["parameters"] = .array(builder.scopeParameters(name: false))
        result.append((collection, .object(collectionItem)))

        var itemObject = JSONObject()
        itemObject["get"] = builder.operation("read", verb: "get", response: builder.kindRef)
        itemObject["put"] = builder.operation("replace", verb: "put", response: builder.kindRef, body: builder.kindBody,
                                              query: OpenAPIOperationBuilder.writeParameters)
        itemObject["delete"] = builder.operation("delete", verb: "delete", response: builder.statusRef,
                                                 query: OpenAPIOperationBuilder.deleteParameters)
        itemObject["patch"] = builder.operation("patch", verb: "patch", response: builder.kindRef,
                                                body: builder.patchBody, query: OpenAPIOperationBuilder.patchParameters)
        itemObject["parameters"] = .array(builder.scopeParameters(name: true))
        result.append((item, .object(itemObject)))

        if hasStatus {
            var status = JSONObject()
            status["get"] = builder.operation("read", verb: "get", response: builder.kindRef, suffix: "Status")
            status["put"] = builder.operation("replace", verb: "put", response: builder.kindRef, body: builder.kindBody,
                                              query: OpenAPIOperationBuilder.writeParameters, suffix: "Status")
            status["patch"] = builder.operation("patch", verb: "patch", response: builder.kindRef, body: builder.patchBody,
                                                query: OpenAPIOperationBuilder.patchParameters, suffix: "Status")
            status["parameters"] = .array(builder.scopeParameters(name: true))
            result.append(("\(item)/status", .object(status)))
        }

        if resource.namespaced {
            var all = JSONObject()
            all["get"] = builder.operation("list", verb: "list", response: builder.listRef,
                                           query: OpenAPIOperationBuilder.listParameters, allNamespaces: true)
            all["parameters"] = .array([OpenAPIOperationBuilder.prettyParameter])
            result.append(("\(base)/\(resource.plural)", .object(all)))
        }
        return result
    }
}
