import ContainModel
import ContainPolicy
import Foundation
import Testing

/// The AdmissionReview codec on the real reviews in `../shared/bench` and on broken ones.
@Suite struct AdmissionReviewTests {
    static var benchDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/bench")
    }

    static func benchReview(_ name: String) throws -> String {
        try String(contentsOf: benchDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func decodesTheRealReviews() throws {
        for name in ["review-compliant-pod.json", "review-privileged-pod.json"] {
            let review = try AdmissionReviewDecoder.decode(try Self.benchReview(name))
            #expect(review.apiVersion == "admission.k8s.io/v1")
            #expect(review.request.uid == "3b5f8e2a-1c4d-4e6f-9a7b-0c1d2e3f4a5b" || !review.request.uid.isEmpty)
            #expect(review.request.operation == .create)
            #expect(review.request.namespace == "psa-bench")
            #expect(review.request.kind == GroupVersionKind(group: "", version: "v1", kind: "Pod"))
            #expect(review.request.user.username == "system:serviceaccount:kube-system:replicaset-controller")
            guard case .pod(let pod) = review.request.object else { Issue.record("not a pod"); continue }
            #expect(pod.spec.containers.map(\.name) == ["web", "log-shipper", "auth-proxy"])
        }
    }

    @Test func decidesTheRealReviewsAtTheDefaultLevel() throws {
        let engine = AdmissionEngine()  // baseline:latest, no tenants
        let compliant = try AdmissionReviewDecoder.decode(try Self.benchReview("review-compliant-pod.json"))
        #expect(engine.review(compliant.request, context: AdmissionContext(stage: .validating)) == .allow)
        let privileged = try AdmissionReviewDecoder.decode(try Self.benchReview("review-privileged-pod.json"))
        let decision = engine.review(privileged.request, context: AdmissionContext(stage: .validating))
        #expect(decision.message == #"violates PodSecurity "baseline:latest": privileged (container "log-shipper" must not set securityContext.privileged=true)"#)
        let restricted = AdmissionEngine(defaultPodSecurity: PodSecurityPolicy(level: .restricted))
        let strict = restricted.review(privileged.request, context: AdmissionContext(stage: .validating))
        #expect(strict.message.hasPrefix(#"violates PodSecurity "restricted:latest": privileged (container "log-shipper" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "log-shipper" must set securityContext.allowPrivilegeEscalation=false)"#))
    }

    @Test func responseEchoesTheUIDAndNothingOfTheRequest() throws {
        let text = try Self.benchReview("review-privileged-pod.json")
        let review = try AdmissionReviewDecoder.decode(text)
        let decision = AdmissionEngine().review(review.request, context: AdmissionContext(stage: .validating))
        let response = AdmissionReviewEncoder.response(uid: review.request.uid, decision: decision, mutating: false)
        let json = JSONWriter.compact(response)
        #expect(json.utf8.count < 600)
        #expect(response["response"]?["uid"]?.stringValue == review.request.uid)
        #expect(response["response"]?["allowed"] == .bool(false))
        #expect(response["response"]?["status"]?["code"] == .integer(403))
        #expect(response["response"]?["status"]?["reason"]?.stringValue == "Forbidden")
        #expect(response["response"]?["patch"] == nil)
        #expect(response["request"] == nil)
        #expect(response["apiVersion"]?.stringValue == "admission.k8s.io/v1" && response["kind"]?.stringValue == "AdmissionReview")
    }

    @Test func mutatingResponseCarriesABase64JSONPatch() throws {
        let decision = AdmissionDecision(patch: [PatchOperation(.add, "/spec/runtimeClassName", "gvisor")])
        let response = AdmissionReviewEncoder.response(uid: "u1", decision: decision, mutating: true)
        #expect(response["response"]?["patchType"]?.stringValue == "JSONPatch")
        let encoded = try #require(response["response"]?["patch"]?.stringValue)
        let patch = try #require(Data(base64Encoded: encoded)).map { Character(UnicodeScalar($0)) }
        #expect(String(patch) == #"[{"op":"add","path":"/spec/runtimeClassName","value":"gvisor"}]"#)
        // A validating answer never carries a patch.
        #expect(AdmissionReviewEncoder.response(uid: "u1", decision: decision, mutating: false)["response"]?["patch"] == nil)
    }

    @Test func updateDeleteConnectAndDryRunReviews() throws {
        let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"n"},"spec":{"containers":[{"name":"c","image":"i"}]}}"#
        func review(_ operation: String, object: String?, old: String?, extra: String = "") -> String {
            var request = #"{"uid":"u","kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},"operation":"\#(operation)""#
            if let object { request += #","object":\#(object)"# }
            if let old { request += #","oldObject":\#(old)"# }
            request += extra + "}"
            return #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":\#(request)}"#
        }
        let update = try AdmissionReviewDecoder.decode(review("UPDATE", object: pod, old: pod, extra: #","dryRun":true"#))
        #expect(update.request.operation == .update && update.request.dryRun && update.request.oldObject != nil)
        let delete = try AdmissionReviewDecoder.decode(review("DELETE", object: nil, old: pod))
        #expect(delete.request.object == nil && delete.request.oldObject != nil)
        let connect = try AdmissionReviewDecoder.decode(review("CONNECT", object: #"{"kind":"PodExecOptions","apiVersion":"v1","command":["sh"]}"#, old: nil, extra: #","subResource":"exec""#))
        #expect(AdmissionEngine().review(connect.request, context: AdmissionContext(stage: .validating)) == .allow)
        #expect(throws: AdmissionReviewError("request.oldObject: Required value: an UPDATE review carries the new and the old object")) {
            try AdmissionReviewDecoder.decode(review("UPDATE", object: pod, old: nil))
        }
    }

    @Test func malformedReviewsHavePreciseMessages() throws {
        let cases: [(String, String)] = [
            ("", "the body is not valid JSON: 1:1: "),
            ("[]", "expected an AdmissionReview object, got array"),
            (#"{"kind":"AdmissionReview"}"#, "apiVersion: Required value"),
            (#"{"apiVersion":"admission.k8s.io/v2","kind":"AdmissionReview"}"#, "apiVersion: Unsupported value: \"admission.k8s.io/v2\""),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"Pod"}"#, "kind: Unsupported value: \"Pod\""),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"#, "request: Required value"),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{}}"#, "request.uid: Required value"),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":7}}"#, "request.uid: Invalid value: expected a string, got integer"),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"PATCH"}}"#,
             "request.operation: Unsupported value: \"PATCH\""),
            (#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Pod"},"operation":"CREATE","object":{"apiVersion":"v1","kind":"Pod","spec":{"containers":"no"}}}}"#,
             "request.object: metadata: Required value; spec.containers: expected array, got string \"no\""),
        ]
        for (text, prefix) in cases {
            do {
                _ = try AdmissionReviewDecoder.decode(text)
                Issue.record("decoded: \(text)")
            } catch {
                #expect(error.message.hasPrefix(prefix), "\(error.message)")
            }
        }
    }

    @Test func truncatedRealReviewIsRefusedWithAPosition() throws {
        let text = try Self.benchReview("review-compliant-pod.json")
        let truncated = String(decoding: Array(text.utf8.prefix(text.utf8.count / 2)), as: UTF8.self)
        #expect(throws: AdmissionReviewError.self) { try AdmissionReviewDecoder.decode(truncated) }
        do { _ = try AdmissionReviewDecoder.decode(truncated) } catch { #expect(error.message.hasPrefix("the body is not valid JSON: 1:")) }
    }
}
