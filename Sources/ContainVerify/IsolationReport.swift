import ContainModel

/// The outcome of `contain verify`: what was checked per cluster, every finding, and warnings
/// (planner fallbacks, input policies outside tenant namespaces). Printable for people or as
/// JSON.
public struct IsolationReport: Sendable, Hashable, Codable {
    /// Whether no finding was made.
    public var passed: Bool
    public var clusters: [ClusterVerification]
    public var findings: [IsolationFinding]
    public var warnings: [String]

    /// Creates a report.
    public init(clusters: [ClusterVerification], findings: [IsolationFinding], warnings: [String]) {
        self.passed = findings.isEmpty
        self.clusters = clusters
        self.findings = findings
        self.warnings = warnings
    }

    /// One block per finding (message, then the explanation indented), the warnings, one line
    /// per cluster, and a verdict line.
    public var text: String {
        var lines: [String] = []
        for finding in findings {
            lines.append("FAIL " + finding.message)
            lines += finding.explanation.map { "    " + $0 }
        }
        lines += warnings.map { "warning: " + $0 }
        for cluster in clusters {
            lines.append(
                "\(cluster.passed ? "ok  " : "FAIL") cluster \(cluster.name): \(Self.count(cluster.tenants.count, "tenant")) (\(cluster.tenants.joined(separator: ", "))), "
                    + "\(Self.count(cluster.namespaces, "namespace")), \(Self.count(cluster.pods, "pod")), \(Self.count(cluster.policies, "policy", "policies")); "
                    + "\(cluster.tenantPairsChecked) cross-tenant pod-pair checks over \(cluster.portClasses) port classes, "
                    + "\(cluster.dnsChecks) DNS and \(cluster.ingressChecks) ingress connections checked")
        }
        let failed = clusters.filter { !$0.passed }.count
        lines.append(passed
            ? "verified: tenants are isolated as declared on \(clusters.count) cluster\(clusters.count == 1 ? "" : "s")"
            : "FAILED: \(findings.count) finding\(findings.count == 1 ? "" : "s") on \(failed) of \(clusters.count) clusters")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// The report as indented JSON.
    public var json: String {
        let value = (try? ValueEncoder().encode(self)) ?? .null
        return JSONWriter.pretty(value, indent: 2) + "\n"
    }
}
