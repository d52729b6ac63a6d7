import ContainAdmission
import ContainModel
import ContainPolicy
import Foundation
import Hummingbird
import Testing

/// The webhook over real HTTPS: certificates from the `openssl` CLI, reviews posted by `curl`
/// exactly as the files in `../shared/bench` hold them.
@Suite(.serialized) struct WebhookTests {
    static var benchDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/bench")
    }

    static let platformYAML = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: payments}
        spec:
          owners: [{kind: Group, name: payments-admins}]
          clusters: [prod]
          namespaces: [{name: payments}]
          isolation: {runtime: gvisor, podSecurity: restricted}
          registries: [registry.example.com]
        """

    struct Output {
        let status: Int
        let body: String
        var json: JSONValue? { try? JSONReader.value(body) }
    }

    /// Runs `command` and returns its standard output; throws on a non-zero exit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestError.failed("\(executable) \(arguments) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    enum TestError: Error { case failed(String) }

    /// A self-signed certificate for localhost and 127.0.0.1, made with the openssl CLI.
    static func makeCertificate(in directory: URL) throws -> (cert: String, key: String) {
        let cert = directory.appendingPathComponent("tls.crt").path
        let key = directory.appendingPathComponent("tls.key").path
        try run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                     "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=contain-admission",
                                     "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        return (cert, key)
    }

    /// POSTs (or GETs, without a body) over HTTPS with curl, trusting only `ca`.
    static func curl(_ url: String, ca: String, method: String = "POST", bodyFile: String? = nil, body: String? = nil) throws -> Output {
        var arguments = ["-sS", "--cacert", ca, "-X", method, "-H", "Content-Type: application/json", "-w", "\n%{http_code}"]
        if let bodyFile { arguments += ["--data-binary", "@" + bodyFile] }
        if let body { arguments += ["--data-binary", body] }
        arguments.append(url)
        let output = try run("/usr/bin/curl", arguments)
        let split = output.split(separator: "\n", omittingEmptySubsequences: false)
        return Output(status: Int(split.last ?? "") ?? 0, body: split.dropLast().joined(separator: "\n"))
    }

    /// Starts the webhook on a free port, runs `body` with its base URL, and stops it.
    /// With `generated`, the server makes its own CA and certificate and curl trusts that CA.
    static func withWebhook(generated: Bool = false, _ body: @Sendable (String, String, AdmissionMetrics) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (tenants, _) = TenantDirectory.load([ManifestSource(path: "platform.yaml", text: platformYAML)])
        var configuration = AdmissionServerConfiguration(host: "127.0.0.1", port: 0, engine: AdmissionEngine(directory: tenants))
        let trust: String
        if generated {
            configuration.tlsDirectory = directory.appendingPathComponent("tls").path
            trust = configuration.tlsDirectory + "/ca.crt"
        } else {
            let (cert, key) = try makeCertificate(in: directory)
            configuration.tlsCertificatePath = cert
            configuration.tlsKeyPath = key
            trust = cert
        }
        let metrics = AdmissionMetrics()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try AdmissionServer.application(configuration, metrics: metrics) { port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestError.failed("the server did not start") }
            try await body("https://localhost:\(port)", trust, metrics)
            group.cancelAll()
        }
    }

    @Test func servesRealReviewsOverHTTPS() async throws {
        try await Self.withWebhook { base, ca, metrics in
            let compliant = try Self.curl(base + "/validate", ca: ca, bodyFile: Self.benchDirectory.appendingPathComponent("review-compliant-pod.json").path)
            #expect(compliant.status == 200)
            let allowed = try #require(compliant.json)
            #expect(allowed["response"]?["uid"]?.stringValue == "3b5f8e2a-1c4d-4e6f-9a7b-0c1d2e3f4a5b")
            #expect(allowed["response"]?["allowed"] == .bool(true))
            #expect(allowed["request"] == nil && compliant.body.utf8.count < 200)

            let privileged = try Self.curl(base + "/validate", ca: ca, bodyFile: Self.benchDirectory.appendingPathComponent("review-privileged-pod.json").path)
            #expect(privileged.status == 200)
            let denied = try #require(privileged.json)
            #expect(denied["response"]?["allowed"] == .bool(false))
            #expect(denied["response"]?["status"]?["code"] == .integer(403))
            #expect(denied["response"]?["status"]?["message"]?.stringValue
                    == #"violates PodSecurity "baseline:latest": privileged (container "log-shipper" must not set securityContext.privileged=true)"#)
            #expect(privileged.body.utf8.count < 600)

            let metricsText = try Self.curl(base + "/metrics", ca: ca, method: "GET")
            #expect(metricsText.body.contains(#"contain_admission_decisions_total{endpoint="validate",decision="allowed",dry_run="false"} 1"#))
            #expect(metricsText.body.contains(#"contain_admission_decisions_total{endpoint="validate",decision="denied",dry_run="false"} 1"#))
            #expect(metricsText.body.contains(#"contain_admission_duration_seconds_count{endpoint="validate"} 2"#))
            #expect(metrics.count(endpoint: "validate", decision: "denied") == 1)
        }
    }

    @Test func mutateReturnsABase64JSONPatchThatAppliesCleanly() async throws {
        try await Self.withWebhook { base, ca, _ in
            let pod: JSONValue = [
                "apiVersion": "v1", "kind": "Pod", "metadata": ["name": "api", "namespace": "payments"],
                "spec": ["securityContext": ["runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"]],
                         "containers": [["name": "api", "image": "registry.example.com/payments/api:1",
                                         "securityContext": ["allowPrivilegeEscalation": false, "capabilities": ["drop": ["ALL"]]]]]],
            ]
            let review: JSONValue = [
                "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
                "request": ["uid": "mutate-1", "kind": ["group": "", "version": "v1", "kind": "Pod"],
                            "resource": ["group": "", "version": "v1", "resource": "pods"], "namespace": "payments",
                            "operation": "CREATE", "userInfo": ["username": "alice"], "object": pod, "dryRun": true],
            ]
            let output = try Self.curl(base + "/mutate", ca: ca, body: JSONWriter.compact(review))
            #expect(output.status == 200)
            let response = try #require(output.json?["response"])
            #expect(response["uid"]?.stringValue == "mutate-1" && response["allowed"] == .bool(true))
            #expect(response["patchType"]?.stringValue == "JSONPatch")
            let encoded = try #require(response["patch"]?.stringValue)
            let data = try #require(Data(base64Encoded: encoded))
            let patch = try JSONReader.value(String(decoding: data, as: UTF8.self))
            let mutated = try JSONPatch.apply(patch, to: pod)
            #expect(mutated["spec"]?["runtimeClassName"]?.stringValue == "gvisor")
            #expect(mutated["spec"]?["containers"]?.arrayValue?.first?["resources"]?["limits"]?["memory"]?.stringValue == "512Mi")
            // The mutated pod passes /validate.
            var validateReview = review
            if case .object(var outer) = validateReview, case .object(var request)? = outer["request"] {
                request["object"] = mutated
                outer["request"] = .object(request)
                validateReview = .object(outer)
            }
            let validated = try Self.curl(base + "/validate", ca: ca, body: JSONWriter.compact(validateReview))
            #expect(validated.json?["response"]?["allowed"] == .bool(true))
            #expect(validated.json?["response"]?["warnings"] == nil)
        }
    }

    @Test func malformedRequestsGet400WithAStatus() async throws {
        try await Self.withWebhook { base, ca, metrics in
            let text = try String(contentsOf: Self.benchDirectory.appendingPathComponent("review-compliant-pod.json"), encoding: .utf8)
            let truncated = try Self.curl(base + "/validate", ca: ca, body: String(text.prefix(5000)))
            #expect(truncated.status == 400)
            #expect(truncated.json?["kind"]?.stringValue == "Status")
            #expect(truncated.json?["reason"]?.stringValue == "BadRequest")
            #expect(truncated.json?["message"]?.stringValue?.hasPrefix("invalid AdmissionReview: the body is not valid JSON: 1:") == true)
            let noUID = try Self.curl(base + "/mutate", ca: ca, body: #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{}}"#)
            #expect(noUID.status == 400 && noUID.json?["message"]?.stringValue == "invalid AdmissionReview: request.uid: Required value")
            #expect(try Self.curl(base + "/validate", ca: ca, method: "GET").status == 405)
            #expect(try Self.curl(base + "/nope", ca: ca, body: "{}").status == 404)
            #expect(metrics.count(endpoint: "validate", decision: "error") == 1)
            // Still serving after all that.
            let ok = try Self.curl(base + "/validate", ca: ca, body: text)
            #expect(ok.status == 200)
        }
    }

    @Test func generatesItsOwnCertificateWhenNoneIsGiven() async throws {
        try await Self.withWebhook(generated: true) { base, ca, _ in
            #expect(FileManager.default.fileExists(atPath: ca))
            let output = try Self.curl(base + "/validate", ca: ca, bodyFile: Self.benchDirectory.appendingPathComponent("review-compliant-pod.json").path)
            #expect(output.status == 200)
            #expect(output.json?["response"]?["allowed"] == .bool(true))
            // Restarting reuses the same CA (the caBundle stays valid).
            let before = try String(contentsOfFile: ca, encoding: .utf8)
            let directory = (ca as NSString).deletingLastPathComponent
            _ = try AdmissionServer.generatedTLS(AdmissionServerConfiguration(tlsDirectory: directory))
            #expect(try String(contentsOfFile: ca, encoding: .utf8) == before)
        }
    }

    @Test func plainHTTPOnlyOnLoopbackAndTLSFilesMustLoad() throws {
        #expect(throws: AdmissionServerError.self) {
            try AdmissionServerConfiguration(host: "0.0.0.0", port: 0, insecureHTTP: true).check()
        }
        #expect(throws: AdmissionServerError.self) {
            try AdmissionServerConfiguration(host: "127.0.0.1", port: 0, tlsCertificatePath: "/x.crt").check()
        }
        try AdmissionServerConfiguration(host: "127.0.0.1", port: 0, insecureHTTP: true).check()
        try AdmissionServerConfiguration(host: "127.0.0.1", port: 0).check()  // generates its certificate
        do {
            _ = try AdmissionServer.tlsConfiguration(certificatePath: "/nonexistent.crt", keyPath: "/nonexistent.key")
            Issue.record("loaded a missing certificate")
        } catch {
            #expect(error.description.hasPrefix("cannot load the TLS certificate /nonexistent.crt"))
        }
        let listen = try AdmissionServerConfiguration.parseListen("[::1]:8443")
        #expect(listen.host == "::1" && listen.port == 8443)
        #expect(throws: AdmissionServerError.self) { try AdmissionServerConfiguration.parseListen("localhost:99999") }
    }
}
