import ContainCommandSupport
import ArgumentParser
import ContainModel
import Foundation

/// `contain validate FILE|DIR ...`: strict decoding and platform rules, reported as
/// `file:line:col: field: message`; exit status 1 when anything is wrong.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check platform manifests (clusters, tenants, any Kubernetes object) for errors.",
        discussion: """
            Every file and directory given is read as one platform: YAML (.yaml, .yml) and JSON (.json) \
            files, directories searched recursively. Exit status: 0 when valid, 1 when any error is found.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let (sources, problems) = ManifestFiles.read(paths)
        let report = PlatformCheck().run(sources, extraDiagnostics: problems)
        switch output {
        case .text: FileHandle.standardOutput.write(Data(report.text.utf8))
        case .json: FileHandle.standardOutput.write(Data(report.json.utf8))
        }
        if !report.isValid { throw ExitCode(1) }
    }
}

