import ContainModel
import Foundation
import Testing

@Suite("contain policy check and contain admission flags (end to end)")
struct PolicyCheckCommandTests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: web}
        spec:
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: app
                image: nginx:1.27
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: web}
        spec: {type: NodePort, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: payments}
        spec:
          containers:
          - name: shell
            image: registry.example.com/payments/tools@sha256:\(String(repeating: "f", count: 64))
            securityContext: {privileged: true}
        """

    static func withManifests(_ text: String, _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent("app.yaml"), atomically: true, encoding: .utf8)
        try body(directory.path)
    }

    @Test func violationsArePrintedAtTheirLines() throws {
        try Self.withManifests(Self.manifests) { directory in
            let result = try ContainProcess.run(["policy", "check", "--platform", "examples/platform.yaml", directory])
            #expect(result.status == 1)
            let file = directory + "/app.yaml"
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains(file + #":12: Deployment/shop: registries: container "app" image "nginx:1.27" is not from a registry tenant "web" may use (registry.example.com/web)"#))
            #expect(lines.contains(file + #":18: Service/shop: serviceTypes: service type NodePort is not allowed for tenant "web" (allowed: ClusterIP)"#))
            #expect(lines.contains { $0.hasPrefix(file + #":23: Pod/debug: violates PodSecurity "restricted:latest": privileged (container "shell" must not set securityContext.privileged=true), allowPrivilegeEscalation != false"#) })
            #expect(lines.last == "1 file, 3 objects: 3 enforced violations, 0 warn/audit, 0 unreadable")
        }
    }

    @Test func jsonOutputAndLevelOverride() throws {
        try Self.withManifests(Self.manifests) { directory in
            let result = try ContainProcess.run(["policy", "check", "--level", "baseline", "--version", "v1.30", "-o", "json", directory])
            #expect(result.status == 1)
            let report = try JSONReader.value(result.stdout)
            #expect(report["enforced"] == .integer(1))
            let finding = try #require(report["findings"]?.arrayValue?.first)
            #expect(finding["object"]?.stringValue == "Pod/debug")
            #expect(finding["rule"]?.stringValue == "podSecurity")
            #expect(finding["message"]?.stringValue == #"violates PodSecurity "baseline:v1.30": privileged (container "shell" must not set securityContext.privileged=true)"#)
        }
    }

    @Test func cleanManifestsPass() throws {
        let clean = """
            apiVersion: v1
            kind: Service
            metadata: {name: shop, namespace: web}
            spec: {ports: [{port: 80}]}
            """
        try Self.withManifests(clean) { directory in
            let result = try ContainProcess.run(["policy", "check", "--platform", "examples/platform.yaml", directory])
            #expect(result.status == 0)
            #expect(result.stdout == "1 file, 1 object: 0 enforced violations, 0 warn/audit, 0 unreadable\n")
        }
    }

    @Test func badArgumentsAreRefused() throws {
        let unknown = try ContainProcess.run(["policy", "check", "--tenant", "nobody", "--platform", "examples/platform.yaml", "examples/platform.yaml"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no Tenant \"nobody\" in the platform"))
        let level = try ContainProcess.run(["policy", "check", "--level", "strict", "examples/platform.yaml"])
        #expect(level.status != 0 && level.stderr.contains("--level must be one of privileged, baseline, restricted"))
        let insecure = try ContainProcess.run(["admission", "--listen", "0.0.0.0:8443", "--insecure-http"])
        #expect(insecure.status != 0 && insecure.stderr.contains("allowed on loopback addresses only"))
        let halfTLS = try ContainProcess.run(["admission", "--listen", "127.0.0.1:0", "--tls-cert", "x.crt"])
        #expect(halfTLS.status != 0 && halfTLS.stderr.contains("--tls-cert and --tls-key go together"))
    }
}
