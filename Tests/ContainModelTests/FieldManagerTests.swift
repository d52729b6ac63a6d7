import ContainModel
import Testing

@Suite("Server-side apply and managed fields")
struct FieldManagerTests {
    func object(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.value(text) else { throw JSONPatchError("not an object") }
        return object
    }

    let now = Time(secondsSince1970: 1_700_000_000)
    let tenants = FieldManager(rules: .customResource, apiVersion: "platform.contain.dev/v1alpha1", hasStatusSubresource: true)
    let deployments = FieldManager(rules: .of(group: "apps", kind: "Deployment"), apiVersion: "apps/v1", hasStatusSubresource: true)

    func owners(_ object: JSONObject) -> [FieldOwner] { FieldOwner.entries(of: object) }

    @Test func builtInListRulesComeFromTheSchemaDeclarations() throws {
        let deployment = ListMergeRules.of(group: "apps", kind: "Deployment")
        #expect(deployment.rule(at: ["spec", "template", "spec", "containers"]) == .map(keys: ["name"], patchKey: "name"))
        #expect(deployment.rule(at: ["spec", "template", "spec", "containers", "ports"])
            == .map(keys: ["containerPort", "protocol"], patchKey: "containerPort"))
        #expect(deployment.rule(at: ["spec", "template", "spec", "tolerations"]) == .atomic)
        #expect(deployment.rule(at: ["metadata", "finalizers"]) == .set)
        let cronJob = ListMergeRules.of(group: "batch", kind: "CronJob")
        #expect(cronJob.rule(at: ["spec", "jobTemplate", "spec", "template", "spec", "volumes"]) == .map(keys: ["name"], patchKey: "name"))
        #expect(ListMergeRules.of(group: "", kind: "Service").rule(at: ["spec", "ports"]) == .map(keys: ["port", "protocol"], patchKey: "port"))
        #expect(ListMergeRules.builtIn(group: "platform.contain.dev", kind: "Tenant") == nil)
        // The OpenAPI documents carry the same declarations, for kubectl's patch computation.
        let podSpec = OpenAPISchemaCatalog.standard.schemas["io.k8s.api.core.v1.PodSpec"]
        let containers = podSpec?.properties.first { $0.name == "containers" }?.schema.jsonValue()
        #expect(containers?["x-kubernetes-patch-merge-key"] == "name")
        #expect(containers?["x-kubernetes-patch-strategy"] == "merge")
        #expect(containers?["x-kubernetes-list-map-keys"] == ["name"])
    }

    @Test func fieldsV1RoundTripsAndMarksMemberNodesWithDot() throws {
        let walker = FieldWalker(rules: .of(group: "apps", kind: "Deployment"))
        let deployment = try object(#"{"metadata":{"labels":{"app":"web"}},"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"app","image":"nginx","ports":[{"containerPort":80}]}]}}}}"#)
        let fields = walker.fields(of: deployment)
        let encoded = JSONWriter.compact(fields.fieldsV1)
        #expect(encoded == #"{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80}":{".":{},"f:containerPort":{}}}}}}}}}"#)
        #expect(FieldSet(fieldsV1: fields.fieldsV1) == fields)
        #expect(fields.contains(["f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"app"}"#, "f:image"]))
        #expect(!fields.contains(["f:spec"]))
        #expect(FieldSet.describe(["f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"app"}"#, "f:image"])
            == #".spec.template.spec.containers[name="app"].image"#)
    }

    @Test func createRecordsEveryFieldForTheManagerButNotServerOwnedMetadata() throws {
        let tenant = try object(#"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"web","uid":"1","labels":{"a":"b"}},"spec":{"displayName":"Web"},"status":{"x":1}}"#)
        let recorded = tenants.recordUpdate(old: nil, new: tenant, manager: "kubectl-create", target: .main, now: now)
        let entries = owners(recorded)
        #expect(entries.count == 1)
        #expect(entries.first?.manager == "kubectl-create")
        #expect(entries.first?.operation == .update)
        #expect(entries.first?.fields.paths == [["f:metadata", "f:labels", "f:a"], ["f:spec", "f:displayName"]])
    }

    @Test func applyThenConflictingApplyIsRefusedAndForceTakesOwnership() throws {
        let first = try object(#"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"web"},"spec":{"displayName":"Web","owners":["a"]}}"#)
        let created = try tenants.apply(live: nil, applied: first, manager: "alice", force: false, target: .main, now: now)
        let second = try object(#"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"web"},"spec":{"displayName":"Shop"}}"#)
        do {
            _ = try tenants.apply(live: created, applied: second, manager: "bob", force: false, target: .main, now: now)
            Issue.record("expected a conflict")
        } catch {
            #expect(error.conflicts == [FieldManager.Conflict(manager: #""alice""#, field: ".spec.displayName")])
            #expect(error.message == #"Apply failed with 1 conflict: conflict with "alice": .spec.displayName"#)
        }
        // The same value is shared ownership, not a conflict.
        let same = try object(#"{"metadata":{"name":"web"},"spec":{"displayName":"Web"}}"#)
        let shared = try tenants.apply(live: created, applied: same, manager: "bob", force: false, target: .main, now: now)
        #expect(owners(shared).count == 2)
        let forced = try tenants.apply(live: created, applied: second, manager: "bob", force: true, target: .main, now: now)
        #expect(forced["spec"]?["displayName"] == "Shop")
        #expect(forced["spec"]?["owners"] == ["a"])
        let alice = owners(forced).first { $0.manager == "alice" }
        #expect(alice?.fields.paths == [["f:spec", "f:owners"]])
        let bob = owners(forced).first { $0.manager == "bob" }
        #expect(bob?.fields.paths == [["f:spec", "f:displayName"]])
    }

    @Test func applyRemovesFieldsTheManagerStoppedApplyingUnlessOthersOwnThem() throws {
        let first = try object(#"{"metadata":{"name":"web","labels":{"a":"1","b":"2"}},"spec":{"displayName":"Web","note":"x"}}"#)
        var live = try tenants.apply(live: nil, applied: first, manager: "alice", force: false, target: .main, now: now)
        // Bob also manages label b (same value: shared).
        live = try tenants.apply(live: live, applied: try object(#"{"metadata":{"labels":{"b":"2"}}}"#), manager: "bob", force: false, target: .main, now: now)
        let next = try object(#"{"metadata":{"name":"web"},"spec":{"displayName":"Web"}}"#)
        let result = try tenants.apply(live: live, applied: next, manager: "alice", force: false, target: .main, now: now)
        #expect(result["spec"]?["note"] == nil)
        #expect(result["metadata"]?["labels"]?["a"] == nil)
        #expect(result["metadata"]?["labels"]?["b"] == "2")
    }

    @Test func updatesTakeOwnershipOfWhatTheyChange() throws {
        let first = try object(#"{"metadata":{"name":"web"},"spec":{"displayName":"Web","note":"x"}}"#)
        let applied = try tenants.apply(live: nil, applied: first, manager: "kubectl", force: false, target: .main, now: now)
        var edited = applied
        edited["spec"]?["displayName"] = "Edited"
        edited["spec"]?["note"] = nil
        let recorded = tenants.recordUpdate(old: applied, new: edited, manager: "kubectl-edit", target: .main, now: now)
        let kubectl = owners(recorded).first { $0.manager == "kubectl" }
        #expect(kubectl?.fields.paths == nil)  // lost both fields: the entry is gone
        let edit = owners(recorded).first { $0.manager == "kubectl-edit" }
        #expect(edit?.fields.paths == [["f:spec", "f:displayName"]])
        #expect(edit?.conflictName == #""kubectl-edit" using platform.contain.dev/v1alpha1"#)
        // Applying the old value now conflicts with the editor.
        #expect(throws: FieldManager.ApplyConflicts.self) {
            try tenants.apply(live: recorded, applied: first, manager: "kubectl", force: false, target: .main, now: now)
        }
    }

    @Test func keyedListsMergeItemByItemAndConflictsNameTheItem() throws {
        let base = try object(#"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1"}]}}}}"#)
        let live = try deployments.apply(live: nil, applied: base, manager: "ci", force: false, target: .main, now: now)
        let sidecar = try object(#"{"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy"}]}}}}"#)
        let both = try deployments.apply(live: live, applied: sidecar, manager: "mesh", force: false, target: .main, now: now)
        let names = both["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["app", "proxy"])
        let bump = try object(#"{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}}}"#)
        do {
            _ = try deployments.apply(live: both, applied: bump, manager: "mesh", force: false, target: .main, now: now)
            Issue.record("expected a conflict")
        } catch {
            #expect(error.conflicts.map(\.field) == [#".spec.template.spec.containers[name="app"].image"#])
        }
        // The mesh stops applying its sidecar: it goes, the app stays.
        let empty = try object(#"{"spec":{"replicas":1}}"#)
        let pruned = try deployments.apply(live: both, applied: empty, manager: "mesh", force: false, target: .main, now: now)
        let left = pruned["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(left == ["app"])
    }

    @Test func statusIsManagedOnlyThroughTheStatusSubresource() throws {
        let tenant = try object(#"{"metadata":{"name":"web"},"spec":{"displayName":"Web"},"status":{"phase":"Ready"}}"#)
        let applied = try tenants.apply(live: nil, applied: tenant, manager: "a", force: false, target: .main, now: now)
        #expect(owners(applied).first?.fields.paths == [["f:spec", "f:displayName"]])
        var withStatus = applied
        withStatus["status"] = .object(["phase": "Ready"])
        let recorded = tenants.recordUpdate(old: applied, new: withStatus, manager: "operator", target: .status, now: now)
        let status = owners(recorded).first { $0.manager == "operator" }
        #expect(status?.subresource == "status")
        #expect(status?.fields.paths == [["f:status", "f:phase"]])
    }
}

@Suite("Strategic merge patch")
struct StrategicMergePatchTests {
    func json(_ text: String) throws -> JSONValue { try JSONReader.value(text) }
    let pods = StrategicMergePatch(rules: .of(group: "", kind: "Pod"))

    @Test func containersMergeByNameAndScalarsReplace() throws {
        let pod = try json(#"{"spec":{"containers":[{"name":"a","image":"x:1","env":[{"name":"A","value":"1"}]},{"name":"b","image":"y"}]}}"#)
        let patch = try json(#"{"spec":{"containers":[{"name":"a","image":"x:2","env":[{"name":"B","value":"2"}]},{"name":"c","image":"z"}]}}"#)
        let result = try pods.apply(patch, to: pod)
        #expect(result == (try json(#"{"spec":{"containers":[{"name":"a","image":"x:2","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"b","image":"y"},{"name":"c","image":"z"}]}}"#)))
    }

    @Test func directivesDeleteReplaceOrderAndRetain() throws {
        let pod = try json(#"{"metadata":{"finalizers":["f1","f2"]},"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}],"tolerations":[{"key":"k"}]}}"#)
        let patch = try json(#"""
            {"metadata":{"finalizers":["f3"],"$deleteFromPrimitiveList/finalizers":["f1"]},
             "spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],
                     "containers":[{"name":"a","$patch":"delete"}],
                     "tolerations":[{"key":"other"}]}}
            """#)
        let result = try pods.apply(patch, to: pod)
        #expect(result["metadata"]?["finalizers"] == ["f2", "f3"])
        #expect(result["spec"]?["containers"] == (try json(#"[{"name":"b","image":"y"}]"#)))
        #expect(result["spec"]?["tolerations"] == (try json(#"[{"key":"other"}]"#)))
        let replace = try json(#"{"spec":{"$patch":"replace","containers":[{"name":"n","image":"i"}]}}"#)
        #expect(try pods.apply(replace, to: pod)["spec"] == (try json(#"{"containers":[{"name":"n","image":"i"}]}"#)))
        let retain = try json(#"{"spec":{"$retainKeys":["containers"],"containers":[{"name":"a","image":"q"}]}}"#)
        #expect(try pods.apply(retain, to: pod)["spec"]?["tolerations"] == nil)
        let order = try json(#"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}"#)
        #expect(try pods.apply(order, to: pod)["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["b", "a"])
    }

    @Test func malformedPatchesAreErrors() throws {
        let pod = try json(#"{"spec":{"containers":[{"name":"a"}]}}"#)
        #expect(throws: JSONPatchError.self) { try pods.apply(try json(#"{"spec":{"containers":[{"image":"x"}]}}"#), to: pod) }
        #expect(throws: JSONPatchError.self) { try pods.apply(try json(#"{"spec":{"$patch":"frob"}}"#), to: pod) }
        #expect(throws: JSONPatchError.self) { try pods.apply(try json(#"{"$unknown":1}"#), to: pod) }
        #expect(throws: JSONPatchError.self) { try pods.apply(try json(#"[1]"#), to: pod) }
    }
}
