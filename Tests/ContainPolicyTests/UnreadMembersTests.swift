import ContainModel
import ContainPolicy
import Foundation
import Testing

/// `AdmissionReviewDecoder.unreadMembers` leaves fields out of every review it parses; these tests
/// show that no rule reads them: every decision over the whole Pod Security corpus (at every
/// level and version it covers), over tenant guardrails in every stage, and over the benchmark
/// reviews is the same with and without them.
@Suite struct UnreadMembersTests {
    /// `object` wrapped in a CREATE review.
    static func review(_ object: JSONValue, kind: String, group: String = "", version: String = "v1", namespace: String) -> String {
        let review: JSONValue = .object([
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": .object([
                "uid": "0d5e3e2a-0000-4000-8000-000000000001",
                "kind": .object(["group": .string(group), "version": .string(version), "kind": .string(kind)]),
                "namespace": .string(namespace), "operation": "CREATE",
                "userInfo": .object(["username": "alice", "groups": .array(["system:authenticated"])]),
                "object": object,
            ]),
        ])
        return JSONWriter.compact(review)
    }

    /// The review decoded with and without the unread members.
    static func bothWays(_ text: String) throws -> (omitting: AdmissionRequest, full: AdmissionRequest) {
        let omitting = try AdmissionReviewDecoder.decode(text).request
        let full = try AdmissionReviewDecoder.decode(try JSONReader.value(text)).request
        return (omitting, full)
    }

    static func expectSameDecisions(_ text: String, engine: AdmissionEngine, policies: [PodSecurityPolicy], label: String) throws {
        let (omitting, full) = try bothWays(text)
        for stage in AdmissionStage.allCases {
            let a = engine.review(omitting, context: AdmissionContext(stage: stage))
            let b = engine.review(full, context: AdmissionContext(stage: stage))
            #expect(a == b, "\(label) at \(stage): \(a.message) vs \(b.message)")
        }
        guard case .pod(let lean)? = omitting.object, case .pod(let whole)? = full.object else { return }
        for policy in policies {
            let a = PodSecurityEvaluator.evaluate(podSpec: lean.spec, metadata: lean.metadata, policy: policy)
            let b = PodSecurityEvaluator.evaluate(podSpec: whole.spec, metadata: whole.metadata, policy: policy)
            #expect(a == b, "\(label) at \(policy)")
        }
    }

    /// `pod` with omitted members added where a real pod has them: managed fields and owners in
    /// its metadata, scheduling hints in its spec, environment, commands and mounts in every container.
    static func withUnreadMembers(_ pod: JSONValue) -> JSONValue {
        guard case .object(var object) = pod, case .object(var spec)? = object["spec"] else { return pod }
        if case .object(var metadata)? = object["metadata"] {
            metadata["managedFields"] = .array([.object(["manager": "kubectl", "operation": "Update", "fieldsV1": .object(["f:spec": .object([:])])])])
            metadata["ownerReferences"] = .array([.object(["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "rs", "uid": "1"])])
            object["metadata"] = .object(metadata)
        }
        spec["tolerations"] = .array([.object(["key": "gpu", "operator": "Exists"])])
        spec["nodeSelector"] = .object(["zone": "a"])
        for list in ["containers", "initContainers"] {
            guard case .array(let containers)? = spec[list] else { continue }
            spec[list] = .array(containers.map { container in
                guard case .object(var fields) = container else { return container }
                fields["env"] = .array([.object(["name": "A", "value": "b"])])
                fields["command"] = .array(["/bin/app"])
                fields["volumeMounts"] = .array([.object(["name": "data", "mountPath": "/data"])])
                return .object(fields)
            })
        }
        object["spec"] = .object(spec)
        object["status"] = .object(["phase": "Pending"])
        return .object(object)
    }

    @Test func podSecurityCorpusDecidesTheSameWithoutUnreadMembers() throws {
        let fixtures = try PodSecurityConformanceTests.fixtures()
        #expect(fixtures.count > 4_000)
        var withUnread = 0
        for fixture in fixtures {
            let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
            guard let value = try YAMLReader.documents(text).first?.value else { continue }
            let review = Self.review(Self.withUnreadMembers(value), kind: value["kind"]?.stringValue ?? "Pod", namespace: "test")
            if AdmissionReviewDecoder.unreadMembers.contains(where: { review.contains("\"\($0)\":") }) { withUnread += 1 }
            let engine = AdmissionEngine(defaultPodSecurity: PodSecurityPolicy(level: fixture.level, version: fixture.version))
            try Self.expectSameDecisions(review, engine: engine,
                                         policies: [PodSecurityPolicy(level: fixture.level, version: fixture.version)],
                                         label: fixture.path)
        }
        #expect(withUnread > 4_000)
        print("unread members: \(fixtures.count) corpus fixtures decided the same with and without omitted members (\(withUnread) carried some)")
    }

    @Test func guardrailsDecideTheSameWithoutUnreadMembers() throws {
        let engine = try GuardrailFixtures.engine()
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
              namespace: payments
              ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: "1"}]
              managedFields: [{manager: kubectl, operation: Update, fieldsType: FieldsV1, fieldsV1: {f:spec: {}}}]
            spec:
              nodeSelector: {gpu: "true"}
              tolerations: [{key: gpu, operator: Exists}]
              affinity: {nodeAffinity: {}}
              imagePullSecrets: [{name: pull}]
              containers:
              - name: app
                image: docker.io/library/nginx:latest
                command: [nginx]
                args: ["-g", "daemon off;"]
                env: [{name: A, value: b}]
                envFrom: [{configMapRef: {name: c}}]
                volumeMounts: [{name: data, mountPath: /data}]
                securityContext: {privileged: true}
                resources: {limits: {nvidia.com/mig-2g.20gb: 1}}
              volumes: [{name: data, hostPath: {path: /var/lib}}]
            status: {phase: Pending}
            """
        let value = try GuardrailFixtures.requireDocument(pod)
        let review = Self.review(value, kind: "Pod", namespace: "payments")
        let (omitting, _) = try Self.bothWays(review)
        #expect(engine.review(omitting, context: AdmissionContext(stage: .validating)).allowed == false)
        try Self.expectSameDecisions(review, engine: engine, policies: [PodSecurityPolicy(level: .restricted)], label: "guardrail pod")
        for namespace in ["web", "ml", "payments", "elsewhere"] {
            let moved = Self.review(value, kind: "Pod", namespace: namespace).replacingOccurrences(of: #""namespace":"payments""#, with: #""namespace":"\#(namespace)""#)
            try Self.expectSameDecisions(moved, engine: engine, policies: [], label: "pod in \(namespace)")
        }
    }

    @Test func benchmarkReviewsDecideTheSameWithoutUnreadMembers() throws {
        for name in ["review-compliant-pod.json", "review-privileged-pod.json"] {
            let text = try AdmissionReviewTests.benchReview(name)
            let (omitting, full) = try Self.bothWays(text)
            guard case .pod(let lean)? = omitting.object, case .pod(let whole)? = full.object else {
                Issue.record("\(name) is not a pod review")
                continue
            }
            #expect(lean.metadata.managedFields == nil && whole.metadata.managedFields != nil)
            try Self.expectSameDecisions(text, engine: try GuardrailFixtures.engine(), policies: [
                PodSecurityPolicy(level: .baseline), PodSecurityPolicy(level: .restricted),
            ], label: name)
        }
    }

    @Test func omittedMembersAreStillCheckedAsJSON() {
        for broken in [#"{"a":{"managedFields":[tru]},"b":1}"#, #"{"env":"unterminated}"#, #"{"env":[1,]}"#, #"{"env":{"x" 1}}"#,
                       #"{"env":"bad \q escape"}"#, #"{"env":"\u12"}"#, #"{"env":[[[[["#] {
            #expect(throws: SyntaxError.self, "\(broken)") { try JSONReader.value(broken, omitting: ["env", "managedFields"]) }
        }
        #expect(try! JSONReader.value(#"{"a":1,"env":{"x":[1,2,{"y":"\"z\""}]},"b":true}"#, omitting: ["env"])
            == .object(["a": 1, "b": true]))
        // Inside a map kept whole, an omitted name is data.
        #expect(try! JSONReader.value(#"{"labels":{"env":"x","a":{"env":1}},"env":1,"b":{"env":2}}"#, omitting: ["env"], keepingWhole: ["labels"])
            == .object(["labels": .object(["env": "x", "a": .object(["env": 1])]), "b": .object([:])]))
    }
}
