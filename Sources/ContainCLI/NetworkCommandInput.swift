import ContainCommandSupport
import ArgumentParser
import ContainModel
import ContainNetwork
import ContainVerify
import Foundation

/// The inputs shared by `contain netpol` commands: manifest paths and what-if workload files.
struct NetworkCommandInput: ParsableArguments {
    @Argument(help: "Manifest files or directories: Namespaces, Pods, workloads, NetworkPolicies.")
    var paths: [String]

    @Option(name: .customLong("workloads"), help: "A what-if file of namespaces and pods (repeatable).")
    var workloadFiles: [String] = []

    @Option(help: "Expand the platform spec's tenants on this Cluster (as contain verify does, with a contain-probe pod per tenant namespace).")
    var cluster: String?

    /// Reads everything; on any error prints the diagnostics to standard error and exits 2.
    func load() throws -> (NetworkInputs, ReachabilityEngine) {
        let (sources, problems) = ManifestFiles.read(paths)
        let (workloads, workloadProblems) = ManifestFiles.read(workloadFiles)
        var inputs = NetworkInputs(sources: sources, workloads: workloads)
        inputs.diagnostics += problems + workloadProblems
        if inputs.hasErrors { try InputFailure.exit(inputs.diagnostics.filter { $0.severity == .error }) }
        if let cluster {
            let platform = VerificationInput(manifests: inputs.manifests)
            guard let target = platform.clusters.first(where: { $0.name == cluster }) else {
                try InputFailure.exit("no Cluster named \"\(cluster)\" in the input")
            }
            var model = IsolationVerifier().networkModel(cluster: target, input: platform)
            for namespace in inputs.model.namespaces.values where model.namespaces[namespace.name] == nil { model.add(namespace) }
            for pod in inputs.model.pods { model.add(pod) }
            let present = Set(model.policies.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name ?? "")" })
            for policy in inputs.model.policies where !present.contains("\(policy.metadata.namespace ?? "")/\(policy.metadata.name ?? "")") {
                model.add(policy)
            }
            inputs.model = model
        }
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
