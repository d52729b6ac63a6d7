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
    /// Runs until SIGINT/SIGTERM (then shuts down gracefully) or cancellation. The API is served
    /// as `contain serve` serves it: over TLS with authentication and RBAC (the controllers use
    /// the admin credentials the kubeconfig holds), or plain HTTP on loopback with
    /// `--insecure-http`. Admission runs on every write either way.
    /// `onReady` gets the kubeconfig path and the API's URL once the API is serving.
    public static func run(server configuration: ServerConfiguration, operator operatorConfiguration: TenantOperatorConfiguration,
                           onReady: @escaping @Sendable (String, String) -> Void = { _, _ in }) async throws {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try await ContainAPIService.makeStore(configuration)
        try await ContainAPIService.bootstrap(store)
        let (clients, clientContinuation) = AsyncStream<KubeClientConfiguration>.makeStream()
        let path = configuration.kubeconfigPath
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let admission = APIAdmission(store: store)
        var services: [any ServiceLifecycle.Service] = []
        if configuration.insecureHTTP {
            services.append(ContainAPIService.application(store: store, configuration: configuration, admission: admission) { port in
                let url = "http://\(host):\(port)"
                ContainAPIService.writeKubeconfig(configuration.kubeconfig(port: port), to: path)
                clientContinuation.yield(KubeClientConfiguration(server: url, userAgent: "contain-up"))
                clientContinuation.finish()
                onReady(path, url)
            })
        } else {
            let parts = try await ContainAPIService.securedParts(store: store, configuration: configuration)
            let trust = parts.tls.clientTrustPEM, token = parts.adminToken
            services.append(try ContainAPIService.securedApplication(store: store, configuration: configuration, parts: parts,
                                                                     admission: admission) { port in
                let url = "https://\(host):\(port)"
                ContainAPIService.writeKubeconfig(configuration.kubeconfig(port: port, certificateAuthorityPEM: trust, token: token), to: path)
                clientContinuation.yield(KubeClientConfiguration(server: url, token: token, certificateAuthorityPEM: Array(trust.utf8),
                                                                 userAgent: "contain-up"))
                clientContinuation.finish()
                onReady(path, url)
            })
            services.append(AuthorizationWatchService(store: store, cache: parts.security.policies, admission: admission))
        }
        services.append(ControllersService(clients: clients, configuration: operatorConfiguration,
                                           bootstrapper: StoreNamespaceBootstrapper(store: store)))
        services.append(GarbageCollector(store: store, registry: .standard))
        var group = ServiceGroupConfiguration(services: services.map { .init(service: $0) },
                                              gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "contain.up"))
        group.maximumGracefulShutdownDuration = .seconds(3)
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }
}

/// The controllers of `contain up`: waits for the API to listen, then runs the tenant operator
/// against it over loopback.
struct ControllersService: ServiceLifecycle.Service {
    /// Yields how to reach the API once it listens.
    let clients: AsyncStream<KubeClientConfiguration>
    let configuration: TenantOperatorConfiguration
    let bootstrapper: any NamespaceBootstrapper

    func run() async throws {
        var iterator = clients.makeAsyncIterator()
        guard let clientConfiguration = await iterator.next() else { return }
        let client = try KubeClient(configuration: clientConfiguration)
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
