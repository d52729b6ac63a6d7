import ContainCommandSupport
import ArgumentParser
import ContainModel
import ContainNetwork
import ContainVerify
import Foundation

/// `contain verify FILE|DIR ...`: proves from the platform spec that tenants are isolated as
/// declared, that DNS is reachable and that exposed tenants are reachable from their ingress
/// controllers. Exit status 0 when verified, 1 on findings, 2 on input errors.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove tenant network isolation from the platform spec, before anything is applied.",
        discussion: """
            Expands every Tenant on every Cluster (as the operator and GitOps renderer would), adds any \
            NetworkPolicies, Pods and workloads in the input (a policy named like a planned one replaces it), \
            places a probe pod in every tenant namespace plus the DNS and ingress controller pods, and fails \
            when a tenant can reach another that does not list it in spec.network.allowFrom, when a tenant \
            namespace cannot reach DNS, or when an exposed tenant cannot be reached from its ingress controller. \
            Every port is covered: one port per class of ports that the policies treat alike is checked.
            Exit status: 0 verified, 1 findings, 2 input errors (file:line diagnostics on standard error).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The platform spec: files or directories (Clusters, Tenants; optionally NetworkPolicies, Pods, workloads).")
    var paths: [String]

    @Option(name: .customLong("service-port"), help: "PORT[/PROTOCOL] exposed tenant services listen on, checked from the ingress controllers.")
    var servicePort: String = "8080/TCP"

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let port: PortQuery
        do { port = try PortQuery(parsing: servicePort) } catch { try InputFailure.exit(error.description) }
        let (sources, problems) = ManifestFiles.read(paths)
        let check = PlatformCheck()
        var set = ManifestSet()
        for source in sources { set.append(check.loader.load(source.text, file: source.path)) }
        let diagnostics = problems + set.diagnostics + check.validator.validate(set.manifests)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { try InputFailure.exit(errors) }
        let input = VerificationInput(manifests: set.manifests)
        if input.clusters.isEmpty || input.tenants.isEmpty {
            try InputFailure.exit("no \(input.clusters.isEmpty ? "Cluster" : "Tenant") in the input: verify needs a platform spec with Clusters and Tenants")
        }
        let report: IsolationReport
        do {
            report = try IsolationVerifier(servicePort: port).verify(input)
        } catch {
            try InputFailure.exit([error.diagnostic(in: set.manifests)])
        }
        switch output {
        case .text: FileHandle.standardOutput.write(Data(report.text.utf8))
        case .json: FileHandle.standardOutput.write(Data(report.json.utf8))
        }
        if !report.passed { throw ExitCode(1) }
    }
}
