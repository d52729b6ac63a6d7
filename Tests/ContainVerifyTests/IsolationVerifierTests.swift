import ContainModel
import ContainNetwork
import ContainTenancy
import ContainVerify
import Foundation
import Testing

/// The example platform, plus extra manifests, verified in memory.
enum PlatformFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func manifests(appending extra: String = "") throws -> [LoadedManifest] {
        let text = try String(contentsOf: root.appendingPathComponent("examples/platform.yaml"), encoding: .utf8)
        let set = ManifestLoader().load(text + extra, file: "platform.yaml")
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        return set.manifests
    }

    static func verify(appending extra: String = "", servicePort: PortQuery = PortQuery(port: 8080)) throws -> IsolationReport {
        try IsolationVerifier(servicePort: servicePort).verify(VerificationInput(manifests: manifests(appending: extra)))
    }

    static func policy(_ namespace: String, _ name: String, _ spec: String) -> String {
        """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
        \(spec)

        """
    }
}

@Suite("Isolation verifier")
struct IsolationVerifierTests {
    @Test("the example platform verifies on every cluster")
    func examplePasses() throws {
        let report = try PlatformFixture.verify()
        #expect(report.passed, "\(report.text)")
        #expect(report.findings.isEmpty)
        #expect(report.clusters.map(\.name) == ["dev", "prod", "prod-ledger", "staging"])
        let prod = try #require(report.clusters.first { $0.name == "prod" })
        #expect(prod.tenants == ["analytics", "ml", "payments", "risk", "web"])
        // Namespaces on prod: analytics, analytics-sandbox, ml-serving, ml-training, payments,
        // payments-batch, risk, web — one probe each, plus DNS and three ingress controllers.
        #expect(prod.namespaces == 8)
        #expect(prod.pods == 8 + 1 + 3)
        #expect(prod.dnsChecks == 16)
        // Port classes: TCP 1-52, 53, 54-65535; UDP the same; SCTP one.
        #expect(prod.portClasses == 7)
    }

    @Test("an undeclared path is reported with both tenants and the admitting rule; a declared one is not")
    func widenedIngress() throws {
        let report = try PlatformFixture.verify(appending: PlatformFixture.policy("risk", "allow-same-namespace", """
              podSelector: {}
              policyTypes: [Ingress]
              ingress: [{}]
            """))
        #expect(!report.passed)
        let sources = report.findings.map { "\($0.cluster) \($0.sourceTenant ?? "-") -> \($0.destinationTenant ?? "-")" }.sorted()
        // payments is declared in risk's allowFrom; every other tenant on prod is not.
        #expect(sources == ["prod analytics -> risk", "prod ml -> risk", "prod web -> risk"])
        let web = try #require(report.findings.first { $0.sourceTenant == "web" })
        #expect(web.kind == .undeclaredTenantPath)
        #expect(web.rules == ["risk/allow-same-namespace ingress[0]"])
        #expect(web.policies == ["risk/allow-same-namespace"])
        #expect(web.ports == "any TCP port; any UDP port; any SCTP port")
        #expect(web.openNow == false)
        #expect(web.source == "web/contain-probe")
        #expect(web.destination == "risk/contain-probe")
        #expect(web.message.contains("tenant web can reach tenant risk"))
    }

    @Test("a path both sides allow is reported as open now, with the ports it covers")
    func openPath() throws {
        let extra = PlatformFixture.policy("payments", "allow-postgres", """
              podSelector: {}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {platform.contain.dev/tenant: ml}}}]
                ports: [{port: 5432}]
            """) + PlatformFixture.policy("ml-training", "egress-anywhere", """
              podSelector: {}
              policyTypes: [Egress]
              egress: [{}]
            """)
        let report = try PlatformFixture.verify(appending: extra)
        let findings = report.findings.filter { $0.sourceTenant == "ml" && $0.destinationTenant == "payments" }
        #expect(findings.map(\.cluster).sorted() == ["prod", "staging"])
        for finding in findings {
            #expect(finding.ports == "TCP 5432")
            #expect(finding.rules == ["payments/allow-postgres ingress[0]"])
            // ml-training's egress is open; ml-serving's (prod only) is not: the open pair wins.
            #expect(finding.openNow == true)
            #expect(finding.source == "ml-training/contain-probe")
            #expect(finding.destination == "payments/contain-probe")
        }
        #expect(report.findings.count == 2)
    }

    @Test("a policy that opens a path only to labelled pods is found through a selector probe")
    func labelledWidening() throws {
        let report = try PlatformFixture.verify(appending: PlatformFixture.policy("web", "api-from-all", """
              podSelector: {matchLabels: {app: api}, matchExpressions: [{key: tier, operator: In, values: [backend]}]}
              ingress:
              - from: [{namespaceSelector: {}}]
            """))
        let finding = try #require(report.findings.first { $0.cluster == "dev" })
        #expect(finding.sourceTenant == "payments")
        #expect(finding.destinationTenant == "web")
        #expect(finding.destination == "web/contain-probe-1")
        #expect(finding.rules == ["web/api-from-all ingress[0]"])
    }

    @Test("DNS blocked in one namespace is a finding naming the namespace and the isolating policies")
    func dnsBlocked() throws {
        // Replacing allow-dns with a rule for the wrong port leaves the namespace without DNS.
        let report = try PlatformFixture.verify(appending: PlatformFixture.policy("web-preview", "allow-dns", """
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                ports: [{port: 5353, protocol: UDP}]
            """))
        let dns = report.findings.filter { $0.kind == .dnsUnreachable }
        #expect(Set(dns.map(\.cluster)) == ["dev", "staging"])
        #expect(Set(dns.map(\.ports)) == ["UDP 53", "TCP 53"])
        let first = try #require(dns.first)
        #expect(first.source == "web-preview/contain-probe")
        #expect(first.destination == "kube-system/kube-dns")
        #expect(first.policies.contains("web-preview/default-deny"))
        #expect(first.message.contains("tenant web namespace web-preview cannot reach DNS"))
        #expect(report.findings.allSatisfy { $0.kind == .dnsUnreachable })
    }

    @Test("an exposed namespace its ingress controller cannot reach is a finding")
    func ingressBlocked() throws {
        let report = try PlatformFixture.verify(appending: PlatformFixture.policy("payments", "allow-ingress-controllers", """
              podSelector: {}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                ports: [{port: 443}]
            """))
        let ingress = report.findings.filter { $0.kind == .ingressUnreachable }
        #expect(ingress.map(\.cluster).sorted() == ["dev", "prod", "staging"])
        let finding = try #require(ingress.first)
        #expect(finding.source == "ingress-nginx/controller-external-secured")
        #expect(finding.destination == "payments/contain-probe")
        #expect(finding.destinationTenant == "payments")
        #expect(finding.ports == "8080/TCP")
        // On port 443 the narrowed rule still admits the controller.
        let on443 = try PlatformFixture.verify(
            appending: PlatformFixture.policy("payments", "allow-ingress-controllers", """
                  podSelector: {}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
                    ports: [{port: 443}]
                """), servicePort: PortQuery(port: 443))
        #expect(on443.findings.filter { $0.kind == .ingressUnreachable }.isEmpty)
    }

    @Test("input policies outside tenant namespaces are warned about, not checked")
    func strayPolicy() throws {
        let report = try PlatformFixture.verify(appending: PlatformFixture.policy("monitoring", "open", """
              podSelector: {}
              ingress: [{}]
            """))
        #expect(report.passed)
        #expect(report.warnings.contains(
            "NetworkPolicy monitoring/open: namespace is not a tenant namespace on any cluster; not checked"))
    }

    @Test("an invalid input policy is an input error naming the policy and field")
    func invalidPolicy() throws {
        let manifests = try PlatformFixture.manifests(appending: PlatformFixture.policy("web", "broken", """
              podSelector: {matchExpressions: [{key: app, operator: In}]}
            """))
        do {
            _ = try IsolationVerifier().verify(VerificationInput(manifests: manifests))
            Issue.record("an invalid selector must not verify")
        } catch {
            guard case .invalidSelector(let policy, let field, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(policy == "web/broken")
            #expect(field == "spec.podSelector")
            #expect(message.contains("values"))
        }
    }
}
