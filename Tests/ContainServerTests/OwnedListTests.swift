import ContainModel
import ContainRBAC
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ContainServer

/// A cluster-wide list of tenants or namespaces that RBAC refuses is answered with the objects
/// the user may get one by one (their own); with none, it stays 403.
@Suite("Lists of owned tenants and namespaces")
struct OwnedListTests {
    static func names(_ response: TestResponse) -> [String] {
        let json = SecurityRouterTests.json(response)
        if let rows = json["rows"]?.arrayValue { return rows.compactMap { $0["cells"]?.arrayValue?.first?.stringValue } }
        return json["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } ?? []
    }

    @Test func ownersListTheirOwnTenantsAndNamespaces() async throws {
        let (app, _) = try await SecurityRouterTests.makeApp()
        try await app.test(.router) { client in
            let admin = SecurityRouterTests.bearer("admin-token", json: true)
            func create(_ uri: String, _ body: String) async throws {
                try await client.execute(uri: uri, method: .post, headers: admin, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .created, "\(uri): \(String(buffer: response.body))")
                }
            }
            for namespace in ["a-dev", "a-prod", "b-dev", "other"] {
                try await create("/api/v1/namespaces", #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(namespace)","labels":{"stage":"\#(namespace.hasSuffix("dev") ? "dev" : "prod")"}}}"#)
            }
            // alice is in group team-a, which owns tenant a; tenant b is someone else's.
            try await create("/apis/platform.contain.dev/v1alpha1/tenants",
                             #"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"a"},"spec":{"owners":[{"kind":"Group","name":"team-a"}],"clusters":["dev"],"namespaces":[{"name":"a-dev"},{"name":"a-prod"}]}}"#)
            try await create("/apis/platform.contain.dev/v1alpha1/tenants",
                             #"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"b"},"spec":{"owners":[{"kind":"Group","name":"team-b"}],"clusters":["dev"],"namespaces":[{"name":"b-dev"}]}}"#)
            let alice = SecurityRouterTests.bearer("alice-token")
            try await client.execute(uri: "/apis/platform.contain.dev/v1alpha1/tenants", method: .get, headers: alice) { response in
                #expect(response.status == .ok)
                #expect(Self.names(response) == ["a"])
            }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: alice) { response in
                #expect(response.status == .ok)
                #expect(Self.names(response) == ["a-dev", "a-prod"])
            }
            // As a Table (kubectl get), with a selector, and page by page.
            var table = alice
            table[.accept] = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: table) { response in
                #expect(SecurityRouterTests.json(response)["kind"] == "Table")
                #expect(Self.names(response) == ["a-dev", "a-prod"])
            }
            try await client.execute(uri: "/api/v1/namespaces?labelSelector=stage%3Ddev", method: .get, headers: alice) { response in
                #expect(Self.names(response) == ["a-dev"])
            }
            var token: String?
            try await client.execute(uri: "/api/v1/namespaces?limit=1", method: .get, headers: alice) { response in
                #expect(Self.names(response) == ["a-dev"])
                token = SecurityRouterTests.json(response)["metadata"]?["continue"]?.stringValue
            }
            let next = try #require(token)
            try await client.execute(uri: "/api/v1/namespaces?limit=1&continue=\(next)", method: .get, headers: alice) { response in
                #expect(Self.names(response) == ["a-prod"])
                #expect(SecurityRouterTests.json(response)["metadata"]?["continue"] == nil)
            }
            // Watches of the collection, and users who own nothing, are refused as before.
            try await client.execute(uri: "/api/v1/namespaces?watch=true", method: .get, headers: alice) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: SecurityRouterTests.bearer("bob-token")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/apis/platform.contain.dev/v1alpha1/tenants", method: .get,
                                     headers: SecurityRouterTests.bearer("bob-token")) { #expect($0.status == .forbidden) }
            // A RoleBinding that lets bob view namespace "other" shows him that namespace (GET of a
            // namespace is inside it), and nothing else; other collections are not filtered.
            try await create("/apis/rbac.authorization.k8s.io/v1/namespaces/other/rolebindings",
                             #"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"bob-view","namespace":"other"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"kind":"User","name":"bob"}]}"#)
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: SecurityRouterTests.bearer("bob-token")) { response in
                #expect(response.status == .ok)
                #expect(Self.names(response) == ["other"])
            }
            try await client.execute(uri: "/api/v1/configmaps", method: .get, headers: SecurityRouterTests.bearer("bob-token")) {
                #expect($0.status == .forbidden)
            }
            // The administrator still sees everything.
            try await client.execute(uri: "/api/v1/namespaces", method: .get, headers: admin) { response in
                #expect(Set(["a-dev", "a-prod", "b-dev", "other"]).isSubset(of: Self.names(response)))
            }
        }
    }
}
