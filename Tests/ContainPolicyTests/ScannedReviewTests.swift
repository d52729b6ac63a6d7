import ContainModel
import ContainPolicy
import Foundation
import Testing

/// `AdmissionReviewDecoder.scanned(bytes:)` is a faster route to the review `parsed(bytes:)`
/// decodes, never a different one: wherever it gives a review, the general route gives the same
/// (field by field, the pod compared whole), and wherever the general route refuses a review the
/// scanner gives nothing.
@Suite struct ScannedReviewTests {
    /// Whether two decoded reviews are the same; pods are compared whole, other objects by kind.
    static func same(_ a: DecodedAdmissionReview, _ b: DecodedAdmissionReview) -> Bool {
        let x = a.request, y = b.request
        return a.apiVersion == b.apiVersion && x.uid == y.uid && x.kind == y.kind && x.subResource == y.subResource
            && x.name == y.name && x.namespace == y.namespace && x.operation == y.operation && x.user == y.user
            && x.dryRun == y.dryRun && samePod(x.object, y.object) && samePod(x.oldObject, y.oldObject)
    }

    static func samePod(_ a: AdmissionObject?, _ b: AdmissionObject?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (.pod(let x)?, .pod(let y)?): x == y
        default: false
        }
    }

    /// Checks the contract on one review text; returns whether the scanner read it.
    @discardableResult
    static func expectAgreement(_ text: String, label: String) -> Bool {
        let bytes = Array(text.utf8)
        let general = try? AdmissionReviewDecoder.parsed(bytes: bytes)
        guard let scanned = AdmissionReviewDecoder.scanned(bytes: bytes) else { return false }
        guard let general else {
            Issue.record("\(label): the scanner read a review the general route refuses")
            return true
        }
        let agree = same(scanned, general)
        #expect(agree, "\(label): the scanner and the general route read different reviews")
        return true
    }

    @Test func benchmarkReviewsAreScanned() throws {
        for name in ["review-compliant-pod.json", "review-privileged-pod.json"] {
            let text = try AdmissionReviewTests.benchReview(name)
            #expect(Self.expectAgreement(text, label: name), "\(name) was not scanned")
            let decoded = try AdmissionReviewDecoder.decode(text)
            guard case .pod(let pod)? = decoded.request.object else {
                Issue.record("\(name) is not a pod review")
                continue
            }
            #expect(pod.spec.containers.count == 3 && pod.metadata.managedFields == nil)
        }
    }

    @Test func podSecurityCorpusScansToTheGeneralReading() throws {
        let fixtures = try PodSecurityConformanceTests.fixtures()
        var scanned = 0
        for fixture in fixtures {
            let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
            guard let value = try YAMLReader.documents(text).first?.value else { continue }
            let kind = value["kind"]?.stringValue ?? "Pod"
            let created = UnreadMembersTests.review(UnreadMembersTests.withUnreadMembers(value), kind: kind, namespace: "test")
            if Self.expectAgreement(created, label: fixture.path) { scanned += 1 }
            // The same pod as an UPDATE, with itself as the old object.
            guard kind == "Pod" else { continue }
            let updated = created
                .replacingOccurrences(of: #""operation":"CREATE""#, with: #""operation":"UPDATE""#)
                .replacingOccurrences(of: #""object":"#, with: #""oldObject":\#(JSONWriter.compact(value)),"object":"#)
            Self.expectAgreement(updated, label: fixture.path + " (update)")
        }
        print("scanned reviews: \(scanned) of \(fixtures.count) Pod Security corpus reviews read by the scanner, all as the general route reads them")
        // Workload fixtures and pods with kinds of volume or fields the scanner does not read go the general way.
        #expect(scanned > 2_500)
    }

    @Test func malformedAndMistypedReviewsAreNeverReadDifferently() throws {
        var rng = SplitMix64(state: 0x5CA1_0006)
        var scanned = 0
        var total = 0
        for name in ["review-compliant-pod.json", "review-privileged-pod.json"] {
            let text = try AdmissionReviewTests.benchReview(name)
            let review = try JSONReader.value(text)
            var paths: [[String]] = []
            FuzzTests.paths(review, into: &paths)
            for _ in 0..<1_500 {
                let variant = FuzzTests.mutate(review, text: text, paths: paths, using: &rng)
                if Self.expectAgreement(variant, label: "\(name) variant \(total)") { scanned += 1 }
                total += 1
            }
        }
        print("scanned reviews: \(scanned) of \(total) generated variants read by the scanner, all as the general route reads them")
        #expect(scanned > 100)
    }

    @Test func unusualButValidShapesAgree() throws {
        let text = try AdmissionReviewTests.benchReview("review-compliant-pod.json")
        // Null where a value is optional, escapes, unusual numbers and quantities, repeated names, unknown volumes.
        let edits: [(String, String)] = [
            (#""dryRun":false"#, #""dryRun":null"#),
            (#""generateName":"shop-web-7d4b9c8f6d-","#, #""generateName":"shop\u002dweb\n\"x\"","#),
            (#""pod-template-hash":"7d4b9c8f6d""#, #""pod-template-hash":"7d4b9c8f6d","x/y":"z\/w""#),
            (#""runAsUser":65532"#, #""runAsUser":65532.0"#),
            (#""runAsUser":65532"#, #""runAsUser":-9223372036854775808"#),
            (#""runAsUser":65532"#, #""runAsUser":9223372036854775808"#),
            (#""cpu":"250m""#, #""cpu":2"#),
            (#""cpu":"250m""#, #""cpu":null"#),
            (#""cpu":"250m""#, #""cpu":" 250m ""#),
            (#""sizeLimit":"64Mi""#, #""sizeLimit":null"#),
            (#""priority":0"#, #""priority":2147483648"#),
            (#""name":"web","#, #""name":"web","name":"web","#),
            (#""preemptionPolicy":"PreemptLowerPriority""#, #""preemptionPolicy":"Sometimes""#),
            (#""emptyDir":{"#, #""nfs":{"server":"s","path":"/"},"emptyDir":{"#),
            (#""kind":"Pod","#, #""kind":"Deployment","#),
            ("\"uid\":\"3b5f8e2a-1c4d-4e6f-9a7b-0c1d2e3f4a5b\"", #""uid":"""#),
        ]
        var variants: [String] = edits.map { text.replacingOccurrences(of: $0.0, with: $0.1) }
        variants.append(text + " x")
        variants.append("  " + text + "\n\n")
        var scanned = 0
        for (index, variant) in variants.enumerated() where Self.expectAgreement(variant, label: "variant \(index)") { scanned += 1 }
        // Optional nulls, escapes, integer and null quantities, padding: pod reviews the scanner reads.
        #expect(scanned >= 4)
        let escaped = try #require(AdmissionReviewDecoder.scanned(bytes: Array(variants[1].utf8)))
        guard case .pod(let pod)? = escaped.request.object else { throw Expectation.notAPod }
        #expect(pod.metadata.generateName == "shop-web\n\"x\"")
    }

    @Test func mapKeysNamedLikeUnreadMembersAreKeptByBothRoutes() throws {
        let text = try AdmissionReviewTests.benchReview("review-compliant-pod.json")
            .replacingOccurrences(of: #""pod-template-hash":"7d4b9c8f6d""#, with: #""pod-template-hash":"7d4b9c8f6d","status":"ok","env":"prod""#)
            .replacingOccurrences(of: #""prometheus.io/port":"9090""#, with: #""prometheus.io/port":"9090","items":"3""#)
        let bytes = Array(text.utf8)
        let scanned = try #require(AdmissionReviewDecoder.scanned(bytes: bytes))
        let parsed = try AdmissionReviewDecoder.parsed(bytes: bytes)
        #expect(Self.same(scanned, parsed))
        for review in [scanned, parsed] {
            guard case .pod(let pod)? = review.request.object else { throw Expectation.notAPod }
            #expect(pod.metadata.labels?["status"] == "ok" && pod.metadata.labels?["env"] == "prod")
            #expect(pod.metadata.annotations?["items"] == "3")
        }
    }

    @Test func malformedSkippedMembersAreRefusedByBothRoutes() throws {
        let text = try AdmissionReviewTests.benchReview("review-compliant-pod.json")
        let managed = #""managedFields":["#
        let edits: [(String, String)] = [
            (managed, managed + "tru,"), (managed, managed + #"{"a" 1},"#), (managed, managed + "1.5e999,"),
            (managed, managed + #"{"a":[}],"#), (managed, managed + "[1,],"), (managed, managed + "\"tab\there\","),
            (managed, managed + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + ","),
            (#""env":["#, #""env":["\q","#), (#""env":["#, #""env":["\u12","#), (#""args":["#, #""args":[nul,"#),
        ]
        for (find, replace) in edits {
            let variant = text.replacingOccurrences(of: find, with: replace)
            #expect(variant != text, "\(replace) was not applied")
            #expect(AdmissionReviewDecoder.scanned(bytes: Array(variant.utf8)) == nil, "\(replace) was scanned")
            #expect(throws: AdmissionReviewError.self, "\(replace) was accepted") {
                try AdmissionReviewDecoder.parsed(bytes: Array(variant.utf8))
            }
        }
    }

    enum Expectation: Error { case notAPod }
}
