import ArgumentParser
import ContainControllers
import Foundation
import KubeClient
import Logging
import ServiceLifecycle

/// `contain operator`: the controllers against any Kubernetes-style API, through a kubeconfig.
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Run the tenant controllers against an API server (contain serve or a real cluster).",
        discussion: "Several replicas may run: a coordination.k8s.io Lease lets only one act at a time."
    )

    @Option(help: "The kubeconfig to connect with.")
    var kubeconfig: String

    @Option(help: "The kubeconfig context (default: its current-context).")
    var context: String?

    @Option(help: "The Cluster this API server is; default: each tenant's first cluster.")
    var cluster: String?

    @Option(help: "Concurrent tenant reconciles.")
    var workers: Int = 4

    @Flag(name: .customLong("no-leader-election"), help: "Act without taking the Lease (only one replica may run).")
    var noLeaderElection = false

    @Option(name: .customLong("lease-namespace"), help: "Namespace of the leader-election Lease.")
    var leaseNamespace: String = "kube-system"

    func run() throws {
        let client: KubeClient
        do { client = try KubeClient(kubeconfigPath: kubeconfig, context: context) } catch {
            throw ValidationError(String(describing: error))
        }
        let configuration = TenantOperatorConfiguration(cluster: cluster, workers: workers, leaderElection: !noLeaderElection,
                                                        leaseNamespace: leaseNamespace)
        Task {
            var logger = Logger(label: "contain.operator")
            logger.logLevel = .info
            let tenantOperator = await TenantOperator.make(client: client, configuration: configuration, logger: logger)
            FileHandle.standardOutput.write(Data("contain operator: reconciling tenants at \(client.configuration.server)\n".utf8))
            do {
                var group = ServiceGroupConfiguration(services: tenantOperator.services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
                group.maximumGracefulShutdownDuration = .seconds(5)
                group.maximumCancellationDuration = .seconds(2)
                try await ServiceGroup(configuration: group).run()
                try? await client.shutdown()
                Foundation.exit(0)
            } catch {
                FileHandle.standardError.write(Data("contain operator: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }
}
