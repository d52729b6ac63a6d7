import ContainModel
import KubeClient
import ServiceLifecycle

/// A change an ``Informer`` saw, for event handlers.
public enum InformerChange: Sendable {
    case added(JSONObject)
    case updated(old: JSONObject, new: JSONObject)
    case deleted(JSONObject)

    /// The object as it is now (or was, before deletion).
    public var object: JSONObject {
        switch self {
        case .added(let object), .deleted(let object): object
        case .updated(_, let new): new
        }
    }
}

/// Keeps an indexed, in-memory copy of one collection by list + watch (resuming, re-listing on
/// 410, reconnecting with backoff; see ``KubeClient/listWatch(_:namespace:labelSelector:watchTimeoutSeconds:maximumBackoff:)``)
/// and tells handlers about every change. Objects are keyed `namespace/name` (`name` for
/// cluster-scoped ones). Register handlers and indexes before ``run()``.
public actor Informer: ServiceLifecycle.Service {
    public nonisolated let resource: KubeResource
    let client: KubeClient
    let namespace: String?
    let labelSelector: String?
    private var objects: [String: JSONObject] = [:]
    private var handlers: [@Sendable (InformerChange) async -> Void] = []
    private var indexers: [String: @Sendable (JSONObject) -> [String]] = [:]
    private var indexes: [String: [String: Set<String>]] = [:]
    private var synced = false
    private var syncWaiters: [CheckedContinuation<Void, Never>] = []
    /// How many times the collection was (re)listed.
    public private(set) var listCount = 0

    public init(client: KubeClient, resource: KubeResource, namespace: String? = nil, labelSelector: String? = nil) {
        self.client = client
        self.resource = resource
        self.namespace = namespace
        self.labelSelector = labelSelector
    }

    /// The cache key of an object.
    public static func key(_ object: JSONObject) -> String {
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        if let namespace = object["metadata"]?["namespace"]?.stringValue, !namespace.isEmpty { return "\(namespace)/\(name)" }
        return name
    }

    /// Calls `handler` for every change after it is registered (including the initial list).
    public func addHandler(_ handler: @escaping @Sendable (InformerChange) async -> Void) {
        handlers.append(handler)
    }

    /// Maintains an index: `function` gives the index values of an object.
    public func addIndex(_ name: String, _ function: @escaping @Sendable (JSONObject) -> [String]) {
        indexers[name] = function
        var index: [String: Set<String>] = [:]
        for (key, object) in objects { for value in function(object) { index[value, default: []].insert(key) } }
        indexes[name] = index
    }

    /// The cached object with this key.
    public func get(_ key: String) -> JSONObject? { objects[key] }

    /// Every cached object.
    public func list() -> [JSONObject] { Array(objects.values) }

    /// The cached objects whose index `name` has `value`.
    public func list(index name: String, value: String) -> [JSONObject] {
        (indexes[name]?[value] ?? []).compactMap { objects[$0] }
    }

    /// The number of cached objects.
    public var count: Int { objects.count }

    /// Whether the first list has been loaded.
    public var hasSynced: Bool { synced }

    /// Waits until the first list has been loaded.
    public func waitForSync() async {
        if synced { return }
        await withCheckedContinuation { syncWaiters.append($0) }
    }

    public func run() async throws {
        let stream = client.listWatch(resource, namespace: namespace, labelSelector: labelSelector)
        await cancelWhenGracefulShutdown {
            for await event in stream {
                await self.apply(event)
            }
        }
    }

    private func apply(_ event: ListWatchEvent) async {
        var changes: [InformerChange] = []
        switch event {
        case .synced(let items, _):
            listCount += 1
            var fresh: [String: JSONObject] = [:]
            for item in items { fresh[Self.key(item)] = item }
            for (key, old) in objects where fresh[key] == nil {
                remove(key)
                changes.append(.deleted(old))
            }
            for (key, object) in fresh {
                if let old = objects[key] {
                    if Self.version(old) != Self.version(object) {
                        store(key, object)
                        changes.append(.updated(old: old, new: object))
                    }
                } else {
                    store(key, object)
                    changes.append(.added(object))
                }
            }
            if !synced {
                synced = true
                for waiter in syncWaiters { waiter.resume() }
                syncWaiters.removeAll()
            }
        case .added(let object), .modified(let object):
            let key = Self.key(object)
            let old = objects[key]
            store(key, object)
            changes.append(old.map { .updated(old: $0, new: object) } ?? .added(object))
        case .deleted(let object):
            let key = Self.key(object)
            remove(key)
            changes.append(.deleted(object))
        }
        for change in changes {
            for handler in handlers { await handler(change) }
        }
    }

    static func version(_ object: JSONObject) -> String? { object["metadata"]?["resourceVersion"]?.stringValue }

    private func store(_ key: String, _ object: JSONObject) {
        if let old = objects[key] { unindex(key, old) }
        objects[key] = object
        for (name, function) in indexers {
            for value in function(object) { indexes[name, default: [:]][value, default: []].insert(key) }
        }
    }

    private func remove(_ key: String) {
        guard let old = objects.removeValue(forKey: key) else { return }
        unindex(key, old)
    }

    private func unindex(_ key: String, _ object: JSONObject) {
        for (name, function) in indexers {
            for value in function(object) { indexes[name]?[value]?.remove(key) }
        }
    }
}
