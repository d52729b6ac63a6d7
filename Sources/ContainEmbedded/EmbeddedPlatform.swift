import ContainControllers
import ContainModel
import ContainServer
import ContainStore
import Foundation
import Hummingbird
import KubeClient
import Logging
import ServiceLifecycle

/// `contain up`: the management API on its store and the controllers, in one process. The
/// controllers reach the API through a ``KubeClient`` on loopback, exactly as `contain operator`
/// reaches any API server, except that tenant namespaces are created together with their
/// default objects in one store transaction (``StoreNamespaceBootstrapper``).
public enum EmbeddedPlatform {
    /// Runs until SIGINT/SIGTERM (then shuts down gracefully) or cancellation.
    /// `onReady` gets the kubeconfig path once the API is serving.
    public static func run(server configuration: ServerConfiguration, operator operatorConfiguration: TenantOperatorConfiguration,
                           onReady: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try await ContainAPIService.makeStore(configuration)
        try await ContainAPIService.bootstrap(store)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = ContainAPIService.application(store: store, configuration: configuration) { port in
            let path = configuration.kubeconfigPath
            do {
                try configuration.kubeconfig(port: port).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("contain: could not write \(path): \(error)\n".utf8))
            }
            portContinuation.yield(port)
            portContinuation.finish()
            onReady(path, port)
        }
        let controllers = ControllersService(ports: ports, host: configuration.host, configuration: operatorConfiguration,
                                             bootstrapper: StoreNamespaceBootstrapper(store: store))
        var group = ServiceGroupConfiguration(services: [.init(service: app), .init(service: controllers)],
                                              gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "contain.up"))
        group.maximumGracefulShutdownDuration = .seconds(3)
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }
}

/// The controllers of `contain up`: waits for the API to listen, then runs the tenant operator
/// against it over loopback.
struct ControllersService: ServiceLifecycle.Service {
    let ports: AsyncStream<Int>
    let host: String
    let configuration: TenantOperatorConfiguration
    let bootstrapper: any NamespaceBootstrapper

    func run() async throws {
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let client = try KubeClient(configuration: KubeClientConfiguration(server: "http://\(hostPart):\(port)", userAgent: "contain-up"))
        let tenantOperator = await TenantOperator.make(client: client, configuration: configuration, bootstrapper: bootstrapper)
        do {
            try await tenantOperator.run()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
    }
}
