import ContainModel
import ContainRBAC
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ContainServer

/// `LocalSubjectAccessReview` (authorization.k8s.io/v1, namespaced): kube-apiserver's checks
/// (`EnsureObjectNamespaceMatchesRequestNamespace`, then `ValidateLocalSubjectAccessReview`),
/// the answer RBAC gives, and its place in discovery.
@Suite("LocalSubjectAccessReview")
struct LocalSubjectAccessReviewTests {
    static let path = "/apis/authorization.k8s.io/v1/namespaces/team-a/localsubjectaccessreviews"

    static func review(namespace: String?, user: String = "bob", verb: String = "get", resource: String = "configmaps",
                       metadata: String = "{\"creationTimestamp\":null}") -> String {
        let ns = namespace.map { #","namespace":"\#($0)""# } ?? ""
        return #"{"apiVersion":"authorization.k8s.io/v1","kind":"LocalSubjectAccessReview","metadata":\#(metadata),"spec":{"resourceAttributes":{"verb":"\#(verb)","resource":"\#(resource)"\#(ns)},"user":"\#(user)"}}"#
    }

    // MARK: The checks, without HTTP

    @Test func metadataNamespaceIsDefaultedFromTheURLAndMustNotDiffer() throws {
        let defaulted = try LocalSubjectAccessReviewRules.metadata(["creationTimestamp": .null], urlNamespace: "team-a")
        #expect(defaulted["namespace"] == "team-a")
        #expect(try LocalSubjectAccessReviewRules.metadata(["namespace": "team-a"], urlNamespace: "team-a")["namespace"] == "team-a")
        #expect(throws: APIError.self) { try LocalSubjectAccessReviewRules.metadata(["namespace": "team-b"], urlNamespace: "team-a") }
    }

    @Test func validationFollowsKubeAPIServer() {
        func problems(_ spec: JSONObject, metadata: JSONObject = [:]) -> [String] {
            LocalSubjectAccessReviewRules.problems(metadata: metadata, spec: spec, namespace: "team-a").map { "\($0.field): \($0.message)" }
        }
        let good: JSONObject = ["user": "bob", "resourceAttributes": ["verb": "get", "resource": "pods", "namespace": "team-a"]]
        #expect(problems(good).isEmpty)
        // Groups alone name a subject too.
        #expect(problems(["groups": ["g"], "resourceAttributes": ["verb": "get", "resource": "pods", "namespace": "team-a"]]).isEmpty)
        #expect(problems(["user": "bob", "resourceAttributes": ["verb": "get", "resource": "pods", "namespace": "team-b"]])
            == [#"spec.resourceAttributes.namespace: Invalid value: "team-b": must match metadata.namespace"#])
        // No defaulting of the spec's namespace: empty differs from the URL's too.
        #expect(problems(["user": "bob", "resourceAttributes": ["verb": "get", "resource": "pods"]])
            == [#"spec.resourceAttributes.namespace: Invalid value: "": must match metadata.namespace"#])
        #expect(problems(["user": "bob", "nonResourceAttributes": ["verb": "get", "path": "/healthz"]])
            == [#"spec.nonResourceAttributes: Invalid value: {"verb":"get","path":"/healthz"}: disallowed on this kind of request"#])
        #expect(problems(["resourceAttributes": ["verb": "get", "resource": "pods", "namespace": "team-a"]])
            == [#"spec.user: Invalid value: "": at least one of user or group must be specified"#])
        #expect(problems(["user": "bob"]).first == #"spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified"#)
        #expect(problems(good, metadata: ["name": "x", "namespace": "team-a", "creationTimestamp": .null])
            == [#"metadata: Invalid value: {"name":"x"}: must be empty except for namespace"#])
        let error = LocalSubjectAccessReviewRules.invalid([("spec.user", "Invalid value: \"\": at least one of user or group must be specified")])
        #expect(error.code == 422)
        #expect(error.status.message == #"LocalSubjectAccessReview.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified"#)
        #expect(error.status.details?.causes?.first?.field == "spec.user")
    }

    // MARK: Through the router

    @Test func answersForTheURLNamespaceAsRBACDoes() async throws {
        let (app, _) = try await SecurityRouterTests.makeApp()
        try await app.test(.router) { client in
            let admin = SecurityRouterTests.bearer("admin-token", json: true)
            let alice = SecurityRouterTests.bearer("alice-token", json: true)
            for namespace in ["team-a", "team-b"] {
                try await client.execute(uri: "/api/v1/namespaces", method: .post, headers: admin,
                                         body: ByteBuffer(string: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(namespace)"}}"#)) {
                    #expect($0.status == .created)
                }
            }
            // alice is admin of team-a (which includes creating local reviews there), nothing else.
            let binding = #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"alice-admin","namespace":"team-a"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"admin"},"subjects":[{"kind":"User","name":"alice"}]}"#
            try await client.execute(uri: "/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings", method: .post,
                                     headers: admin, body: ByteBuffer(string: binding)) { #expect($0.status == .created) }

            try await client.execute(uri: Self.path, method: .post, headers: alice,
                                     body: ByteBuffer(string: Self.review(namespace: "team-a", user: "alice", verb: "delete"))) { response in
                #expect(response.status == .created)
                let json = SecurityRouterTests.json(response)
                #expect(json["kind"] == "LocalSubjectAccessReview")
                #expect(json["metadata"]?["namespace"] == "team-a")
                #expect(json["status"]?["allowed"] == true)
                #expect(json["status"]?["reason"]?.stringValue?.contains(#"RoleBinding "alice-admin/team-a""#) == true)
            }
            try await client.execute(uri: Self.path, method: .post, headers: alice,
                                     body: ByteBuffer(string: Self.review(namespace: "team-a", user: "bob"))) { response in
                #expect(response.status == .created)
                #expect(SecurityRouterTests.json(response)["status"]?["allowed"] == false)
            }
            // Creating a review in team-b needs `create localsubjectaccessreviews` there.
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/namespaces/team-b/localsubjectaccessreviews", method: .post,
                                     headers: alice, body: ByteBuffer(string: Self.review(namespace: "team-b", user: "alice"))) { response in
                #expect(response.status == .forbidden)
            }
            // A spec namespace other than the URL's: 422, not an answer about team-b.
            try await client.execute(uri: Self.path, method: .post, headers: alice,
                                     body: ByteBuffer(string: Self.review(namespace: "team-b", user: "alice"))) { response in
                #expect(response.status == .unprocessableContent)
                let json = SecurityRouterTests.json(response)
                #expect(json["reason"] == "Invalid")
                #expect(json["message"] == #"LocalSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes.namespace: Invalid value: "team-b": must match metadata.namespace"#)
            }
            // metadata.namespace other than the URL's: 400, as for every namespaced create.
            try await client.execute(uri: Self.path, method: .post, headers: alice,
                                     body: ByteBuffer(string: Self.review(namespace: "team-b", metadata: #"{"namespace":"team-b"}"#))) { response in
                #expect(response.status == .badRequest)
                #expect(SecurityRouterTests.json(response)["message"] == "the namespace of the provided object does not match the namespace sent on the request")
            }
            // Only under a namespace, and only this review there.
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/localsubjectaccessreviews", method: .post, headers: admin,
                                     body: ByteBuffer(string: Self.review(namespace: "team-a"))) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/apis/authorization.k8s.io/v1/namespaces/team-a/selfsubjectaccessreviews", method: .post, headers: admin,
                                     body: ByteBuffer(string: #"{"spec":{"resourceAttributes":{"verb":"get","resource":"pods"}}}"#)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: Self.path, method: .get, headers: admin) { #expect($0.status == .methodNotAllowed) }
        }
    }

    @Test func protobufBodiesAreAccepted() async throws {
        let (app, _) = try await SecurityRouterTests.makeApp()
        try await app.test(.router) { client in
            var headers = SecurityRouterTests.bearer("admin-token")
            headers[.contentType] = "application/vnd.kubernetes.protobuf"
            // root (system:masters) asks about itself: allowed; about bob: not.
            for (user, groups, allowed) in [("root", ["system:masters"], true), ("bob", [], false)] {
                try await client.execute(uri: Self.path, method: .post, headers: headers,
                                         body: ByteBuffer(bytes: Self.protobufReview(namespace: "team-a", user: user, groups: groups))) { response in
                    #expect(response.status == .created)
                    let json = SecurityRouterTests.json(response)
                    #expect(json["status"]?["allowed"] == .bool(allowed), "\(user)")
                    #expect(json["spec"]?["resourceAttributes"]?["namespace"] == "team-a")
                    #expect(json["metadata"]?["namespace"] == "team-a")
                }
            }
        }
    }

    /// A LocalSubjectAccessReview as kubectl's protobuf encoder writes it, by hand: metadata with
    /// an empty creationTimestamp, spec with resourceAttributes, user and groups.
    static func protobufReview(namespace: String, user: String, groups: [String]) -> [UInt8] {
        func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] { [number << 3 | 2, UInt8(bytes.count)] + bytes }
        func text(_ number: UInt8, _ value: String) -> [UInt8] { field(number, Array(value.utf8)) }
        let metadata = field(8, [])
        let attributes = text(1, namespace) + text(2, "list") + text(5, "secrets")
        let spec = field(1, attributes) + text(3, user) + groups.flatMap { text(4, $0) }
        let raw = field(1, metadata) + field(2, spec)
        let typeMeta = text(1, "authorization.k8s.io/v1") + text(2, "LocalSubjectAccessReview")
        return [0x6B, 0x38, 0x73, 0x00] + field(1, typeMeta) + field(2, raw) + text(4, "application/vnd.kubernetes.protobuf")
    }

    @Test func discoveryListsTheReviewsAsCreateOnly() async throws {
        let (app, _) = try await SecurityRouterTests.makeApp()
        try await app.test(.router) { client in
            let headers = SecurityRouterTests.bearer("bob-token")
            try await client.execute(uri: "/apis/authorization.k8s.io/v1", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let resources = SecurityRouterTests.json(response)["resources"]?.arrayValue ?? []
                #expect(resources.compactMap { $0["name"]?.stringValue }
                    == ["localsubjectaccessreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews", "subjectaccessreviews"])
                let local = resources.first { $0["name"] == "localsubjectaccessreviews" }
                #expect(local?["namespaced"] == true)
                #expect(local?["kind"] == "LocalSubjectAccessReview")
                #expect(local?["verbs"] == ["create"])
                #expect(resources.first { $0["name"] == "subjectaccessreviews" }?["namespaced"] == false)
            }
            try await client.execute(uri: "/apis/authorization.k8s.io", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(SecurityRouterTests.json(response)["preferredVersion"]?["groupVersion"] == "authorization.k8s.io/v1")
            }
            try await client.execute(uri: "/apis", method: .get, headers: headers) { response in
                let names = SecurityRouterTests.json(response)["groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                #expect(names.contains("authorization.k8s.io"))
                #expect(names.contains("platform.contain.dev"))
            }
            var aggregated = headers
            aggregated[.accept] = Discovery.aggregatedContentType
            try await client.execute(uri: "/apis", method: .get, headers: aggregated) { response in
                let items = SecurityRouterTests.json(response)["items"]?.arrayValue ?? []
                let group = items.first { $0["metadata"]?["name"] == "authorization.k8s.io" }
                let resources = group?["versions"]?.arrayValue?.first?["resources"]?.arrayValue ?? []
                #expect(resources.first { $0["resource"] == "localsubjectaccessreviews" }?["scope"] == "Namespaced")
                #expect(resources.first { $0["resource"] == "selfsubjectaccessreviews" }?["verbs"] == ["create"])
            }
        }
    }

    @Test func openAPIDescribesTheReviewsCreateOperations() async throws {
        let (app, _) = try await SecurityRouterTests.makeApp()
        try await app.test(.router) { client in
            let headers = SecurityRouterTests.bearer("bob-token")
            var documentURL: String?
            try await client.execute(uri: "/openapi/v3", method: .get, headers: headers) { response in
                documentURL = SecurityRouterTests.json(response)["paths"]?["apis/authorization.k8s.io/v1"]?["serverRelativeURL"]?.stringValue
                #expect(SecurityRouterTests.json(response)["paths"]?["apis/platform.contain.dev/v1alpha1"] != nil)
            }
            let url = try #require(documentURL)
            try await client.execute(uri: url, method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let paths = SecurityRouterTests.json(response)["paths"]
                let local = paths?["/apis/authorization.k8s.io/v1/namespaces/{namespace}/localsubjectaccessreviews"]
                #expect(local?["post"]?["x-kubernetes-group-version-kind"]?["kind"] == "LocalSubjectAccessReview")
                #expect(local?["get"] == nil)
                #expect(paths?["/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"]?["post"] != nil)
            }
        }
    }

    @Test func withoutTheGuardDiscoveryHasNoReviews() {
        let discovery = Discovery(registry: .standard)
        #expect(discovery.group("authorization.k8s.io") == nil)
        #expect(discovery.resourceList(group: "authorization.k8s.io", version: "v1") == nil)
    }
}
