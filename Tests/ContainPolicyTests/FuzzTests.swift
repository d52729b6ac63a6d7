import ContainModel
import ContainPolicy
import Foundation
import Testing

/// Generated malformed reviews and manifests: every one ends in a decision or a clean error,
/// never a crash. The generator is seeded, so a failure reproduces.
@Suite struct FuzzTests {

    static let replacements: [JSONValue] = [
        .null, .bool(true), .integer(-1), .integer(Int64.max), .double(1e308), .string(""), .string("\u{0}\u{FFFF}"),
        .array([]), .object([:]), .array([.null]), .object(["x": .array([.object([:])])]), .string(String(repeating: "a", count: 10_000)),
    ]

    /// Every path to a value inside `value` (depth first), capped for speed.
    static func paths(_ value: JSONValue, prefix: [String] = [], into out: inout [[String]]) {
        guard out.count < 4000 else { return }
        out.append(prefix)
        switch value {
        case .object(let object): for (key, member) in object { paths(member, prefix: prefix + [key], into: &out) }
        case .array(let items): for (index, item) in items.enumerated() { paths(item, prefix: prefix + [String(index)], into: &out) }
        default: break
        }
    }

    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// One malformed variant of `review`: a value replaced by one of the wrong type, a member
    /// removed, or the text truncated or corrupted.
    static func mutate(_ review: JSONValue, text: String, paths: [[String]], using rng: inout SplitMix64) -> String {
        switch rng.next() % 5 {
        case 0, 1:
            let path = paths[Int(rng.next() % UInt64(paths.count))]
            let replacement = replacements[Int(rng.next() % UInt64(replacements.count))]
            let patch: JSONValue = path.isEmpty ? .array([]) : [["op": "replace", "path": .string(pointer(path)), "value": replacement]]
            guard let mutated = try? JSONPatch.apply(patch, to: review) else { return text }
            return JSONWriter.compact(mutated)
        case 2:
            let path = paths[Int(rng.next() % UInt64(paths.count))]
            guard !path.isEmpty, let mutated = try? JSONPatch.apply([["op": "remove", "path": .string(pointer(path))]], to: review) else {
                return text
            }
            return JSONWriter.compact(mutated)
        case 3:
            let bytes = Array(text.utf8)
            return String(decoding: bytes.prefix(Int(rng.next() % UInt64(bytes.count))), as: UTF8.self)
        default:
            var bytes = Array(text.utf8)
            for _ in 0..<(1 + rng.next() % 4) {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func malformedReviewsGiveCleanErrors() throws {
        let engine = try AdmissionEngine(directory: GuardrailFixtures.directory())
        var rng = SplitMix64(state: 0x5EED_0006)
        var decided = 0
        var refused = 0
        for name in ["review-compliant-pod.json", "review-privileged-pod.json"] {
            let text = try AdmissionReviewTests.benchReview(name)
            let review = try JSONReader.value(text)
            var paths: [[String]] = []
            Self.paths(review, into: &paths)
            for _ in 0..<1_000 {
                let variant = Self.mutate(review, text: text, paths: paths, using: &rng)
                do {
                    let decoded = try AdmissionReviewDecoder.decode(variant)
                    for stage in [AdmissionStage.mutating, .validating] {
                        let decision = engine.review(decoded.request, context: AdmissionContext(stage: stage))
                        let response = AdmissionReviewEncoder.response(uid: decoded.request.uid, decision: decision, mutating: stage == .mutating)
                        #expect(response["response"]?["uid"]?.stringValue == decoded.request.uid)
                    }
                    decided += 1
                } catch {
                    #expect(!error.message.isEmpty)
                    #expect(!error.message.contains("Swift."), "\(error.message)")
                    let status = AdmissionReviewEncoder.status(code: 400, message: error.message)
                    #expect(status["code"] == .integer(400))
                    refused += 1
                }
            }
        }
        print("fuzzed reviews: \(decided) decided, \(refused) refused with 400")
        #expect(decided + refused == 2_000)
        #expect(refused > 500 && decided > 100)
    }

    @Test func malformedManifestsGiveFileLineDiagnostics() throws {
        let base = GuardrailFixtures.podYAML(namespace: "web", images: ["nginx"]) + """
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: i, namespace: web}
            spec: {ingressClassName: external, rules: [{host: www.example.com}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: s, namespace: web}
            spec: {type: NodePort}
            """
        let platform = ManifestSource(path: "platform.yaml", text: GuardrailFixtures.tenantsYAML)
        var rng = SplitMix64(state: 0xF022_0006)
        let lines = base.components(separatedBy: "\n")
        let junk = ["{", "]", ": :", "- - x", "  \t", "key: [unclosed", "\"", "&a *b", "!!binary x", "image: 7", "containers: 3", "spec: null", "kind: Pod", "---"]
        var withFindings = 0
        var withDiagnostics = 0
        for run in 0..<1_000 {
            var mutated = lines
            for _ in 0..<(1 + rng.next() % 3) {
                let index = Int(rng.next() % UInt64(mutated.count))
                switch rng.next() % 3 {
                case 0: mutated[index] = junk[Int(rng.next() % UInt64(junk.count))]
                case 1: mutated.remove(at: index)
                default: mutated.insert(mutated[index].uppercased(), at: index)
                }
                if mutated.isEmpty { mutated = ["x"] }
            }
            let source = ManifestSource(path: "fuzz-\(run).yaml", text: mutated.joined(separator: "\n"))
            let report = try PolicyCheck().run([source], platform: [platform])
            for diagnostic in report.diagnostics {
                #expect(diagnostic.file == source.path)
                #expect(!diagnostic.message.isEmpty)
            }
            for finding in report.findings { #expect(finding.file == source.path && finding.line != nil) }
            if !report.findings.isEmpty { withFindings += 1 }
            if !report.diagnostics.isEmpty { withDiagnostics += 1 }
            _ = report.text
            _ = report.json
        }
        print("fuzzed manifests: \(withFindings) with findings, \(withDiagnostics) with diagnostics")
        #expect(withDiagnostics > 100 && withFindings > 100)
    }
}
