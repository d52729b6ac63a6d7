import ArgumentParser
import ContainModel
import ContainNetwork
import Foundation

/// The inputs shared by `contain netpol` commands: manifest paths and what-if workload files.
struct NetworkCommandInput: ParsableArguments {
    @Argument(help: "Manifest files or directories: Namespaces, Pods, workloads, NetworkPolicies.")
    var paths: [String]

    @Option(name: .customLong("workloads"), help: "A what-if file of namespaces and pods (repeatable).")
    var workloadFiles: [String] = []

    /// Reads everything; on any error prints the diagnostics to standard error and exits 2.
    func load() throws -> (NetworkInputs, ReachabilityEngine) {
        let (sources, problems) = ManifestFiles.read(paths)
        let (workloads, workloadProblems) = ManifestFiles.read(workloadFiles)
        var inputs = NetworkInputs(sources: sources, workloads: workloads)
        inputs.diagnostics += problems + workloadProblems
        if inputs.hasErrors { try InputFailure.exit(inputs.diagnostics.filter { $0.severity == .error }) }
        do {
            return (inputs, try inputs.engine())
        } catch {
            try InputFailure.exit([error.diagnostic])
        }
    }
}

/// Input errors: printed one per line on standard error, exit status 2 (1 is kept for
/// "the check found a problem").
enum InputFailure {
    static func exit(_ diagnostics: [Diagnostic]) throws -> Never {
        let text = diagnostics.sorted().map(\.description).joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        throw ExitCode(2)
    }

    static func exit(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        throw ExitCode(2)
    }
}
