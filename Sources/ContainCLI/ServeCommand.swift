import ArgumentParser
import ContainServer
import Foundation

/// `contain serve`: the Kubernetes-style API on loopback, with a kubeconfig for kubectl.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the management API (Kubernetes-style, for kubectl) on loopback.",
        discussion: """
            Writes DIR/kubeconfig; then: kubectl --kubeconfig DIR/kubeconfig get tenants
            Plain HTTP on 127.0.0.1 only until TLS and authentication exist.
            """
    )

    @Option(name: .customLong("data-dir"), help: "Directory for the store and the kubeconfig.")
    var dataDirectory: String = ".contain"

    @Option(help: "HOST:PORT to listen on (loopback only; port 0 picks a free port).")
    var listen: String = "127.0.0.1:6443"

    @Option(help: "Object store: sqlite (embedded, the default) or postgres.")
    var store: String = "sqlite"

    @Option(name: .customLong("postgres-url"), help: "PostgreSQL URL for --store postgres.")
    var postgresURL: String?

    @Option(name: .customLong("postgres-schema"), help: "PostgreSQL schema for Contain's tables (created if missing).")
    var postgresSchema: String?

    func validate() throws {
        _ = try makeConfiguration()
    }

    func makeConfiguration() throws -> ServerConfiguration {
        let address: (host: String, port: Int)
        do { address = try ServerConfiguration.parseListen(listen) } catch { throw ValidationError(String(describing: error)) }
        guard let kind = ServerConfiguration.StoreKind(rawValue: store) else {
            throw ValidationError("--store must be one of \(ServerConfiguration.StoreKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kind == .postgres && postgresURL == nil { throw ValidationError("--store postgres needs --postgres-url") }
        return ServerConfiguration(dataDirectory: dataDirectory, host: address.host, port: address.port, store: kind,
                                   postgresURL: postgresURL, postgresSchema: postgresSchema)
    }

    func run() throws {
        let configuration = try makeConfiguration()
        Task {
            do {
                try await ContainAPIService.run(configuration)
                Foundation.exit(0)
            } catch {
                FileHandle.standardError.write(Data("contain serve: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }
}
