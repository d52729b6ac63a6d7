import Logging
import ServiceLifecycle

/// Runs a ``Reconciler`` over a ``WorkQueue`` with `workers` concurrent workers. The queue
/// guarantees no key is reconciled by two workers at once. When a ``LeaderElector`` is given,
/// workers run only while this replica leads: if leadership is lost (the API server was away
/// longer than the renew deadline, another replica took the Lease) the workers stop, and when
/// leadership comes back `resync` re-queues every key before they start again, so two replicas
/// never act at once and nothing is forgotten across the gap.
public struct Controller: ServiceLifecycle.Service {
    public let name: String
    public let queue: WorkQueue
    public let reconciler: any Reconciler
    public let workers: Int
    public let leadership: LeaderElector?
    /// Re-queues every key (after winning leadership).
    public let resync: (@Sendable () async -> Void)?
    let logger: Logger

    public init(name: String, queue: WorkQueue, reconciler: any Reconciler, workers: Int = 4,
                leadership: LeaderElector? = nil, resync: (@Sendable () async -> Void)? = nil,
                logger: Logger = Logger(label: "contain.controller")) {
        self.name = name
        self.queue = queue
        self.reconciler = reconciler
        self.workers = max(1, workers)
        self.leadership = leadership
        self.resync = resync
        self.logger = logger
    }

    public func run() async throws {
        guard let leadership else {
            _ = try await runWorkers(leadership: nil)
            return
        }
        while !Task.isCancelled {
            // A follower that is asked to shut down stops waiting at once.
            let leading = try await cancelWhenGracefulShutdown { await leadership.waitUntilLeading() }
            guard leading, !Task.isCancelled else { return }
            await resync?()
            if try await runWorkers(leadership: leadership) { return }
            logger.warning("\(name): lost leadership; workers stopped until this replica leads again")
        }
    }

    /// Runs the workers until the queue shuts down (graceful shutdown: returns `true`) or
    /// leadership is lost (returns `false`).
    func runWorkers(leadership: LeaderElector?) async throws -> Bool {
        let queue = self.queue
        return try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<workers {
                    group.addTask {
                        await self.work()
                        return true
                    }
                }
                if let leadership {
                    group.addTask {
                        await leadership.waitUntilNotLeading()
                        return false
                    }
                }
                let first = try await group.next() ?? true
                group.cancelAll()
                try await group.waitForAll()
                return first
            }
        } onGracefulShutdown: {
            Task { await queue.shutDown() }
        }
    }

    /// One worker: takes keys until the queue shuts down or the worker is cancelled.
    func work() async {
        while !Task.isCancelled, let key = await queue.next() {
            await process(key)
            await queue.done(key)
        }
    }

    func process(_ key: String) async {
        do {
            switch try await reconciler.reconcile(key) {
            case .done:
                await queue.forget(key)
            case .requeue(let delay):
                await queue.forget(key)
                await queue.add(key, after: delay)
            }
        } catch let error as TerminalError {
            await queue.forget(key)
            logger.warning("\(name): \(key): \(error)")
        } catch {
            if Task.isCancelled { return }  // stopping; a resync brings the key back
            logger.debug("\(name): \(key): \(error); retrying")
            await queue.addRateLimited(key)
        }
    }
}
