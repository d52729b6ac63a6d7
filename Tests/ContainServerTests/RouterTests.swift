import ContainModel
import ContainStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ContainServer

/// HTTP-level behaviour through the router, against a SQLite store in a fresh directory.
@Suite("API through the router")
struct RouterTests {
    static let tenantsPath = "/apis/platform.contain.dev/v1alpha1/tenants"

    static func makeApp() async throws -> some ApplicationProtocol {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-router-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("contain.db").path)
        try await ContainAPIService.bootstrap(store)
        return Application(responder: APIServer(store: store, bookmarkInterval: 0.2))
    }

    static let tenantJSON = """
        {"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"web","labels":{"team":"web"}},
         "spec":{"owners":[{"kind":"Group","name":"web-admins"}],"clusters":["dev"],"namespaces":[{"name":"web"}],
                 "isolation":{"tier":"namespace","runtime":"runc","podSecurity":"restricted"}}}
        """

    /// The body as JSON; `null` when it is not JSON (which the assertions then report).
    static func json(_ response: TestResponse) -> JSONValue {
        (try? JSONReader.value(String(buffer: response.body))) ?? .null
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    @Test func versionAndHealth() async throws {
        try await Self.makeApp().test(.router) { client in
            try await client.execute(uri: "/version", method: .get) { response in
                #expect(response.status == .ok)
                let version = Self.json(response)
                #expect(version["gitVersion"]?.stringValue?.hasPrefix("v1.32.0") == true)
                #expect(version["major"] == "1")
            }
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func metricsCountRequestsByVerbResourceAndCode() async throws {
        try await Self.makeApp().test(.router) { client in
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: Self.tenantJSON)) { #expect($0.status == .created) }
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: Self.tenantJSON)) { #expect($0.status == .conflict) }
            try await client.execute(uri: Self.tenantsPath, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.tenantsPath + "/nosuch", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                let tenants = #"group="platform.contain.dev",resource="tenants",subresource="""#
                #expect(text.contains(#"apiserver_request_total{verb="POST",\#(tenants),code="201"} 1"#))
                #expect(text.contains(#"apiserver_request_total{verb="POST",\#(tenants),code="409"} 1"#))
                #expect(text.contains(#"apiserver_request_total{verb="LIST",\#(tenants),code="200"} 1"#))
                #expect(text.contains(#"apiserver_request_total{verb="GET",\#(tenants),code="200"} 1"#))
                #expect(text.contains(#"apiserver_request_total{verb="GET",\#(tenants),code="404"} 1"#))
                #expect(text.contains(#"apiserver_request_duration_seconds_count{verb="POST",\#(tenants)} 2"#))
                #expect(text.contains(#"apiserver_request_duration_seconds_bucket{verb="POST",\#(tenants),le="+Inf"} 2"#))
                // Three namespaces are created at start-up, then one tenant.
                #expect(text.contains("contain_store_revision 4\n"))
                #expect(text.contains("contain_watches 0\n"))
            }
        }
    }

    @Test func aggregatedAndLegacyDiscovery() async throws {
        try await Self.makeApp().test(.router) { client in
            let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
            try await client.execute(uri: "/apis", method: .get, headers: [.accept: accept]) { response in
                #expect(response.headers[.contentType] == Discovery.aggregatedContentType)
                let list = Self.json(response)
                let platform = list["items"]?.arrayValue?.first { $0["metadata"]?["name"] == "platform.contain.dev" }
                let tenants = platform?["versions"]?.arrayValue?.first?["resources"]?.arrayValue?.first { $0["resource"] == "tenants" }
                #expect(tenants?["scope"] == "Cluster")
                #expect(tenants?["shortNames"] == ["tnt"])
                #expect(tenants?["responseKind"]?["kind"] == "Tenant")
                #expect(tenants?["subresources"]?.arrayValue?.first?["subresource"] == "status")
            }
            try await client.execute(uri: "/api", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.json(response)["versions"] == ["v1"])
            }
            try await client.execute(uri: "/api/v1", method: .get) { response in
                let names = Self.json(response)["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                #expect(names.contains("namespaces"))
                #expect(names.contains("configmaps"))
            }
            try await client.execute(uri: "/openapi/v3", method: .get) { response in
                let url = Self.json(response)["paths"]?["apis/platform.contain.dev/v1alpha1"]?["serverRelativeURL"]?.stringValue
                #expect(url?.hasPrefix("/openapi/v3/apis/platform.contain.dev/v1alpha1?hash=") == true)
            }
            try await client.execute(uri: "/openapi/v3/apis/platform.contain.dev/v1alpha1", method: .get) { response in
                let document = Self.json(response)
                let patch = document["paths"]?["/apis/platform.contain.dev/v1alpha1/tenants/{name}"]?["patch"]
                #expect(patch?["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
                #expect(patch?["requestBody"]?["content"]?["application/strategic-merge-patch+json"] == nil)
            }
            try await client.execute(uri: "/openapi/v3/apis/coordination.k8s.io/v1", method: .get) { response in
                #expect(Self.json(response)["paths"]?["/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}"] != nil)
            }
            try await client.execute(uri: "/apis/nope/v1/things", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.json(response)["kind"] == "Status")
            }
        }
    }

    @Test func createGetListConflictAndErrors() async throws {
        try await Self.makeApp().test(.router) { client in
            let created = try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders,
                                                   body: ByteBuffer(string: Self.tenantJSON)) { response in
                #expect(response.status == .created)
                return Self.json(response)
            }
            #expect(created["metadata"]?["generation"] == .integer(1))
            #expect(created["metadata"]?["uid"]?.stringValue?.isEmpty == false)
            let rv = try #require(created["metadata"]?["resourceVersion"]?.stringValue)
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: Self.tenantJSON)) { response in
                #expect(response.status == .conflict)
                #expect(Self.json(response)["reason"] == "AlreadyExists")
            }
            try await client.execute(uri: Self.tenantsPath + "/nosuch", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.json(response)["message"] == #"tenants.platform.contain.dev "nosuch" not found"#)
            }
            try await client.execute(uri: Self.tenantsPath + "?labelSelector=team%3Dweb", method: .get) { response in
                #expect(Self.json(response)["items"]?.arrayValue?.count == 1)
                #expect(Self.json(response)["kind"] == "TenantList")
            }
            try await client.execute(uri: Self.tenantsPath + "?labelSelector=team%21%3Dweb", method: .get) { response in
                #expect(Self.json(response)["items"]?.arrayValue?.count == 0)
            }
            try await client.execute(uri: Self.tenantsPath + "?fieldSelector=spec.x%3D1", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(Self.json(response)["message"] == "field label not supported: spec.x")
            }
            let tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
            try await client.execute(uri: Self.tenantsPath, method: .get, headers: [.accept: tableAccept]) { response in
                let table = Self.json(response)
                #expect(table["kind"] == "Table")
                #expect(table["rows"]?.arrayValue?.first?["cells"]?.arrayValue?.prefix(3).map { $0 } == ["web", "namespace", "runc"])
            }
            // PUT with a stale resourceVersion conflicts; without one is Invalid.
            var stale = try #require(created.objectValue)
            stale["metadata"]?["resourceVersion"] = .string(String((Int64(rv) ?? 0) + 100))
            try await client.execute(uri: Self.tenantsPath + "/web", method: .put, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: JSONWriter.compact(.object(stale)))) { response in
                #expect(response.status == .conflict)
                #expect(Self.json(response)["reason"] == "Conflict")
            }
            stale["metadata"]?["resourceVersion"] = nil
            try await client.execute(uri: Self.tenantsPath + "/web", method: .put, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: JSONWriter.compact(.object(stale)))) { response in
                #expect(response.status == .unprocessableContent)
            }
            // Unknown fields: Strict rejects, Ignore drops.
            let unknown = Self.tenantJSON.replacingOccurrences(of: "\"name\":\"web\",", with: "\"name\":\"web2\",")
                .replacingOccurrences(of: "\"clusters\":[\"dev\"]", with: "\"clusters\":[\"dev\"],\"foo\":1")
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: unknown)) { response in
                #expect(response.status == .badRequest)
                #expect(Self.json(response)["message"] == #"strict decoding error: unknown field "spec.foo""#)
            }
            try await client.execute(uri: Self.tenantsPath + "?fieldValidation=Warn", method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: unknown)) { response in
                #expect(response.status == .created)
                #expect(response.headers[values: HTTPResponses.warningName].first?.contains("unknown field") == true)
                #expect(Self.json(response)["spec"]?["foo"] == nil)
            }
            // Invalid objects get 422 with causes.
            let invalid = #"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"Bad_Name"},"spec":{}}"#
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: invalid)) { response in
                #expect(response.status == .unprocessableContent)
                let status = Self.json(response)
                #expect(status["reason"] == "Invalid")
                #expect(status["details"]?["causes"]?.arrayValue?.isEmpty == false)
            }
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: "{nope")) { response in
                #expect(response.status == .badRequest)
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: " "), count: APIServer.maximumBodySize + 10)
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func patchesStatusAndFinalizers() async throws {
        try await Self.makeApp().test(.router) { client in
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: Self.tenantJSON)) {
                #expect($0.status == .created)
            }
            let merge: HTTPFields = [.contentType: "application/merge-patch+json"]
            try await client.execute(uri: Self.tenantsPath + "/web", method: .patch, headers: merge,
                                     body: ByteBuffer(string: #"{"metadata":{"finalizers":["contain.dev/test"]},"spec":{"displayName":"Web"}}"#)) { response in
                #expect(response.status == .ok)
                let object = Self.json(response)
                #expect(object["spec"]?["displayName"] == "Web")
                #expect(object["metadata"]?["generation"] == .integer(2))
            }
            try await client.execute(uri: Self.tenantsPath + "/nosuch", method: .patch, headers: merge, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .patch, headers: merge,
                                     body: ByteBuffer(string: #"{"metadata":{"resourceVersion":"1"}}"#)) {
                #expect($0.status == .conflict)
            }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .patch,
                                     headers: [.contentType: "application/strategic-merge-patch+json"], body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            let jsonPatch: HTTPFields = [.contentType: "application/json-patch+json"]
            try await client.execute(uri: Self.tenantsPath + "/web", method: .patch, headers: jsonPatch,
                                     body: ByteBuffer(string: #"[{"op":"replace","path":"/spec/displayName","value":"W"}]"#)) { response in
                #expect(Self.json(response)["spec"]?["displayName"] == "W")
            }
            try await client.execute(uri: Self.tenantsPath + "/web/status", method: .patch, headers: merge,
                                     body: ByteBuffer(string: #"{"status":{"observedGeneration":3},"spec":{"displayName":"ignored"}}"#)) { response in
                let object = Self.json(response)
                #expect(object["status"]?["observedGeneration"] == .integer(3))
                #expect(object["spec"]?["displayName"] == "W")
            }
            // Delete with a finalizer keeps the object with a deletionTimestamp.
            try await client.execute(uri: Self.tenantsPath + "/web", method: .delete) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response)["metadata"]?["deletionTimestamp"] != nil)
            }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .patch, headers: merge,
                                     body: ByteBuffer(string: #"{"metadata":{"finalizers":null}}"#)) { #expect($0.status == .ok) }
            try await client.execute(uri: Self.tenantsPath + "/web", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func namespaceDeleteCascades() async throws {
        try await Self.makeApp().test(.router) { client in
            try await client.execute(uri: "/api/v1/namespaces", method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}"#)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/v1/namespaces/team/configmaps", method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"b"}}"#)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/api/v1/namespaces/missing/configmaps", method: .post, headers: Self.jsonHeaders,
                                     body: ByteBuffer(string: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}"#)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/configmaps", method: .get) { response in
                #expect(Self.json(response)["items"]?.arrayValue?.count == 1)
            }
            try await client.execute(uri: "/api/v1/namespaces/team", method: .delete) { response in
                #expect(Self.json(response)["status"] == "Success")
            }
            try await client.execute(uri: "/api/v1/namespaces/team/configmaps/c", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func paginationFollowsContinueTokens() async throws {
        try await Self.makeApp().test(.router) { client in
            for name in ["a", "b", "c"] {
                try await client.execute(uri: "/api/v1/namespaces/default/configmaps", method: .post, headers: Self.jsonHeaders,
                                         body: ByteBuffer(string: #"{"metadata":{"name":"\#(name)"}}"#)) { #expect($0.status == .created) }
            }
            let first = try await client.execute(uri: "/api/v1/namespaces/default/configmaps?limit=2", method: .get) { Self.json($0) }
            #expect(first["items"]?.arrayValue?.count == 2)
            let token = try #require(first["metadata"]?["continue"]?.stringValue)
            let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
            let second = try await client.execute(uri: "/api/v1/namespaces/default/configmaps?limit=2&continue=\(encoded)", method: .get) {
                Self.json($0)
            }
            #expect(second["items"]?.arrayValue?.map { $0["metadata"]?["name"] } == ["c"])
            #expect(second["metadata"]?["continue"] == nil)
        }
    }

    @Test func watchStreamsSyntheticAddsAndBookmarks() async throws {
        try await Self.makeApp().test(.router) { client in
            try await client.execute(uri: Self.tenantsPath, method: .post, headers: Self.jsonHeaders, body: ByteBuffer(string: Self.tenantJSON)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: Self.tenantsPath + "?watch=true&timeoutSeconds=1&allowWatchBookmarks=true", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                let first = try JSONReader.value(String(lines[0]))
                #expect(first["type"] == "ADDED")
                #expect(first["object"]?["metadata"]?["name"] == "web")
                #expect(lines.contains { $0.contains("\"BOOKMARK\"") })
            }
            let tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
            try await client.execute(uri: Self.tenantsPath + "?watch=1&timeoutSeconds=1&fieldSelector=metadata.name%3Dweb",
                                     method: .get, headers: [.accept: tableAccept]) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == 1)
                let event = try JSONReader.value(String(lines[0]))
                #expect(event["object"]?["kind"] == "Table")
                #expect(event["object"]?["columnDefinitions"]?.arrayValue?.isEmpty == false)
            }
            try await client.execute(uri: Self.tenantsPath + "?watch=1&timeoutSeconds=1&fieldSelector=metadata.name%3Dother", method: .get) { response in
                #expect(String(buffer: response.body).isEmpty)
            }
        }
    }
}
