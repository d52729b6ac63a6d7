import ContainModel
import Foundation
import Testing

@Suite("contain verify (end to end)")
struct VerifyCommandTests {
    static let platform = ContainProcess.repositoryRoot.appendingPathComponent("examples/platform.yaml")

    /// The example platform with the payments tenant's `allow-same-namespace` policy widened to
    /// admit every source: one ingress rule with no `from`.
    static let widenedPayments = """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-same-namespace
          namespace: payments
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
          - {}
          egress:
          - to: [{podSelector: {}}]

        """

    static func copyOfPlatform(appending extra: String) throws -> String {
        let text = try String(contentsOf: platform, encoding: .utf8)
        return try ShopFixture.write(text + extra, name: "platform.yaml")
    }

    @Test func examplePlatformVerifies() throws {
        let result = try ContainProcess.run(["verify", "examples/platform.yaml"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
        #expect(result.stdout.contains("ok   cluster dev: 2 tenants (payments, web), 3 namespaces"))
        #expect(result.stdout.contains("ok   cluster staging: 5 tenants (analytics, ml, partner-acme, payments, web), 8 namespaces"))
        #expect(result.stdout.contains("ok   cluster prod-ledger: 1 tenant (ledger), 1 namespace,"))
        #expect(result.stdout.hasSuffix("verified: tenants are isolated as declared on 4 clusters\n"))
    }

    @Test func exampleJSONReportCountsTheChecks() throws {
        let result = try ContainProcess.run(["verify", "--output", "json", "examples/platform.yaml"])
        #expect(result.status == 0)
        let value = try JSONReader.value(result.stdout)
        #expect(value["passed"] == .bool(true))
        #expect(value["findings"] == [])
        let clusters = try #require(value["clusters"]?.arrayValue)
        #expect(clusters.compactMap { $0["name"]?.stringValue } == ["dev", "prod", "prod-ledger", "staging"])
        let dev = clusters[0]
        #expect(dev["tenants"] == ["payments", "web"])
        // dev: web, web-preview and payments; DNS over UDP and TCP from each.
        #expect(dev["dnsChecks"]?.integerValue == 6)
        // web (external, internal) × 2 namespaces + payments (external-secured) × 1.
        #expect(dev["ingressChecks"]?.integerValue == 5)
        #expect((dev["tenantPairsChecked"]?.integerValue ?? 0) > 0)
    }

    @Test func widenedTenantPolicyFailsNamingTenantsAndPolicy() throws {
        let file = try Self.copyOfPlatform(appending: Self.widenedPayments)
        let result = try ContainProcess.run(["verify", file])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains(
            "FAIL cluster staging: tenant analytics can reach tenant payments, whose spec.network.allowFrom does not list analytics: "
                + "analytics/contain-probe -> payments/contain-probe on any TCP port; any UDP port; any SCTP port (2 pod pairs); "
                + "admitted by payments/allow-same-namespace ingress[0]"))
        // web is declared in payments' allowFrom: not a finding; dev (web and payments only) passes.
        #expect(!result.stdout.contains("tenant web can reach tenant payments"))
        #expect(result.stdout.contains("ok   cluster dev:"))
        #expect(result.stdout.contains("FAIL cluster staging:"))
        #expect(result.stdout.hasSuffix("FAILED: 6 findings on 2 of 4 clusters\n"))
    }

    @Test func widenedPolicyJSONListsEveryUndeclaredPair() throws {
        let file = try Self.copyOfPlatform(appending: Self.widenedPayments)
        let result = try ContainProcess.run(["verify", "-o", "json", file])
        #expect(result.status == 1)
        let value = try JSONReader.value(result.stdout)
        #expect(value["passed"] == .bool(false))
        let findings = try #require(value["findings"]?.arrayValue)
        let pairs = Set(findings.map { "\($0["cluster"]?.stringValue ?? ""): \($0["sourceTenant"]?.stringValue ?? "") -> \($0["destinationTenant"]?.stringValue ?? "")" })
        #expect(pairs == [
            "prod: analytics -> payments", "prod: ml -> payments", "prod: risk -> payments",
            "staging: analytics -> payments", "staging: ml -> payments", "staging: partner-acme -> payments",
        ])
        for finding in findings {
            #expect(finding["kind"]?.stringValue == "undeclaredTenantPath")
            #expect(finding["policies"] == ["payments/allow-same-namespace"])
            #expect(finding["rules"] == ["payments/allow-same-namespace ingress[0]"])
            // The sources' own default-deny egress still blocks it today.
            #expect(finding["openNow"] == .bool(false))
        }
    }

    @Test func invalidPlatformExitsTwoWithDiagnostics() throws {
        let result = try ContainProcess.run(["verify", "examples/invalid/tenant-unknown-cluster.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("examples/invalid/tenant-unknown-cluster.yaml:24:"))
        #expect(result.stdout.isEmpty)
        let missing = try ContainProcess.run(["verify", "no/such/platform.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "no/such/platform.yaml: no such file or directory\n")
    }
}
