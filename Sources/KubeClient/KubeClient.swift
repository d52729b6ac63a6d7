import AsyncHTTPClient
import ContainModel
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A Kubernetes API client over AsyncHTTPClient: unstructured (``JSONObject``) and typed
/// (``KubeObject``) get, list, create, update, patch, server-side apply, delete and watch,
/// using only the standard protocol, so it works against `contain serve` and kube-apiserver alike.
///
/// Requests that fail without an answer (connection refused or lost), with 429 or with a 5xx
/// are retried with ``Backoff`` up to ``maximumRetries`` times. Call ``shutdown()`` when done.
public final class KubeClient: Sendable {
    /// Where and how to connect.
    public let configuration: KubeClientConfiguration
    /// Retries of a request that failed with no answer, 429 or 5xx.
    public let maximumRetries: Int
    let backoff: Backoff
    let http: HTTPClient

    /// A client for `configuration`.
    public init(configuration: KubeClientConfiguration, maximumRetries: Int = 5,
                backoff: Backoff = Backoff(initial: .milliseconds(50), maximum: .seconds(2)),
                maximumConnections: Int = 32) throws {
        self.configuration = configuration
        self.maximumRetries = maximumRetries
        self.backoff = backoff
        var http = HTTPClient.Configuration()
        http.timeout = .init(connect: .seconds(5), read: nil)
        http.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnections)
        // Fail fast when the server is away and let this client's own backoff (capped at a few
        // seconds) retry: the pool's built-in reconnect backoff grows to many seconds, which kept
        // watches away for ~20 s after an API server restart.
        http.connectionPool.retryConnectionEstablishment = false
        http.decompression = .disabled
        if configuration.usesTLS { http.tlsConfiguration = try Self.tls(configuration) }
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    /// A client for a kubeconfig file's context (the current one when `context` is `nil`).
    public convenience init(kubeconfigPath: String, context: String? = nil) throws {
        try self.init(configuration: Kubeconfig(contentsOf: kubeconfigPath).configuration(context: context))
    }

    /// Closes connections; the client cannot be used afterwards.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    static func tls(_ configuration: KubeClientConfiguration) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let ca = configuration.certificateAuthorityPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca))
            }
            if let certificate = configuration.clientCertificatePEM, let key = configuration.clientKeyPEM {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(certificate).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            }
        } catch {
            throw KubeconfigError("cannot load TLS material from the kubeconfig: \(error)")
        }
        if configuration.insecureSkipTLSVerify { tls.certificateVerification = .none }
        return tls
    }

    // MARK: Requests

    /// One HTTP exchange; a non-2xx answer throws ``KubeAPIError``.
    func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
              contentType: String = "application/json", timeout: TimeAmount = .seconds(60)) async throws -> [UInt8] {
        var attempt = 0
        while true {
            do {
                let response = try await http.execute(request(method, path, query: query, body: body, contentType: contentType),
                                                       timeout: timeout)
                let bytes = try await response.body.collect(upTo: 256 << 20)
                let data = Array(bytes.readableBytesView)
                guard (200..<300).contains(Int(response.status.code)) else {
                    throw KubeAPIError(code: Int(response.status.code), body: data)
                }
                return data
            } catch {
                let apiError = error as? KubeAPIError ?? .connection(error)
                if Task.isCancelled { throw CancellationError() }
                guard apiError.isRetryable, attempt < maximumRetries else { throw apiError }
                try await Task.sleep(for: backoff.delay(attempt: attempt))
                attempt += 1
            }
        }
    }

    func request(_ method: HTTPMethod, _ path: String, query: [(String, String)], body: [UInt8]?,
                 contentType: String) -> HTTPClientRequest {
        var url = configuration.server + path
        if !query.isEmpty {
            url += "?" + query.map { "\($0.0)=\(Self.escapeQuery($0.1))" }.joined(separator: "&")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let token = configuration.token {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        } else if let basic = configuration.basicAuth {
            let encoded = Data("\(basic.username):\(basic.password)".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(encoded)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        return request
    }

    static func escapeQuery(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;,/?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    static func object(_ bytes: [UInt8]) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.value(String(decoding: bytes, as: UTF8.self)) else {
            throw KubeAPIError(code: 200, reason: "InvalidResponse", message: "the server's answer is not a JSON object")
        }
        return object
    }

    static func bytes(_ object: JSONObject) -> [UInt8] { Array(JSONWriter.compact(.object(object)).utf8) }

    static func name(of object: JSONObject) -> (namespace: String?, name: String) {
        (object["metadata"]?["namespace"]?.stringValue, object["metadata"]?["name"]?.stringValue ?? "")
    }

    // MARK: Unstructured verbs

    /// The object, or throws a 404 ``KubeAPIError``.
    public func get(_ resource: KubeResource, namespace: String? = nil, name: String) async throws -> JSONObject {
        try Self.object(try await send(.GET, resource.path(namespace: namespace, name: name)))
    }

    /// The object, or `nil` when it does not exist.
    public func getIfPresent(_ resource: KubeResource, namespace: String? = nil, name: String) async throws -> JSONObject? {
        do { return try await get(resource, namespace: namespace, name: name) } catch let error as KubeAPIError where error.isNotFound {
            return nil
        }
    }

    /// Every object of a collection (all pages), and the list's resourceVersion to watch from.
    public func list(_ resource: KubeResource, namespace: String? = nil, labelSelector: String? = nil,
                     fieldSelector: String? = nil, pageSize: Int = 500) async throws -> ObjectListResult {
        var items: [JSONObject] = []
        var continueToken: String?
        var resourceVersion = ""
        repeat {
            var query: [(String, String)] = [("limit", String(pageSize))]
            if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
            if let fieldSelector, !fieldSelector.isEmpty { query.append(("fieldSelector", fieldSelector)) }
            if let continueToken { query.append(("continue", continueToken)) }
            let page = try Self.object(try await send(.GET, resource.path(namespace: namespace), query: query))
            for item in page["items"]?.arrayValue ?? [] {
                guard case .object(var object) = item else { continue }
                // List items omit apiVersion and kind in real API servers; restore them.
                if object["apiVersion"] == nil { object["apiVersion"] = .string(resource.apiVersion) }
                if object["kind"] == nil { object["kind"] = .string(resource.kind) }
                items.append(object)
            }
            resourceVersion = page["metadata"]?["resourceVersion"]?.stringValue ?? resourceVersion
            continueToken = page["metadata"]?["continue"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while continueToken != nil
        return ObjectListResult(items: items, resourceVersion: resourceVersion)
    }

    /// Creates `object` (POST); throws 409 AlreadyExists when it exists.
    @discardableResult
    public func create(_ resource: KubeResource, _ object: JSONObject) async throws -> JSONObject {
        let namespace = Self.name(of: object).namespace
        return try Self.object(try await send(.POST, resource.path(namespace: namespace), body: Self.bytes(object)))
    }

    /// Replaces `object` (PUT); with `metadata.resourceVersion` set, a stale write throws 409 Conflict.
    @discardableResult
    public func update(_ resource: KubeResource, _ object: JSONObject, subresource: String? = nil) async throws -> JSONObject {
        let (namespace, name) = Self.name(of: object)
        return try Self.object(try await send(.PUT, resource.path(namespace: namespace, name: name, subresource: subresource),
                                              body: Self.bytes(object)))
    }

    /// Replaces the `status` subresource of `object`.
    @discardableResult
    public func updateStatus(_ resource: KubeResource, _ object: JSONObject) async throws -> JSONObject {
        try await update(resource, object, subresource: "status")
    }

    /// The patch formats of the standard protocol.
    public enum PatchType: String, Sendable {
        case json = "application/json-patch+json"
        case merge = "application/merge-patch+json"
        case strategicMerge = "application/strategic-merge-patch+json"
        case apply = "application/apply-patch+yaml"
    }

    /// Patches an object (PATCH with `type`).
    @discardableResult
    public func patch(_ resource: KubeResource, namespace: String? = nil, name: String, patch: JSONValue,
                      type: PatchType, subresource: String? = nil, fieldManager: String? = nil, force: Bool = false) async throws -> JSONObject {
        var query: [(String, String)] = []
        if let fieldManager { query.append(("fieldManager", fieldManager)) }
        if force { query.append(("force", "true")) }
        return try Self.object(try await send(.PATCH, resource.path(namespace: namespace, name: name, subresource: subresource),
                                              query: query, body: Array(JSONWriter.compact(patch).utf8), contentType: type.rawValue))
    }

    /// Server-side apply of `object` (its fields are the applier's intent) as `fieldManager`;
    /// creates the object when it does not exist.
    @discardableResult
    public func apply(_ resource: KubeResource, _ object: JSONObject, fieldManager: String, force: Bool = true) async throws -> JSONObject {
        let (namespace, name) = Self.name(of: object)
        return try await patch(resource, namespace: namespace, name: name, patch: .object(object), type: .apply,
                               fieldManager: fieldManager, force: force)
    }

    /// Deletes an object; `false` when it did not exist. `resourceVersion` is a precondition.
    @discardableResult
    public func delete(_ resource: KubeResource, namespace: String? = nil, name: String, resourceVersion: String? = nil,
                       propagationPolicy: String? = "Background") async throws -> Bool {
        var options: JSONObject = ["apiVersion": "v1", "kind": "DeleteOptions"]
        if let propagationPolicy { options["propagationPolicy"] = .string(propagationPolicy) }
        if let resourceVersion { options["preconditions"] = ["resourceVersion": .string(resourceVersion)] }
        do {
            _ = try await send(.DELETE, resource.path(namespace: namespace, name: name), body: Self.bytes(options))
            return true
        } catch let error as KubeAPIError where error.isNotFound {
            return false
        }
    }
}

/// The result of a full list: every item and the collection's resourceVersion.
public struct ObjectListResult: Sendable {
    public var items: [JSONObject]
    public var resourceVersion: String
}
