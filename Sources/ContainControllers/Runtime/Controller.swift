import Logging
import ServiceLifecycle

/// Runs a ``Reconciler`` over a ``WorkQueue`` with `workers` concurrent workers. The queue
/// guarantees no key is reconciled by two workers at once. When a ``LeaderElector`` is given,
/// workers start only once this replica leads, and the controller stops (throwing
/// ``LeadershipLost``) if leadership is lost, so two replicas never act at once.
public struct Controller: ServiceLifecycle.Service {
    public let name: String
    public let queue: WorkQueue
    public let reconciler: any Reconciler
    public let workers: Int
    public let leadership: LeaderElector?
    let logger: Logger

    public init(name: String, queue: WorkQueue, reconciler: any Reconciler, workers: Int = 4,
                leadership: LeaderElector? = nil, logger: Logger = Logger(label: "contain.controller")) {
        self.name = name
        self.queue = queue
        self.reconciler = reconciler
        self.workers = max(1, workers)
        self.leadership = leadership
        self.logger = logger
    }

    public func run() async throws {
        let queue = self.queue
        if let leadership {
            // A follower that is asked to shut down stops waiting at once.
            let leading = try await cancelWhenGracefulShutdown { await leadership.waitUntilLeading() }
            guard leading, !Task.isCancelled else { return }
        }
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask { await self.work() }
                }
                if let leadership {
                    group.addTask {
                        await leadership.waitUntilNotLeading()
                        await queue.shutDown()
                        if !Task.isCancelled, !(await leadership.isStopping) { throw LeadershipLost(controller: name) }
                    }
                }
                try await group.next()
                group.cancelAll()
                try await group.waitForAll()
            }
        } onGracefulShutdown: {
            Task { await queue.shutDown() }
        }
    }

    /// One worker: takes keys until the queue shuts down.
    func work() async {
        while let key = await queue.next() {
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
        } catch is CancellationError {
            return
        } catch {
            logger.debug("\(name): \(key): \(error); retrying")
            await queue.addRateLimited(key)
        }
    }
}

/// This replica lost its Lease; it stops acting so another can take over.
public struct LeadershipLost: Error, Sendable, CustomStringConvertible {
    public var controller: String
    public var description: String { "\(controller): lost leadership; stopping" }
}
