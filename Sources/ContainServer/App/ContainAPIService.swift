import ContainModel
import ContainStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs the API: opens the store, makes sure `default` exists, binds, writes the kubeconfig,
/// and serves until the process is stopped.
public enum ContainAPIService {
    /// The store a configuration asks for.
    public static func makeStore(_ configuration: ServerConfiguration) async throws -> any ObjectStore {
        switch configuration.store {
        case .sqlite:
            return try SQLiteObjectStore(path: (configuration.dataDirectory as NSString).appendingPathComponent("contain.db"))
        case .postgres:
            guard let url = configuration.postgresURL else { throw ServerConfiguration.Problem("--store postgres needs --postgres-url") }
            return try await PostgresObjectStore(url: url, options: .init(schema: configuration.postgresSchema))
        }
    }

    /// Creates the namespaces every cluster has.
    public static func bootstrap(_ store: any ObjectStore) async throws {
        for name in ["default", "kube-system", "kube-public"] {
            let key = ObjectKey(resource: ResourceKey(group: "", resource: "namespaces"), name: name)
            if try await store.get(key) != nil { continue }
            let object: JSONObject = [
                "apiVersion": "v1", "kind": "Namespace",
                "metadata": ["name": .string(name), "uid": .string(UUID().uuidString.lowercased()),
                             "creationTimestamp": .string(Time.now().rfc3339), "labels": ["kubernetes.io/metadata.name": .string(name)]],
                "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"],
            ]
            _ = try await store.create(key, object: object)
        }
    }

    /// The Hummingbird application serving `store`.
    public static func application(store: any ObjectStore, configuration: ServerConfiguration,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "contain.serve")
        logger.logLevel = .warning
        let server = APIServer(store: store, serverAddress: "\(configuration.host):\(configuration.port)")
        return Application(
            responder: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "contain"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until cancelled: the library entry point of `contain serve`.
    public static func run(_ configuration: ServerConfiguration) async throws {
        _ = try ServerConfiguration.parseListen("\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(configuration.port)")
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try await makeStore(configuration)
        try await bootstrap(store)
        let app = application(store: store, configuration: configuration) { port in
            let path = configuration.kubeconfigPath
            do {
                try configuration.kubeconfig(port: port).write(toFile: path, atomically: true, encoding: .utf8)
                FileHandle.standardOutput.write(Data("contain API serving at http://\(configuration.host):\(port) (kubeconfig: \(path))\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("contain: could not write \(path): \(error)\n".utf8))
            }
        }
        // SIGTERM/SIGINT shut down gracefully, but open watches never end on their own: after a
        // short grace period the group cancels them (watch streams end on cancellation).
        let collector = GarbageCollector(store: store, registry: .standard)
        var group = ServiceGroupConfiguration(services: [app, collector], gracefulShutdownSignals: [.sigterm, .sigint],
                                              logger: Logger(label: "contain.serve"))
        group.maximumGracefulShutdownDuration = .seconds(2)
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }
}
