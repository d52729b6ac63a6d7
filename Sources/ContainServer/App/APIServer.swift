import ContainModel
import ContainStore
import Foundation
import Hummingbird

/// The Kubernetes-style HTTP API: routes every request by its path (`APIPath`) and method to
/// discovery, OpenAPI, or the resource handlers, and renders every failure as a `Status`.
public struct APIServer: HTTPResponder, Sendable {
    public typealias Context = ContainRequestContext

    /// Bodies above 3 MiB get 413, as kube-apiserver's limit.
    public static let maximumBodySize = 3 * 1024 * 1024

    public let store: any ObjectStore
    public let registry: ResourceRegistry
    /// `host:port` clients reach the server at, for legacy discovery.
    public let serverAddress: String
    /// Seconds between watch bookmarks when `allowWatchBookmarks=true`.
    public let bookmarkInterval: Double
    private(set) var openAPI: OpenAPIDocuments
    /// Request counts and latencies, served at `/metrics`.
    public let metrics: APIMetrics
    /// Pod Security and the tenants' guardrails, run on every create and update.
    public let admission: APIAdmission
    /// Create-only resources served in front of this server (the access reviews, when requests
    /// are authorised), listed in discovery with the registry's.
    public private(set) var createOnlyResources: [ResourceType] = []

    public init(store: any ObjectStore, registry: ResourceRegistry = .standard, serverAddress: String = "127.0.0.1:6443",
                bookmarkInterval: Double = 10, admission: APIAdmission? = nil) {
        self.store = store
        self.registry = registry
        self.serverAddress = serverAddress
        self.bookmarkInterval = bookmarkInterval
        self.openAPI = OpenAPIDocuments(registry: registry)
        self.metrics = APIMetrics()
        self.admission = admission ?? APIAdmission(store: store)
    }

    /// This server with `resources` listed in discovery and OpenAPI as create-only.
    public func listing(createOnly resources: [ResourceType]) -> APIServer {
        var copy = self
        copy.createOnlyResources = resources
        copy.openAPI = openAPI.adding(createOnly: resources)
        return copy
    }

    var discovery: Discovery { Discovery(registry: registry, createOnly: createOnlyResources) }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        // Path and query are parsed once, for routing and for the metric labels alike.
        let apiPath = APIPath(request.uri.path)
        let query = QueryParameters(request.uri.query)
        let response: Response
        do {
            response = try await route(request, apiPath, query)
        } catch let error as APIError {
            response = HTTPResponses.error(error)
        } catch let error as StoreError {
            response = HTTPResponses.error(Self.apiError(error))
        } catch {
            response = HTTPResponses.error(.internalError(String(describing: error)))
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        await metrics.record(Self.metricLabels(request.method, apiPath, query), code: response.status.code, seconds: seconds)
        return response
    }

    /// The verb and resource a request is counted under, as kube-apiserver names them.
    static func metricLabels(_ method: HTTPRequest.Method, _ apiPath: APIPath?, _ query: QueryParameters) -> APIMetrics.Labels {
        guard case .resource(let path)? = apiPath else {
            return APIMetrics.Labels(verb: method.rawValue, group: "", resource: "", subresource: "")
        }
        let verb: String
        switch (method, path.name) {
        case (.get, nil): verb = query.flag("watch") ? "WATCH" : "LIST"
        case (.get, _): verb = "GET"
        case (.post, _): verb = "POST"
        case (.put, _): verb = "PUT"
        case (.patch, _): verb = "PATCH"
        case (.delete, nil): verb = "DELETECOLLECTION"
        case (.delete, _): verb = "DELETE"
        default: verb = method.rawValue
        }
        return APIMetrics.Labels(verb: verb, group: path.group, resource: path.plural, subresource: path.subresource ?? "")
    }

    static func apiError(_ error: StoreError) -> APIError {
        switch error {
        case .expired(let requested, let oldest):
            .expired("The resourceVersion for the provided watch is too old. (requested \(requested), oldest available \(oldest))")
        case .invalidContinueToken:
            .badRequest("The provided continue parameter is invalid.")
        case .backend(let message):
            .internalError(message)
        }
    }

    func route(_ request: Request, _ parsedPath: APIPath?, _ query: QueryParameters) async throws -> Response {
        let path = request.uri.path
        guard let apiPath = parsedPath else { throw APIError.pathNotFound(path) }
        let method = request.method
        if case .resource(let resourcePath) = apiPath {
            return try await handleResource(request, resourcePath, query)
        }
        guard method == .get || method == .head else { throw APIError.methodNotAllowed(method.rawValue, path) }
        let accept = request.headers[.accept] ?? ""
        switch apiPath {
        case .version:
            return HTTPResponses.json(VersionInfo.current)
        case .health:
            return HTTPResponses.json("ok", contentType: "text/plain; charset=utf-8")
        case .coreGroup, .groups:
            let core = apiPath == .coreGroup
            if Discovery.wantsAggregated(accept) {
                return HTTPResponses.json(discovery.aggregated(core: core),
                                          contentType: Discovery.aggregatedContentType)
            }
            return HTTPResponses.json(core ? discovery.apiVersions(serverAddress: serverAddress)
                                           : discovery.groupList())
        case .group(let group):
            guard let value = discovery.group(group) else { throw APIError.pathNotFound(path) }
            return HTTPResponses.json(value)
        case .groupVersion(let group, let version):
            guard let value = discovery.resourceList(group: group, version: version) else {
                throw APIError.pathNotFound(path)
            }
            return HTTPResponses.json(value)
        case .openAPIIndex:
            return HTTPResponses.json(openAPI.index())
        case .openAPIDocument(let group, let version):
            guard let document = openAPI.document(group: group, version: version) else { throw APIError.pathNotFound(path) }
            return HTTPResponses.json(document)
        case .metrics:
            let revision = try? await store.currentRevision()
            let watches = (store as? any WatchCounting)?.activeWatchCount
            let text: String = await metrics.render(storeRevision: revision, openWatches: watches)
            return HTTPResponses.json(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
        case .resource:
            throw APIError.pathNotFound(path)
        }
    }

    /// A list of `path`'s collection holding only the objects whose name `visible` accepts, or
    /// nil when it accepts none of them (the caller then refuses the list).
    func visibleList(_ request: Request, _ path: ResourcePath, visible: @escaping @Sendable (String) -> Bool) async throws -> Response? {
        guard let resource = registry.resource(group: path.group, version: path.version, plural: path.plural),
              path.name == nil, path.subresource == nil
        else { return nil }
        let any = try await store.list(ListRequest(resource: resource.key, limit: 1, filter: { visible($0.key.name) }))
        guard !any.items.isEmpty else { return nil }
        let query = QueryParameters(request.uri.query)
        let handlers = ResourceHandlers(server: self, resource: resource, path: path, query: query,
                                        accept: request.headers[.accept] ?? "", userAgent: request.headers[.userAgent] ?? "")
        return try await handlers.list(visible: visible)
    }

    func handleResource(_ request: Request, _ path: ResourcePath, _ query: QueryParameters) async throws -> Response {
        guard let resource = registry.resource(group: path.group, version: path.version, plural: path.plural) else {
            throw APIError.pathNotFound(request.uri.path)
        }
        if !resource.type.namespaced && path.namespace != nil { throw APIError.pathNotFound(request.uri.path) }
        if let subresource = path.subresource, !(subresource == "status" && resource.hasStatusSubresource) {
            throw APIError.pathNotFound(request.uri.path)
        }
        let handlers = ResourceHandlers(server: self, resource: resource, path: path, query: query,
                                        accept: request.headers[.accept] ?? "", userAgent: request.headers[.userAgent] ?? "")
        let response = try await handle(request, path, handlers)
        if request.method != .get, APIAdmission.dependencies.contains(resource.key), (200..<300).contains(Int(response.status.code)) {
            admission.invalidate()
        }
        return response
    }

    private func handle(_ request: Request, _ path: ResourcePath, _ handlers: ResourceHandlers) async throws -> Response {
        let resource = handlers.resource
        switch (request.method, path.name) {
        case (.get, nil):
            if handlers.query.flag("watch") { return try await handlers.watch() }
            return try await handlers.list()
        case (.get, let name?):
            return try await handlers.get(name)
        case (.post, nil):
            return try await handlers.create(try await Self.body(request))
        case (.put, let name?):
            return try await handlers.update(name, body: try await Self.body(request))
        case (.patch, let name?):
            return try await handlers.patch(name, body: try await Self.rawBody(request),
                                            contentType: request.headers[.contentType] ?? "")
        case (.delete, let name?):
            return try await handlers.delete(name, body: try await Self.rawBody(request))
        case (.delete, nil):
            return try await handlers.deleteCollection(body: try await Self.rawBody(request))
        default:
            throw APIError.methodNotAllowed(request.method.rawValue, resource.qualifiedName)
        }
    }

    /// The request body as bytes; 413 above the limit.
    static func rawBytes(_ request: Request) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: maximumBodySize)
            return Array(buffer.readableBytesView)
        } catch {
            throw APIError.tooLarge(limit: maximumBodySize)
        }
    }

    /// The request body as text; 413 above the limit.
    static func rawBody(_ request: Request) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodySize)
        } catch {
            throw APIError.tooLarge(limit: maximumBodySize)
        }
        return String(buffer: buffer)
    }

    /// The request body as a JSON (or YAML) object.
    static func body(_ request: Request) async throws -> JSONObject {
        let contentType = request.headers[.contentType] ?? "application/json"
        if contentType.contains(KubernetesProtobuf.contentType) {
            let bytes = try await rawBytes(request)
            do {
                return try KubernetesProtobuf.decode(bytes)
            } catch where error.message.hasPrefix("protobuf bodies of") {
                throw APIError.unsupportedMediaType(contentType + " (\(error.message))", supported: ["application/json", "application/yaml"])
            } catch {
                throw APIError.badRequest("the protobuf body of the request could not be decoded: \(error.message)")
            }
        }
        let text = try await rawBody(request)
        return try parseObject(text, yaml: contentType.contains("yaml"))
    }

    /// Parses a body that must be one JSON object.
    static func parseObject(_ text: String, yaml: Bool = false) throws -> JSONObject {
        let value: JSONValue
        do {
            value = yaml ? try YAMLReader.value(text) : try JSONReader.value(text)
        } catch {
            throw APIError.badRequest("the body of the request could not be decoded: \(error)")
        }
        guard case .object(let object) = value else {
            throw APIError.badRequest("the body of the request must be an object, got \(value.typeName)")
        }
        return object
    }
}
