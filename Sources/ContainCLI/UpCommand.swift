import ContainCommandSupport
import ArgumentParser
import ContainControllers
import ContainEmbedded
import Foundation

/// `contain up`: the embedded platform — management API, store and controllers in one process.
struct UpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the management API and the controllers in one process (the embedded default).",
        discussion: """
            Takes the flags of `contain serve` and writes the same DIR/kubeconfig; applies nothing by
            itself. Then: kubectl --kubeconfig DIR/kubeconfig apply -f examples/platform.yaml
            Stops cleanly on Ctrl-C.
            """
    )

    /// Exactly the flags of `contain serve`.
    @OptionGroup var server: ServeCommand

    @Option(help: "The Cluster this API stands for; default: each tenant's first cluster.")
    var cluster: String?

    @Option(help: "Concurrent tenant reconciles.")
    var workers: Int = 4

    func run() throws {
        let configuration = try server.makeConfiguration()
        ProcessTuning.apply()
        let operatorConfiguration = TenantOperatorConfiguration(cluster: cluster, workers: workers, leaderElection: false)
        AsyncCommand.run("up") {
            try await EmbeddedPlatform.run(server: configuration, operator: operatorConfiguration) { path, url in
                FileHandle.standardOutput.write(Data("""
                    contain is up: API at \(url), controllers running
                    kubeconfig: \(path)
                      kubectl --kubeconfig \(path) apply -f examples/platform.yaml

                    """.utf8))
            }
        }
    }
}
