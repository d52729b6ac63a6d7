import ContainCommandSupport
import ArgumentParser
import ContainModel
import ContainPolicy
import Foundation

/// `contain policy …`: the admission guardrails, offline.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check manifests against Pod Security and the platform's guardrails.",
        subcommands: [PolicyCheckCommand.self])
}

/// `contain policy check FILE|DIR ...`: every violation as `file:line: Kind/name: message`;
/// exit status 1 when anything would be refused (or cannot be read).
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate manifests as admission would, before they reach a cluster.",
        discussion: """
            Tenants come from --platform (the platform's manifests); each object belongs to --tenant, \
            or else to the tenant owning its namespace. Pod Security applies at --level when given, \
            otherwise at the namespace's labels or the tenant's level, otherwise at --default-level. \
            Violations in warn or audit mode are printed with "warning:" or "audit:" and do not fail the check.

            Examples:
              contain policy check --platform examples/platform.yaml deploy/
              contain policy check --level restricted --version v1.30 pod.yaml
              contain policy check --tenant payments --platform platform/ -o json k8s/
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @Option(help: "The tenant the manifests belong to (needs --platform).")
    var tenant: String?

    @Option(help: "Platform manifests (file or directory) holding the tenants; repeatable.")
    var platform: [String] = []

    @Option(help: "Pod Security level to apply to every object: privileged, baseline or restricted.")
    var level: String?

    @Option(help: "Pod Security version: latest or v1.N.")
    var version: String = "latest"

    @Option(name: .customLong("default-level"), help: "Pod Security level where neither --level, namespace labels nor a tenant apply.")
    var defaultLevel: String = "baseline"

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func makeCheck() throws -> PolicyCheck {
        let levels = PodSecurityLevel.allCases.map(\.rawValue).joined(separator: ", ")
        var levelValue: PodSecurityLevel?
        if let level {
            guard let parsed = PodSecurityLevel(rawValue: level) else { throw ValidationError("--level must be one of \(levels)") }
            levelValue = parsed
        }
        guard let defaultLevelValue = PodSecurityLevel(rawValue: defaultLevel) else {
            throw ValidationError("--default-level must be one of \(levels)")
        }
        let versionValue: PodSecurityVersion
        do { versionValue = try PodSecurityVersion.parse(version) } catch { throw ValidationError("--version: \(error)") }
        if tenant != nil && platform.isEmpty { throw ValidationError("--tenant needs --platform FILE with the tenant") }
        return PolicyCheck(tenantName: tenant, level: levelValue, version: versionValue, defaultLevel: defaultLevelValue)
    }

    func validate() throws { _ = try makeCheck() }

    func run() throws {
        let check = try makeCheck()
        let (sources, problems) = ManifestFiles.read(paths)
        let (platformSources, platformProblems) = ManifestFiles.read(platform)
        let report: PolicyCheckReport
        do {
            report = try check.run(sources, platform: platformSources, extraDiagnostics: problems + platformProblems)
        } catch {
            throw ValidationError(error.description)
        }
        let text = output == .json ? report.json : report.text
        FileHandle.standardOutput.write(Data(text.utf8))
        if !report.passed { throw ExitCode(1) }
    }
}
