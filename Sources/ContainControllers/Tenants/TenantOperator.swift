import ContainModel
import ContainTenancy
import KubeClient
import Logging
import ServiceLifecycle

/// The tenant controller, assembled: informers whose changes map to Tenant keys, a work queue,
/// the ``TenantReconciler``, optionally a ``LeaderElector`` — each a `Service`, to be run in one
/// `ServiceGroup` (``services``, in start order; shutdown runs in reverse).
public struct TenantOperator: Sendable {
    public let caches: TenantCaches
    public let queue: WorkQueue
    public let reconciler: TenantReconciler
    public let leaderElector: LeaderElector?
    public let controller: Controller

    public static func make(client: KubeClient, configuration: TenantOperatorConfiguration = .init(),
                            bootstrapper: (any NamespaceBootstrapper)? = nil,
                            logger: Logger = Logger(label: "contain.operator")) async -> TenantOperator {
        let caches = await TenantCaches(client: client)
        let queue = WorkQueue()
        let reconciler = TenantReconciler(client: client, caches: caches, configuration: configuration, bootstrapper: bootstrapper)
        let elector = configuration.leaderElection
            ? LeaderElector(client: client, namespace: configuration.leaseNamespace, logger: logger) : nil
        let tenants = caches.tenants
        let controller = Controller(name: "tenants", queue: queue, reconciler: reconciler, workers: configuration.workers,
                                    leadership: elector, resync: {
                                        for tenant in await tenants.list() { await queue.add(Informer.key(tenant)) }
                                    }, logger: logger)
        await wire(caches: caches, queue: queue)
        return TenantOperator(caches: caches, queue: queue, reconciler: reconciler, leaderElector: elector, controller: controller)
    }

    /// Every part as a Service, in start order.
    public var services: [any ServiceLifecycle.Service] {
        var services: [any ServiceLifecycle.Service] = caches.all
        if let leaderElector { services.append(leaderElector) }
        services.append(controller)
        return services
    }

    /// Maps changes of every watched kind to the Tenant keys they affect.
    static func wire(caches: TenantCaches, queue: WorkQueue) async {
        let tenants = caches.tenants
        await tenants.addHandler { change in
            let name = change.object["metadata"]?["name"]?.stringValue ?? ""
            var related: Set<String> = []
            switch change {
            case .added(let object), .deleted(let object):
                related.formUnion(allowFrom(object))
                await queue.add(name)
            case .updated(let old, let new):
                let meta = { (object: JSONObject) -> [JSONValue?] in
                    [object["metadata"]?["generation"], object["metadata"]?["deletionTimestamp"], object["metadata"]?["finalizers"],
                     object["metadata"]?["labels"]]
                }
                if meta(old) != meta(new) { await queue.add(name) }
                if old["spec"] != new["spec"] { related.formUnion(allowFrom(old).union(allowFrom(new))) }
            }
            // Tenants that accept traffic from this one plan egress to it; dedicated-cluster
            // tenants on its clusters care whether they are alone.
            for other in related where other != name { await queue.add(other) }
            if case .updated = change {} else {
                for cluster in (change.object["spec"]?["clusters"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    for neighbour in await tenants.list(index: TenantCaches.clusterIndex, value: cluster)
                    where neighbour["spec"]?["isolation"]?["tier"]?.stringValue == IsolationTier.dedicatedCluster.rawValue {
                        await queue.add(Informer.key(neighbour))
                    }
                }
            }
        }
        await caches.clusters.addHandler { change in
            let name = change.object["metadata"]?["name"]?.stringValue ?? ""
            for tenant in await tenants.list(index: TenantCaches.clusterIndex, value: name) {
                await queue.add(Informer.key(tenant))
            }
        }
        for informer in caches.owned.values {
            await informer.addHandler { change in
                guard let tenant = change.object["metadata"]?["labels"]?[TenancyLabels.tenant]?.stringValue else { return }
                if case .updated(let old, let new) = change, old["metadata"]?["resourceVersion"] == new["metadata"]?["resourceVersion"] {
                    return
                }
                await queue.add(tenant)
            }
        }
    }

    static func allowFrom(_ object: JSONObject) -> Set<String> {
        Set((object["spec"]?["network"]?["allowFrom"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}

extension TenantOperator {
    /// Runs every part in a `ServiceGroup` until cancelled or gracefully shut down (the caller's
    /// graceful shutdown stops the controller first, then the elector releases its Lease, then the
    /// informers stop).
    public func run(logger: Logger = Logger(label: "contain.operator")) async throws {
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        try await withGracefulShutdownHandler {
            try await group.run()
        } onGracefulShutdown: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
