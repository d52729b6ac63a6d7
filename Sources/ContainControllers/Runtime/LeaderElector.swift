import ContainModel
import Foundation
import KubeClient
import Logging
import ServiceLifecycle

/// Leader election on a `coordination.k8s.io/v1` Lease, as client-go does it: a candidate takes
/// the Lease when it is free or its holder has not renewed it for `leaseDuration` (measured on
/// this replica's clock from when the holder's record last changed, so clock skew does not
/// matter), renews it every `retryPeriod`, and gives up leading if it cannot renew within
/// `renewDeadline`. Every write carries the Lease's resourceVersion, so two candidates can never
/// both win. On graceful shutdown the leader releases the Lease so another takes over at once.
public actor LeaderElector: ServiceLifecycle.Service {
    /// Timings; client-go's defaults are 15 s / 10 s / 2 s.
    public struct Timing: Sendable {
        public var leaseDuration: Duration
        public var renewDeadline: Duration
        public var retryPeriod: Duration

        public init(leaseDuration: Duration = .seconds(15), renewDeadline: Duration = .seconds(10), retryPeriod: Duration = .seconds(2)) {
            self.leaseDuration = leaseDuration
            self.renewDeadline = renewDeadline
            self.retryPeriod = retryPeriod
        }
    }

    public nonisolated let identity: String
    public nonisolated let namespace: String
    public nonisolated let name: String
    let client: KubeClient
    let timing: Timing
    let logger: Logger
    private var leading = false
    private var stopping = false
    private var observedRecord: String?
    private var observedAt: ContinuousClock.Instant = .now
    private var lastRenewal: ContinuousClock.Instant = .now
    /// How many times this replica became leader.
    public private(set) var acquisitions = 0

    public init(client: KubeClient, namespace: String = "kube-system", name: String = "contain-operator",
                identity: String = "\(ProcessInfo.processInfo.hostName)-\(UUID().uuidString.prefix(8).lowercased())",
                timing: Timing = Timing(), logger: Logger = Logger(label: "contain.leader")) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.identity = identity
        self.timing = timing
        self.logger = logger
    }

    /// Whether this replica holds the Lease now: it won it and renewed it within the renew
    /// deadline (so a replica starved of CPU stops leading on its own, before its Lease can expire
    /// for others).
    public var isLeading: Bool { leading && ContinuousClock.now - lastRenewal < timing.renewDeadline }
    /// Whether the elector is shutting down (losing leadership then is expected).
    public var isStopping: Bool { stopping }

    /// Waits until this replica leads; `false` if the wait was cancelled or the elector stopped.
    public func waitUntilLeading() async -> Bool {
        while !isLeading {
            if stopping || Task.isCancelled { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Waits until this replica no longer leads (or the wait is cancelled).
    public func waitUntilNotLeading() async {
        while isLeading, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled, !stopping {
                await tryAcquireOrRenew()
                try? await Task.sleep(for: timing.retryPeriod)
            }
        } onGracefulShutdown: {
            Task { await self.stop() }
        }
        await release()
    }

    private func stop() { stopping = true }

    static func microTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"
        return formatter.string(from: date)
    }

    /// One round: take or renew the Lease; updates ``isLeading``.
    func tryAcquireOrRenew() async {
        let now = ContinuousClock.now
        do {
            let nowText = Self.microTime(Date())
            let seconds = Int64(timing.leaseDuration.components.seconds)
            guard let lease = try await client.getIfPresent(.leases, namespace: namespace, name: name) else {
                let object: JSONObject = [
                    "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                    "metadata": ["name": .string(name), "namespace": .string(namespace)],
                    "spec": ["holderIdentity": .string(identity), "leaseDurationSeconds": .integer(seconds),
                             "acquireTime": .string(nowText), "renewTime": .string(nowText), "leaseTransitions": 0],
                ]
                try await client.create(.leases, object)
                becomeLeader(at: now)
                return
            }
            let spec = lease["spec"]?.objectValue ?? [:]
            let holder = spec["holderIdentity"]?.stringValue ?? ""
            let record = "\(holder)|\(spec["renewTime"]?.stringValue ?? "")|\(lease["metadata"]?["resourceVersion"]?.stringValue ?? "")"
            if record != observedRecord {
                observedRecord = record
                observedAt = now
            }
            let holderDuration = Duration.seconds(spec["leaseDurationSeconds"]?.integerValue ?? seconds)
            let held = !holder.isEmpty && holder != identity && now < observedAt + holderDuration
            if held {
                if leading { loseLeadership("another replica (\(holder)) holds the Lease") }
                return
            }
            var updated = lease
            var newSpec = spec
            if holder != identity {
                newSpec["acquireTime"] = .string(nowText)
                newSpec["leaseTransitions"] = .integer((spec["leaseTransitions"]?.integerValue ?? 0) + (holder.isEmpty ? 0 : 1))
            }
            newSpec["holderIdentity"] = .string(identity)
            newSpec["leaseDurationSeconds"] = .integer(seconds)
            newSpec["renewTime"] = .string(nowText)
            updated["spec"] = .object(newSpec)
            let written = try await client.update(.leases, updated)
            observedRecord = "\(identity)|\(nowText)|\(written["metadata"]?["resourceVersion"]?.stringValue ?? "")"
            observedAt = now
            becomeLeader(at: now)
        } catch {
            logger.debug("lease \(namespace)/\(name): \(error)")
            if leading, ContinuousClock.now - lastRenewal > timing.renewDeadline {
                loseLeadership("could not renew the Lease within the renew deadline: \(error)")
            }
        }
    }

    private func becomeLeader(at instant: ContinuousClock.Instant) {
        lastRenewal = instant
        if !leading {
            leading = true
            acquisitions += 1
            logger.info("\(identity) leads (lease \(namespace)/\(name))")
        }
    }

    private func loseLeadership(_ why: String) {
        leading = false
        logger.warning("\(identity) stopped leading: \(why)")
    }

    /// Gives the Lease up (holder cleared) so another replica can take it immediately.
    func release() async {
        guard leading else { return }
        leading = false
        do {
            guard var lease = try await client.getIfPresent(.leases, namespace: namespace, name: name),
                  lease["spec"]?["holderIdentity"]?.stringValue == identity else { return }
            lease["spec"]?["holderIdentity"] = .string("")
            lease["spec"]?["leaseDurationSeconds"] = 1
            try await client.update(.leases, lease)
        } catch {
            logger.debug("releasing lease: \(error)")
        }
    }
}
