import ContainCommandSupport
import ArgumentParser
import ContainGitOps
import ContainModel
import Foundation

/// `contain render FILE|DIR ... (-o DIR | --commit REPO_DIR | --explain-order)`: the platform as
/// a Flux repository.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the platform as a Flux repository (one directory per cluster).",
        discussion: """
            Reads Platform, Cluster and Tenant manifests (files or directories), validates them as \
            `contain validate` does, and writes clusters/<cluster>/… (flux-system, layers, infrastructure, \
            policies, tenants). A Secret in the input is an error: declare an ExternalSecret instead.

            Examples:
              contain render examples/platform.yaml -o out
              contain render examples/ --commit ../fleet
              contain render examples/platform.yaml --explain-order
            """)

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "Write the tree into this directory.")
    var output: String?

    @Option(name: .customLong("commit"), help: "Write the tree into this git repository and commit when something changed.")
    var commitRepository: String?

    @Flag(name: .customLong("explain-order"), help: "Print each cluster's dependency graph.")
    var explainOrder = false

    @Option(name: .customLong("repository-url"), help: "The URL Flux clones the platform repository from (default: <managementPlane.git>/fleet).")
    var repositoryURL: String?

    @Option(help: "The branch Flux follows.")
    var branch = "main"

    @Option(help: "Contain's image for the operator and webhook.")
    var image: String?

    func validate() throws {
        if output == nil && commitRepository == nil && !explainOrder {
            throw ValidationError("say where the tree goes (-o DIR or --commit REPO_DIR), or ask for --explain-order")
        }
    }

    func run() throws {
        let (sources, problems) = ManifestFiles.read(paths)
        let (input, diagnostics) = GitOpsInput.read(sources)
        let all = (problems + diagnostics).sorted()
        for diagnostic in all { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
        guard let input, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
        let result: RenderResult
        do {
            result = try GitOpsRenderer.render(input, options: RenderOptions(
                repositoryURL: repositoryURL, branch: branch, containImage: image))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if explainOrder {
            print(result.orders.map(\.text).joined(separator: "\n"), terminator: "")
        }
        if let output {
            let changes = try TreeWriter.write(result.tree, to: URL(fileURLWithPath: output))
            print("wrote \(result.tree.files.count) files for \(result.orders.count) clusters to \(output) (\(changes.added.count) added, \(changes.modified.count) modified, \(changes.removed.count) removed)")
        }
        if let commitRepository {
            do {
                switch try GitPublisher(repository: URL(fileURLWithPath: commitRepository)).publish(result.tree) {
                case .unchanged:
                    print("no changes; nothing committed")
                case .committed(let commit, let message):
                    print("committed \(commit.prefix(12)): \(message.split(separator: "\n").first ?? "")")
                }
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

/// `contain crds`: the CustomResourceDefinitions of Contain's kinds, generated from the Swift
/// types; `--deploy DIR` writes the whole kustomize bundle (what `deploy/` holds).
struct CRDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crds",
        abstract: "Print Contain's CRDs (apiextensions.k8s.io/v1), or write the deploy bundle.")

    @Option(name: .customLong("deploy"), help: "Write the kustomize deploy bundle (namespace, CRDs, RBAC, Deployments, webhooks) into this directory.")
    var deployDirectory: String?

    @Option(help: "Contain's image in the deploy bundle.")
    var image = ContainDeployBundle.defaultImage

    func run() throws {
        guard let deployDirectory else {
            print(CRDGenerator.yaml(), terminator: "")
            return
        }
        let url = URL(fileURLWithPath: deployDirectory)
        let tree = ContainDeployBundle(image: image).tree(directory: url.lastPathComponent)
        let changes = try TreeWriter.write(tree, to: url.deletingLastPathComponent())
        print("wrote \(tree.files.count) files to \(deployDirectory) (\(changes.added.count) added, \(changes.modified.count) modified, \(changes.removed.count) removed)")
    }
}
