import Synchronization

/// Fans this process's committed events out to live watchers. Each watcher has a bounded queue:
/// a watcher that falls more than `capacity` events behind loses its queue and ends with
/// `StoreError.expired`, so a stalled consumer never costs unbounded memory.
final class WatchBroadcaster: Sendable {
    private struct State {
        var nextID = 0
        var subscriptions: [Int: WatchSubscription] = [:]
    }

    private let state = Mutex(State())
    /// The most events a watcher may have queued before it is expired.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// A new live subscription for events of `resource` (all when `nil`) in `namespace` (all when `nil`).
    func subscribe(resource: ResourceKey?, namespace: String?) -> WatchSubscription {
        state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            let subscription = WatchSubscription(id: id, resource: resource, namespace: namespace,
                                                 capacity: capacity, broadcaster: self)
            state.subscriptions[id] = subscription
            return subscription
        }
    }

    /// A subscription for a watch starting after `revision`, taken before the store's first
    /// replay read so nothing committed in between is lost (the cursor skips live events it has
    /// already replayed). Throws `StoreError.expired`, releasing the subscription, when
    /// `revision` is older than the retained history.
    func subscribe(resource: ResourceKey?, namespace: String?, after revision: Int64,
                   compactedRevision: () async throws -> Int64) async throws -> WatchSubscription {
        let subscription = subscribe(resource: resource, namespace: namespace)
        do {
            let compacted = try await compactedRevision()
            if revision < compacted { throw StoreError.expired(requested: revision, oldestAvailable: compacted) }
        } catch {
            subscription.close()
            throw error
        }
        return subscription
    }

    /// Delivers committed events, in revision order, to every matching subscription.
    func publish(_ events: [StoreEvent]) {
        guard !events.isEmpty else { return }
        let subscriptions = state.withLock { Array($0.subscriptions.values) }
        for subscription in subscriptions { subscription.offer(events) }
    }

    /// How many subscriptions are registered (watchers not yet released).
    var subscriberCount: Int { state.withLock { $0.subscriptions.count } }

    func remove(_ id: Int) {
        _ = state.withLock { $0.subscriptions.removeValue(forKey: id) }
    }
}

/// One watcher's queue of live events.
final class WatchSubscription: Sendable {
    private struct State {
        var queue: [StoreEvent] = []
        var head = 0
        /// Set when the queue overflowed: the revision of the newest event that was dropped.
        var overflowedAt: Int64?
        var oldestQueued: Int64?
        var closed = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    let id: Int
    let resource: ResourceKey?
    let namespace: String?
    let capacity: Int
    private let broadcaster: WatchBroadcaster
    private let state = Mutex(State())

    init(id: Int, resource: ResourceKey?, namespace: String?, capacity: Int, broadcaster: WatchBroadcaster) {
        self.id = id
        self.resource = resource
        self.namespace = namespace
        self.capacity = capacity
        self.broadcaster = broadcaster
    }

    func matches(_ event: StoreEvent) -> Bool {
        if let resource, event.object.key.resource != resource { return false }
        if let namespace, event.object.key.namespace != namespace { return false }
        return true
    }

    func offer(_ events: [StoreEvent]) {
        let matching = events.filter(matches)
        guard !matching.isEmpty else { return }
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.closed, state.overflowedAt == nil else { return nil }
            state.queue.append(contentsOf: matching)
            if state.queue.count - state.head > capacity {
                state.overflowedAt = matching.last?.object.revision
                state.queue = []
                state.head = 0
            }
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// The next live event; `nil` once closed or when the task is cancelled. Throws
    /// `StoreError.expired` after an overflow.
    func next(lastDelivered: Int64) async throws -> StoreEvent? {
        while true {
            enum Step { case event(StoreEvent), expired(Int64), end, wait }
            let step: Step = state.withLock { state in
                if state.head < state.queue.count {
                    let event = state.queue[state.head]
                    state.head += 1
                    if state.head == state.queue.count {
                        state.queue.removeAll(keepingCapacity: true)
                        state.head = 0
                    } else if state.head > 1024, state.head * 2 > state.queue.count {
                        state.queue.removeFirst(state.head)
                        state.head = 0
                    }
                    return .event(event)
                }
                if let overflowedAt = state.overflowedAt { return .expired(overflowedAt) }
                if state.closed { return .end }
                return .wait
            }
            switch step {
            case .event(let event): return event
            case .expired(let newest):
                close()
                throw StoreError.expired(requested: lastDelivered + 1, oldestAvailable: newest)
            case .end: return nil
            case .wait:
                if Task.isCancelled { close(); return nil }
                await withTaskCancellationHandler {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        let resumeNow = state.withLock { state in
                            if state.head < state.queue.count || state.overflowedAt != nil || state.closed {
                                return true
                            }
                            state.waiter = continuation
                            return false
                        }
                        if resumeNow { continuation.resume() }
                    }
                } onCancel: {
                    self.close()
                }
            }
        }
    }

    /// Ends the subscription: wakes a waiting consumer and unregisters from the broadcaster.
    func close() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.closed = true
            state.queue = []
            state.head = 0
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
        broadcaster.remove(id)
    }
}

/// One watch: replays history from the backend in batches, then serves live events from its
/// subscription, skipping those already replayed. Pull-based, so replay never outruns the consumer.
actor WatchCursor {
    typealias Fetch = @Sendable (_ after: Int64, _ limit: Int) async throws -> [StoreEvent]

    private let subscription: WatchSubscription
    private let fetch: Fetch
    private let batchSize: Int
    private var last: Int64
    private var buffer: [StoreEvent] = []
    private var position = 0
    private var replaying = true

    init(subscription: WatchSubscription, after revision: Int64, batchSize: Int, fetch: @escaping Fetch) {
        self.subscription = subscription
        self.fetch = fetch
        self.batchSize = batchSize
        self.last = revision
    }

    deinit { subscription.close() }

    func next() async throws -> StoreEvent? {
        do {
            return try await nextEvent()
        } catch {
            subscription.close()
            throw error
        }
    }

    private func nextEvent() async throws -> StoreEvent? {
        while true {
            if position < buffer.count {
                let event = buffer[position]
                position += 1
                last = event.object.revision
                return event
            }
            if replaying {
                if Task.isCancelled { subscription.close(); return nil }
                let events = try await fetch(last, batchSize)
                buffer = events
                position = 0
                if events.count < batchSize { replaying = false }
                if !events.isEmpty { continue }
            }
            guard let event = try await subscription.next(lastDelivered: last) else { return nil }
            if event.object.revision <= last { continue }
            last = event.object.revision
            return event
        }
    }

    /// The stream a store returns: iterating pulls from this cursor; dropping or cancelling the
    /// iteration releases the cursor, which unregisters its subscription.
    static func stream(subscription: WatchSubscription, after revision: Int64, batchSize: Int,
                       fetch: @escaping Fetch) -> AsyncThrowingStream<StoreEvent, any Error>
    {
        let cursor = WatchCursor(subscription: subscription, after: revision, batchSize: batchSize, fetch: fetch)
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}
