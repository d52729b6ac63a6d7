import ContainModel
import ContainStore
import Testing

@testable import ContainServer

@Suite("pure request logic")
struct RequestLogicTests {
    let tenants = ResourceRegistry.standard.resource(group: "platform.contain.dev", version: "v1alpha1", plural: "tenants")
    let configmaps = ResourceRegistry.standard.resource(group: "", version: "v1", plural: "configmaps")

    @Test func registryKnowsStandardKindsAndLeases() throws {
        let registry = ResourceRegistry.standard
        let tenant = try #require(tenants)
        #expect(tenant.hasStatusSubresource)
        #expect(tenant.type.shortNames == ["tnt"])
        #expect(registry.resource(group: "coordination.k8s.io", version: "v1", plural: "leases")?.type.namespaced == true)
        #expect(registry.resource(group: "", version: "v1", plural: "namespaces")?.typedKind != nil)
        #expect(configmaps?.hasStatusSubresource == false)
        #expect(registry.groups.first == "platform.contain.dev" || registry.groups.contains(""))
    }

    @Test func parsesPaths() {
        #expect(APIPath("/version") == .version)
        #expect(APIPath("/api") == .coreGroup)
        #expect(APIPath("/apis") == .groups)
        #expect(APIPath("/api/v1") == .groupVersion(group: "", version: "v1"))
        #expect(APIPath("/apis/platform.contain.dev/v1alpha1") == .groupVersion(group: "platform.contain.dev", version: "v1alpha1"))
        #expect(APIPath("/api/v1/namespaces/ns1/configmaps/cm") ==
                .resource(ResourcePath(group: "", version: "v1", namespace: "ns1", plural: "configmaps", name: "cm")))
        #expect(APIPath("/api/v1/namespaces") == .resource(ResourcePath(group: "", version: "v1", plural: "namespaces")))
        #expect(APIPath("/api/v1/namespaces/ns1") == .resource(ResourcePath(group: "", version: "v1", plural: "namespaces", name: "ns1")))
        #expect(APIPath("/api/v1/namespaces/ns1/status") ==
                .resource(ResourcePath(group: "", version: "v1", plural: "namespaces", name: "ns1", subresource: "status")))
        #expect(APIPath("/apis/platform.contain.dev/v1alpha1/tenants/web/status") ==
                .resource(ResourcePath(group: "platform.contain.dev", version: "v1alpha1", plural: "tenants", name: "web", subresource: "status")))
        #expect(APIPath("/apis/rbac.authorization.k8s.io/v1/rolebindings") ==
                .resource(ResourcePath(group: "rbac.authorization.k8s.io", version: "v1", plural: "rolebindings")))
        #expect(APIPath("/openapi/v3/apis/platform.contain.dev/v1alpha1") == .openAPIDocument(group: "platform.contain.dev", version: "v1alpha1"))
        #expect(APIPath("/nothing") == nil)
        #expect(APIPath("/api/v1/a/b/c/d") == nil)
    }

    @Test func createSetsServerFields() throws {
        let tenant = try #require(tenants)
        let body: JSONObject = ["metadata": ["generateName": "web-"], "spec": ["x": 1], "status": ["phase": "Ready"]]
        let object = try ObjectPreparation.prepareCreate(body, resource: tenant, namespace: nil, now: Time(secondsSince1970: 0),
                                                         uid: "u1", suffix: { "abcde" })
        #expect(object["metadata"]?["name"] == "web-abcde")
        #expect(object["metadata"]?["uid"] == "u1")
        #expect(object["metadata"]?["generation"] == .integer(1))
        #expect(object["metadata"]?["creationTimestamp"] == "1970-01-01T00:00:00Z")
        #expect(object["status"] == nil)
        #expect(object["kind"] == "Tenant")
        #expect(object["apiVersion"] == "platform.contain.dev/v1alpha1")
        let cm = try #require(configmaps)
        #expect(throws: APIError.self) {
            try ObjectPreparation.prepareCreate(["metadata": ["name": "a", "namespace": "x"]], resource: cm, namespace: "y", now: .now())
        }
        #expect(throws: APIError.self) {
            try ObjectPreparation.prepareCreate(["kind": "Cluster", "metadata": ["name": "a"]], resource: tenant, namespace: nil, now: .now())
        }
    }

    @Test func updateBumpsGenerationOnlyForSpecChanges() throws {
        let tenant = try #require(tenants)
        let old: JSONObject = ["kind": "Tenant", "metadata": ["name": "a", "uid": "u", "generation": 3, "creationTimestamp": "t"],
                               "spec": ["x": 1], "status": ["s": 1]]
        var labelsOnly = old
        labelsOnly["metadata"]?["labels"] = ["a": "b"]
        labelsOnly["metadata"]?["uid"] = "changed"
        let same = try ObjectPreparation.prepareUpdate(old: old, new: labelsOnly, resource: tenant, target: .main)
        #expect(same.object["metadata"]?["generation"] == .integer(3))
        #expect(same.object["metadata"]?["uid"] == "u")
        var specChange = old
        specChange["spec"] = ["x": 2]
        specChange["status"] = ["s": 99]
        let bumped = try ObjectPreparation.prepareUpdate(old: old, new: specChange, resource: tenant, target: .main)
        #expect(bumped.object["metadata"]?["generation"] == .integer(4))
        #expect(bumped.object["status"] == ["s": 1])
        let status = try ObjectPreparation.prepareUpdate(old: old, new: specChange, resource: tenant, target: .status)
        #expect(status.object["status"] == ["s": 99])
        #expect(status.object["spec"] == ["x": 1])
    }

    @Test func finalizerRules() throws {
        let tenant = try #require(tenants)
        var old: JSONObject = ["kind": "Tenant", "metadata": ["name": "a", "finalizers": ["f1"]], "spec": [:]]
        old = ObjectPreparation.markDeleting(old, now: Time(secondsSince1970: 10))
        #expect(old["metadata"]?["deletionTimestamp"] == "1970-01-01T00:00:10Z")
        var addFinalizer = old
        addFinalizer["metadata"]?["finalizers"] = ["f1", "f2"]
        #expect(throws: APIError.self) { try ObjectPreparation.prepareUpdate(old: old, new: addFinalizer, resource: tenant, target: .main) }
        var clear = old
        clear["metadata"]?["finalizers"] = .array([])
        clear["metadata"]?["deletionTimestamp"] = nil
        let result = try ObjectPreparation.prepareUpdate(old: old, new: clear, resource: tenant, target: .main)
        #expect(result.deleteNow)
        #expect(result.object["metadata"]?["deletionTimestamp"] == "1970-01-01T00:00:10Z")
    }

    @Test func statusErrorsUseUpstreamWording() throws {
        let tenant = try #require(tenants)
        #expect(APIError.notFound(tenant, name: "x").status.message == #"tenants.platform.contain.dev "x" not found"#)
        #expect(APIError.notFound(tenant, name: "x").code == 404)
        #expect(APIError.conflict(tenant, name: "x").status.message ==
                #"Operation cannot be fulfilled on tenants.platform.contain.dev "x": the object has been modified; please apply your changes to the latest version and try again"#)
        let invalid = APIError.invalid(tenant, name: "x", issues: [.required(FieldPath("spec", "owners"), "a tenant needs an owner")])
        #expect(invalid.code == 422)
        #expect(invalid.status.message == #"Tenant.platform.contain.dev "x" is invalid: spec.owners: Required value: a tenant needs an owner"#)
        #expect(invalid.status.details?.causes == [StatusCause(reason: "FieldValueRequired", message: "Required value: a tenant needs an owner", field: "spec.owners")])
        #expect(APIError.alreadyExists(tenant, name: "x").status.reason == "AlreadyExists")
        #expect(APIError.tooLarge(limit: 3).code == 413)
    }

    @Test func fieldSelectors() throws {
        let selector = try FieldSelector(parsing: "metadata.name=a,metadata.namespace!=kube-system")
        #expect(selector.exactName == "a")
        #expect(selector.matches(name: "a", namespace: "default"))
        #expect(!selector.matches(name: "a", namespace: "kube-system"))
        #expect(!selector.matches(name: "b", namespace: "default"))
        do {
            _ = try FieldSelector(parsing: "spec.x=1")
            Issue.record("expected an error")
        } catch {
            #expect(error.status.message == "field label not supported: spec.x")
            #expect(error.code == 400)
        }
    }

    @Test func tenantTableColumns() throws {
        let tenant = try #require(tenants)
        let builder = TableBuilder(resource: tenant, now: Time(secondsSince1970: 3600))
        #expect(builder.columns.map(\.name) == ["Name", "Tier", "Runtime", "Clusters", "Namespaces", "Age"])
        let object: JSONObject = ["metadata": ["name": "web", "creationTimestamp": "1970-01-01T00:00:00Z"],
                                  "spec": ["clusters": ["dev", "prod"], "namespaces": [["name": "web"], ["name": "web-preview"]],
                                           "isolation": ["tier": "namespace", "runtime": "runc"]]]
        let row = builder.row(object)
        #expect(row["cells"] == ["web", "namespace", "runc", "dev,prod", "web,web-preview", "60m"])
        #expect(row["object"]?["kind"] == "PartialObjectMetadata")
        // Unset tier and runtime show the defaults in force, not empty cells.
        let defaulted: JSONObject = ["metadata": ["name": "risk", "creationTimestamp": "1970-01-01T00:00:00Z"],
                                     "spec": ["clusters": ["prod"], "namespaces": [["name": "risk"]]]]
        #expect(builder.row(defaulted)["cells"] == ["risk", "namespace", "runc", "prod", "risk", "60m"])
        #expect(Age.format(seconds: 30) == "30s")
        #expect(Age.format(seconds: 3 * 86400 + 7200) == "3d2h")
    }

    @Test func listenAddressesAreLoopbackOnly() throws {
        #expect(try ServerConfiguration.parseListen("127.0.0.1:8080") == ("127.0.0.1", 8080))
        #expect(try ServerConfiguration.parseListen("[::1]:0") == ("::1", 0))
        #expect(throws: ServerConfiguration.Problem.self) { try ServerConfiguration.parseListen("0.0.0.0:8080") }
        #expect(throws: ServerConfiguration.Problem.self) { try ServerConfiguration.parseListen("127.0.0.1:x") }
    }

    @Test func queryParametersDecodeLikeGo() {
        let query = QueryParameters("labelSelector=app+in+%28a%2Cb%29&watch=1&limit=500")
        #expect(query["labelSelector"] == "app in (a,b)")
        #expect(query.flag("watch"))
        #expect(query["limit"] == "500")
    }
}
