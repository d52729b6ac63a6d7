import ContainModel
import ContainRBAC
import ContainStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ContainServer

/// The guard in front of the API, through the router: tokens, RBAC answers, reviews in JSON and
/// protobuf, limits, and garbage credentials.
@Suite("API security through the router")
struct SecurityRouterTests {
    static let tokens = """
        # token,user,uid,groups
        admin-token,root,1,"system:masters"
        alice-token,alice,2,"team-a,readers"
        bob-token,bob,3

        """

    static func makeApp(rate: Double = 0, watches: Int = 0) async throws -> (some ApplicationProtocol, AuthorizationPolicyCache) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-secrouter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("contain.db").path)
        try await ContainAPIService.bootstrap(store)
        let cache = AuthorizationPolicyCache(store: store)
        let security = APISecurity(
            authenticator: RequestAuthenticator(tokens: try StaticTokenFile(parsing: tokens)), policies: cache,
            rateLimiter: rate > 0 ? UserRateLimiter(ratePerSecond: rate, burst: 2) : nil,
            watchLimiter: watches > 0 ? WatchLimiter(limit: watches) : nil)
        let server = APIServer(store: store, bookmarkInterval: 0.2)
        return (Application(responder: SecureAPIResponder(server: server, security: security)), cache)
    }

    static func bearer(_ token: String, json: Bool = false) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token)"]
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    static func json(_ response: TestResponse) -> JSONValue { (try? JSONReader.value(String(buffer: response.body))) ?? .null }

    @Test func tokenFileFormatErrorsNameTheLine() {
        #expect(throws: StaticTokenFile.Problem.self) { try StaticTokenFile(parsing: "a,b\n", file: "t.csv") }
        do {
            _ = try StaticTokenFile(parsing: "ok,u,1\n\"broken,u,2\n", file: "t.csv")
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).hasPrefix("t.csv:2: "))
        }
        let parsed = try? StaticTokenFile(parsing: Self.tokens)
        #expect(parsed?.user(for: "alice-token")?.groups == ["team-a", "readers"])
        #expect(parsed?.user(for: "bob-token")?.groups == [])
    }

    @Test func noCredentialsIs401AndRBACDecidesTheRest() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/namespaces", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(Self.json(response)["reason"] == "Unauthorized")
            }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: Self.bearer("wrong")) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: Self.bearer("admin-token")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: Self.bearer("alice-token")) { response in
                #expect(response.status == .forbidden)
                #expect(Self.json(response)["message"] == #"namespaces is forbidden: User "alice" cannot list resource "namespaces" in API group "" at the cluster scope"#)
            }
            try await client.execute(uri: "/version", method: .get, headers: Self.bearer("bob-token")) { #expect($0.status == .ok) }
            // Granting through a RoleBinding takes effect on the next request (the cache is invalidated by the write).
            let binding = #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"readers"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"kind":"Group","name":"readers"}]}"#
            try await client.execute(uri: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", method: .post,
                                     headers: Self.bearer("admin-token", json: true), body: ByteBuffer(string: binding)) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: Self.bearer("alice-token")) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/namespaces/default/secrets", method: .get, headers: Self.bearer("alice-token")) { #expect($0.status == .forbidden) }
        }
    }

    @Test func impersonatedServiceAccountsGetTheirServiceAccountGroups() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            /// Whether the admin, impersonating `user` (and `groups`), may read configmaps in "team".
            func mayReadConfigMaps(as user: String, groups: [String] = []) async throws -> Bool {
                var headers = Self.bearer("admin-token", json: true)
                headers[HTTPField.Name("Impersonate-User")!] = user
                for group in groups { headers.append(HTTPField(name: HTTPField.Name("Impersonate-Group")!, value: group)) }
                let review = #"{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"get","resource":"configmaps","namespace":"team"}}}"#
                var allowed = false
                try await client.execute(uri: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", method: .post, headers: headers,
                                         body: ByteBuffer(string: review)) { response in
                    #expect(response.status == .created)
                    allowed = Self.json(response)["status"]?["allowed"] == true
                }
                return allowed
            }
            // Configmap reads in "team" go to that namespace's service-account group only.
            try await client.execute(uri: "/api/v1/namespaces", method: .post, headers: Self.bearer("admin-token", json: true),
                                     body: ByteBuffer(string: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}"#)) { #expect($0.status == .created) }
            let binding = #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"sa-view","namespace":"team"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"system:serviceaccounts:team"}]}"#
            try await client.execute(uri: "/apis/rbac.authorization.k8s.io/v1/namespaces/team/rolebindings", method: .post,
                                     headers: Self.bearer("admin-token", json: true), body: ByteBuffer(string: binding)) { #expect($0.status == .created) }
            #expect(try await mayReadConfigMaps(as: "system:serviceaccount:team:bot"))
            #expect(try await !mayReadConfigMaps(as: "system:serviceaccount:other:bot"))
            // Groups given explicitly replace the service-account ones, as in kube-apiserver.
            #expect(try await !mayReadConfigMaps(as: "system:serviceaccount:team:bot", groups: ["ops"]))
            #expect(try await mayReadConfigMaps(as: "carol", groups: ["system:serviceaccounts:team"]))
        }
    }

    @Test func subjectAccessReviewNeedsAUserOrAGroup() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            func post(_ subject: String) async throws -> (HTTPResponse.Status, JSONValue) {
                let review = #"{"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{"resourceAttributes":{"verb":"list","resource":"namespaces"},"# + subject + "}}"
                var result: (HTTPResponse.Status, JSONValue) = (.ok, .null)
                try await client.execute(uri: "/apis/authorization.k8s.io/v1/subjectaccessreviews", method: .post,
                                         headers: Self.bearer("admin-token", json: true), body: ByteBuffer(string: review)) { response in
                    result = (response.status, Self.json(response))
                }
                return result
            }
            for subject in [#""uid":"1234""#, #""groups":[]"#, #""user":"""#] {
                let (status, body) = try await post(subject)
                #expect(status == .unprocessableContent, "\(subject)")
                #expect(body["message"]?.stringValue?.contains("at least one of user or group must be specified") == true, "\(subject)")
            }
            let (status, body) = try await post(#""user":"root","uid":"1234","groups":["system:masters"]"#)
            #expect(status == .created)
            #expect(body["status"]?["allowed"] == true)
            for subject in [#""groups":["nobody"]"#, #""user":"carol""#] {
                let (status, body) = try await post(subject)
                #expect(status == .created, "\(subject)")
                #expect(body["status"]?["allowed"] == false, "\(subject)")
            }
        }
    }

    @Test func selfSubjectAccessReviewInJSONAndProtobuf() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            let review = #"{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","spec":{"resourceAttributes":{"verb":"list","resource":"namespaces"}}}"#
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", method: .post,
                                     headers: Self.bearer("admin-token", json: true), body: ByteBuffer(string: review)) { response in
                #expect(response.status == .created)
                #expect(Self.json(response)["status"]?["allowed"] == true)
            }
            // The bytes kubectl 1.32 sends for `auth can-i list namespaces` (k8s\0 envelope, runtime.Unknown).
            let body = Self.protobufReview(verb: "list", resource: "namespaces")
            var headers = Self.bearer("alice-token")
            headers[.contentType] = "application/vnd.kubernetes.protobuf"
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", method: .post,
                                     headers: headers, body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .created)
                let json = Self.json(response)
                #expect(json["status"]?["allowed"] == false)
                #expect(json["spec"]?["resourceAttributes"]?["resource"] == "namespaces")
            }
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", method: .post,
                                     headers: headers, body: ByteBuffer(bytes: Array(body.prefix(body.count - 3)))) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// Hand-encoded protobuf, independent of the decoder under test.
    static func protobufReview(verb: String, resource: String) -> [UInt8] {
        func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(bytes.count)] + bytes }
        func text(_ number: UInt8, _ value: String) -> [UInt8] { field(number, Array(value.utf8)) }
        let attributes = text(2, verb) + text(5, resource)
        let spec = field(1, attributes)
        let raw = field(2, spec)
        let typeMeta = text(1, "authorization.k8s.io/v1") + text(2, "SelfSubjectAccessReview")
        return [0x6B, 0x38, 0x73, 0x00] + field(1, typeMeta) + field(2, raw) + text(4, "application/vnd.kubernetes.protobuf")
    }

    @Test func rateLimitAnswers429WithRetryAfter() async throws {
        let (app, _) = try await Self.makeApp(rate: 0.01)
        try await app.test(.router) { client in
            var codes: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<4 {
                try await client.execute(uri: "/version", method: .get, headers: Self.bearer("bob-token")) { response in
                    codes.append(response.status)
                    if response.status == .tooManyRequests { retryAfter = response.headers[HTTPField.Name("Retry-After")!] }
                }
            }
            #expect(codes.prefix(2).allSatisfy { $0 == .ok })
            #expect(codes.last == .tooManyRequests)
            #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)
            // Another user has their own bucket.
            try await client.execute(uri: "/version", method: .get, headers: Self.bearer("admin-token")) { #expect($0.status == .ok) }
        }
    }

    @Test func watchesPerUserAreCapped() {
        let limiter = WatchLimiter(limit: 2)
        #expect(limiter.acquire("u") && limiter.acquire("u"))
        #expect(!limiter.acquire("u"))
        #expect(limiter.acquire("v"))
        limiter.release("u")
        #expect(limiter.acquire("u"))
    }

    @Test func garbageCredentialsAreRefusedNeverCrash() async throws {
        let (app, _) = try await Self.makeApp()
        var generator = SystemRandomNumberGenerator()
        var headers: [String] = []
        for index in 0..<1_000 {
            let length = index % 10 == 0 ? 20_000 : Int.random(in: 0...300, using: &generator)
            let token = String((0..<length).map { _ in "aZ09._-=+/ ~\t".randomElement(using: &generator)! })
            headers.append(["Bearer ", "bearer ", "Basic ", "", "Bearer  "][index % 5] + token)
        }
        try await app.test(.router) { [headers] client in
            for header in headers {
                try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: [.authorization: header]) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: Self.bearer("admin-token")) { #expect($0.status == .ok) }
        }
    }

    @Test func protobufReaderRejectsGarbage() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = [0x6B, 0x38, 0x73, 0x00] + (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? KubernetesProtobuf.decode(bytes)
        }
        #expect(throws: ProtobufError.self) { try KubernetesProtobuf.decode([0x6B, 0x38, 0x73, 0x00, 0x0A, 0xFF, 0xFF]) }
        #expect(throws: ProtobufError.self) { try KubernetesProtobuf.decode(Array("{}".utf8)) }
    }
}
