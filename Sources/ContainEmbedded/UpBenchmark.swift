import ContainControllers
import ContainModel
import ContainServer
import ContainStore
import Foundation
import Hummingbird
import KubeClient
import ServiceLifecycle

/// `contain bench up`: N tenants × M namespaces applied to the embedded API on SQLite (through
/// HTTP, as kubectl would), timed until every Tenant is Ready; then the operator is restarted and
/// timed until it has confirmed every tenant converged.
public struct UpBenchmark: Sendable {
    public var tenants: Int
    public var namespacesPerTenant: Int
    public var workers: Int
    /// Concurrent create requests while applying.
    public var applyConcurrency: Int

    public init(tenants: Int = 1000, namespacesPerTenant: Int = 3, workers: Int = 8, applyConcurrency: Int = 16) {
        self.tenants = tenants
        self.namespacesPerTenant = namespacesPerTenant
        self.workers = workers
        self.applyConcurrency = applyConcurrency
    }

    /// The measured figures.
    public struct Report: Sendable {
        public var tenants: Int
        public var namespaces: Int
        /// Objects the operator wrote (namespaces and their defaults).
        public var objectsWritten: Int
        /// From the first create to the last Tenant Ready.
        public var applyToAllReady: Duration
        /// Time to send every create.
        public var applyDuration: Duration
        public var p50TenantReady: Duration
        public var p99TenantReady: Duration
        public var maxTenantReady: Duration
        /// A fresh operator: start to every tenant reconciled with nothing left to do.
        public var restartConvergence: Duration
        /// Writes the restarted operator made (0 when everything was already converged).
        public var restartWrites: Int

        public var objectsPerSecond: Double { Double(objectsWritten) / UpBenchmark.seconds(applyToAllReady) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static let clusterYAML = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Cluster
        metadata:
          name: bench
        spec:
          environment: dev
          tier: devTest
          provider: talos
          region: eu-central
          kubernetesVersion: "1.34"
          zones: [zone-a]
          controlPlane: {count: 1, vcpu: 4, memory: 8Gi}
          nodePools:
          - {name: workers, role: worker, count: 3, vcpu: 8, memory: 32Gi, maxPods: 110}
          storage: {replicas: 1, failureDomain: host, classes: [ceph-block]}
          network: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12, ingressDomain: dev.example.com}
          components:
          - name: flux
          - name: cilium
        """

    func tenant(_ index: Int) -> JSONObject {
        let name = String(format: "t%05d", index)
        let namespaces: [JSONValue] = (0..<namespacesPerTenant).map { .object(["name": .string("\(name)-\($0)")]) }
        return [
            "apiVersion": "platform.contain.dev/v1alpha1", "kind": "Tenant",
            "metadata": ["name": .string(name)],
            "spec": [
                "owners": [["kind": "Group", "name": .string("\(name)-admins")]],
                "members": [["kind": "Group", "name": .string("\(name)-developers"), "role": "edit"]],
                "clusters": ["bench"],
                "namespaces": .array(namespaces),
                "quota": ["cpu": "6", "memory": "12Gi", "storage": "30Gi", "pods": 60],
                "isolation": ["tier": "namespace", "podSecurity": "restricted"],
                "network": index > 0 ? ["allowFrom": [.string(String(format: "t%05d", index - 1))]] : [:],
            ],
        ]
    }

    /// Runs the benchmark in a fresh data directory under `directory`; `progress` gets one-line notes.
    public func run(directory: String, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Report {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteObjectStore(path: (directory as NSString).appendingPathComponent("contain.db"))
        try await ContainAPIService.bootstrap(store)
        let configuration = ServerConfiguration(dataDirectory: directory, port: 0)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = ContainAPIService.application(store: store, configuration: configuration) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw CancellationError() }
        let api = KubeClientConfiguration(server: "http://127.0.0.1:\(port)", userAgent: "contain-bench")
        let client = try KubeClient(configuration: api, maximumConnections: 64)
        let operatorConfiguration = TenantOperatorConfiguration(workers: workers, leaderElection: false)

        // The operator, running and idle.
        let first = await TenantOperator.make(client: client, configuration: operatorConfiguration,
                                              bootstrapper: StoreNamespaceBootstrapper(store: store))
        let firstRun = Task { try await first.run() }
        await first.caches.waitForSync()

        // Watch Tenants to time each one's Ready.
        let watcher = try KubeClient(configuration: api)
        let readiness = ReadinessRecorder()
        let watch = Task {
            for await event in watcher.listWatch(.of(Tenant.self)) {
                switch event {
                case .synced(let items, _): for item in items { await readiness.observe(item) }
                case .added(let item), .modified(let item): await readiness.observe(item)
                case .deleted: break
                }
            }
        }
        guard case .object(let cluster) = try YAMLReader.value(Self.clusterYAML) else { throw CancellationError() }
        try await client.create(.of(Cluster.self), cluster)

        progress("applying \(tenants) tenants × \(namespacesPerTenant) namespaces")
        let clock = ContinuousClock()
        let start = clock.now
        let names = (0..<tenants).map { String(format: "t%05d", $0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func submit() {
                let index = next
                next += 1
                group.addTask {
                    await readiness.created(names[index], at: clock.now)
                    try await client.create(.of(Tenant.self), tenant(index))
                }
            }
            for _ in 0..<min(applyConcurrency, tenants) { submit() }
            while try await group.next() != nil {
                if next < tenants { submit() }
            }
        }
        let applied = clock.now - start
        progress("applied in \(Self.seconds(applied)) s; waiting for Ready")
        while await readiness.readyCount < tenants {
            try await Task.sleep(for: .milliseconds(20))
            if clock.now - start > .seconds(600) { throw BenchmarkTimeout(ready: await readiness.readyCount, of: tenants) }
        }
        let allReady = await readiness.lastReady - start
        let latencies = await readiness.latencies().sorted()
        let written = first.reconciler.statistics.writes
        watch.cancel()

        // Restart: a new operator with cold caches must confirm every tenant.
        firstRun.cancel()
        _ = await firstRun.result
        progress("restarting the operator")
        let restartClient = try KubeClient(configuration: api, maximumConnections: 64)
        let restartStart = clock.now
        let second = await TenantOperator.make(client: restartClient, configuration: operatorConfiguration,
                                               bootstrapper: StoreNamespaceBootstrapper(store: store))
        let secondRun = Task { try await second.run() }
        await second.caches.waitForSync()
        while true {
            let reconciled = second.reconciler.statistics.reconciles
            let queued = await second.queue.count, inFlight = await second.queue.inFlight
            if reconciled >= tenants && queued == 0 && inFlight == 0 { break }
            try await Task.sleep(for: .milliseconds(5))
            if clock.now - restartStart > .seconds(600) { throw BenchmarkTimeout(ready: reconciled, of: tenants) }
        }
        let restart = clock.now - restartStart
        let restartWrites = second.reconciler.statistics.writes
        secondRun.cancel()
        _ = await secondRun.result
        try? await client.shutdown()
        try? await restartClient.shutdown()
        try? await watcher.shutdown()
        func percentile(_ p: Double) -> Duration {
            latencies.isEmpty ? .zero : latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
        }
        return Report(tenants: tenants, namespaces: tenants * namespacesPerTenant, objectsWritten: written,
                      applyToAllReady: allReady, applyDuration: applied, p50TenantReady: percentile(0.5),
                      p99TenantReady: percentile(0.99), maxTenantReady: latencies.last ?? .zero,
                      restartConvergence: restart, restartWrites: restartWrites)
    }
}

/// The benchmark did not finish in time.
struct BenchmarkTimeout: Error, CustomStringConvertible {
    var ready: Int
    var of: Int
    var description: String { "only \(ready) of \(of) tenants finished within 600 s" }
}

/// When each tenant was created and first seen Ready (for its current generation).
actor ReadinessRecorder {
    private var createdAt: [String: ContinuousClock.Instant] = [:]
    private var readyAt: [String: ContinuousClock.Instant] = [:]
    private(set) var lastReady: ContinuousClock.Instant = .now

    func created(_ name: String, at instant: ContinuousClock.Instant) {
        createdAt[name] = instant
    }

    func observe(_ tenant: JSONObject) {
        let name = tenant["metadata"]?["name"]?.stringValue ?? ""
        guard readyAt[name] == nil, createdAt[name] != nil else { return }
        let generation = tenant["metadata"]?["generation"]?.integerValue
        guard tenant["status"]?["observedGeneration"]?.integerValue == generation else { return }
        let ready = (tenant["status"]?["conditions"]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
        guard ready else { return }
        let now = ContinuousClock.now
        readyAt[name] = now
        lastReady = now
    }

    var readyCount: Int { readyAt.count }

    func latencies() -> [Duration] {
        readyAt.compactMap { name, ready in createdAt[name].map { ready - $0 } }
    }
}
