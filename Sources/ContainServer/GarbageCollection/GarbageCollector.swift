import ContainModel
import ContainStore
import Logging
import ServiceLifecycle

/// The owner-reference garbage collector, as kube-controller-manager runs it: follows every
/// change in the store and
/// - deletes an object once none of the owners its `ownerReferences` name exist (background
///   cascading deletion); references to owners that are gone are dropped while others remain;
/// - for an owner deleted with `propagationPolicy: Foreground` (finalizer `foregroundDeletion`),
///   deletes its dependents and then removes the finalizer, so the owner goes last;
/// - for `propagationPolicy: Orphan` (finalizer `orphan`), removes the owner from its
///   dependents' `ownerReferences` and then removes the finalizer.
///
/// It keeps an index of owner uid → dependents, built from a full list and kept current by a
/// watch of every resource; when the watch falls behind retained history it lists again.
public struct GarbageCollector: ServiceLifecycle.Service {
    public static let foregroundFinalizer = "foregroundDeletion"
    public static let orphanFinalizer = "orphan"

    let store: any ObjectStore
    let registry: ResourceRegistry
    let logger: Logger

    public init(store: any ObjectStore, registry: ResourceRegistry, logger: Logger = Logger(label: "contain.gc")) {
        self.store = store
        self.registry = registry
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled {
            do {
                try await collect()
            } catch is CancellationError {
                return
            } catch {
                logger.warning("garbage collector restarting: \(error)")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// One list-then-watch pass; returns when the watch ends.
    func collect() async throws {
        var index = DependentIndex()
        let revision = try await store.currentRevision()
        var pending: [StoredObject] = []
        for resource in registry.resources {
            let result = try await store.list(ListRequest(resource: resource.key, revision: revision))
            for stored in result.items where Self.mayMatter(stored) {
                guard let object = try? ResourceHandlers.decode(stored) else { continue }
                index.record(stored.key, owners: Self.ownerUIDs(object))
                pending.append(stored)
            }
        }
        // Finish what a previous run left: dangling owners, pending foreground and orphan deletions.
        for stored in pending { try await reconsider(stored.key, index: &index) }
        for try await event in try await store.watch(nil, namespace: nil, after: revision) {
            try await handle(event, index: &index)
        }
    }

    /// Whether an object's bytes can matter to the collector (owner references or a cascading finalizer).
    static func mayMatter(_ stored: StoredObject) -> Bool {
        stored.data.containsBytes(of: "\"ownerReferences\"") || stored.data.containsBytes(of: "\"\(foregroundFinalizer)\"")
            || stored.data.containsBytes(of: "\"\(orphanFinalizer)\"")
    }

    func handle(_ event: StoreEvent, index: inout DependentIndex) async throws {
        let key = event.object.key
        switch event.kind {
        case .added, .modified:
            guard Self.mayMatter(event.object) || index.isTracked(key) else { return }
            guard let object = try? ResourceHandlers.decode(event.object) else { return }
            index.record(key, owners: Self.ownerUIDs(object))
            if Self.isDeleting(object, with: Self.foregroundFinalizer) || Self.isDeleting(object, with: Self.orphanFinalizer) {
                try await finishCascade(of: key)
            }
            if !Self.ownerUIDs(object).isEmpty { try await reconsider(key, index: &index) }
        case .deleted:
            index.record(key, owners: [])
            guard !index.isEmpty, let object = try? ResourceHandlers.decode(event.object),
                  let uid = object["metadata"]?["uid"]?.stringValue else { return }
            for dependent in index.dependents(of: uid) { try await reconsider(dependent, index: &index) }
            // A dependent went: an owner waiting in foreground deletion may now be free to go.
            for ownerUID in Self.ownerUIDs(object) {
                if let owner = try await findOwner(uid: ownerUID, referencedBy: object, namespace: key.namespace) {
                    try await finishCascade(of: owner.key)
                }
            }
        }
    }

    // MARK: Decisions

    /// Deletes `key` when none of its owners exist; drops references to missing owners otherwise.
    func reconsider(_ key: ObjectKey, index: inout DependentIndex) async throws {
        guard let stored = try await store.get(key), let object = try? ResourceHandlers.decode(stored) else { return }
        let references = object["metadata"]?["ownerReferences"]?.arrayValue ?? []
        if try await firstOwnerInForegroundDeletion(references, namespace: key.namespace) != nil {
            try await delete(stored, object)
            return
        }
        guard !references.isEmpty else { return }
        var alive: [JSONValue] = []
        for reference in references {
            guard let uid = reference["uid"]?.stringValue else { continue }
            if try await findOwner(uid: uid, reference: reference, namespace: key.namespace) != nil { alive.append(reference) }
        }
        if alive.isEmpty {
            try await delete(stored, object)
        } else if alive.count < references.count {
            var updated = object
            updated["metadata"]?["ownerReferences"] = .array(alive)
            _ = try await store.update(key, object: updated, expectedRevision: stored.revision)
        }
    }

    /// For an owner being deleted in the foreground or with orphaning: acts on its dependents
    /// and removes the finalizer once none remain to act on.
    func finishCascade(of key: ObjectKey) async throws {
        guard let stored = try await store.get(key), let object = try? ResourceHandlers.decode(stored),
              let uid = object["metadata"]?["uid"]?.stringValue else { return }
        let foreground = Self.isDeleting(object, with: Self.foregroundFinalizer)
        let orphan = Self.isDeleting(object, with: Self.orphanFinalizer)
        guard foreground || orphan else { return }
        var remaining = 0
        for dependentKey in try await dependentsInStore(of: uid, ownerKey: key) {
            guard let dependent = try await store.get(dependentKey), var dependentObject = try? ResourceHandlers.decode(dependent) else { continue }
            if orphan {
                let references = dependentObject["metadata"]?["ownerReferences"]?.arrayValue ?? []
                dependentObject["metadata"]?["ownerReferences"] = .array(references.filter { $0["uid"]?.stringValue != uid })
                if dependentObject["metadata"]?["ownerReferences"]?.arrayValue?.isEmpty == true {
                    dependentObject["metadata"]?["ownerReferences"] = nil
                }
                _ = try await store.update(dependentKey, object: dependentObject, expectedRevision: dependent.revision)
            } else {
                remaining += 1
                if dependentObject["metadata"]?["deletionTimestamp"] == nil { try await delete(dependent, dependentObject) }
            }
        }
        if remaining == 0 { try await removeFinalizer(foreground ? Self.foregroundFinalizer : Self.orphanFinalizer, from: key) }
    }

    /// Objects whose owner references name `uid`: the owner's namespace (or every namespace for
    /// a cluster-scoped owner), read from the store so the answer does not depend on the index.
    func dependentsInStore(of uid: String, ownerKey: ObjectKey) async throws -> [ObjectKey] {
        var keys: [ObjectKey] = []
        let marker = "\"uid\":\"\(uid)\""
        for resource in registry.resources {
            if !ownerKey.namespace.isEmpty && !resource.type.namespaced { continue }
            let namespace: String? = resource.type.namespaced && !ownerKey.namespace.isEmpty ? ownerKey.namespace : nil
            let result = try await store.list(ListRequest(resource: resource.key, namespace: namespace, filter: { stored in
                stored.data.containsBytes(of: "\"ownerReferences\"") && stored.data.containsBytes(of: marker)
            }))
            for stored in result.items where stored.key != ownerKey {
                guard let object = try? ResourceHandlers.decode(stored), Self.ownerUIDs(object).contains(uid) else { continue }
                keys.append(stored.key)
            }
        }
        return keys
    }

    func delete(_ stored: StoredObject, _ object: JSONObject) async throws {
        if ObjectPreparation.strings(object["metadata"]?["finalizers"]).isEmpty {
            _ = try await store.delete(stored.key, expectedRevision: stored.revision)
        } else if object["metadata"]?["deletionTimestamp"] == nil {
            _ = try await store.update(stored.key, object: ObjectPreparation.markDeleting(object, now: .now()), expectedRevision: stored.revision)
        }
    }

    func removeFinalizer(_ finalizer: String, from key: ObjectKey) async throws {
        guard let stored = try await store.get(key), var object = try? ResourceHandlers.decode(stored) else { return }
        let finalizers = ObjectPreparation.strings(object["metadata"]?["finalizers"]).filter { $0 != finalizer }
        if finalizers.isEmpty {
            _ = try await store.delete(key, expectedRevision: stored.revision)
        } else {
            object["metadata"]?["finalizers"] = .array(finalizers.map(JSONValue.string))
            _ = try await store.update(key, object: object, expectedRevision: stored.revision)
        }
    }

    // MARK: Owners

    /// The owner a reference names, when it exists with that uid.
    func findOwner(uid: String, reference: JSONValue, namespace: String) async throws -> StoredObject? {
        guard let apiVersion = reference["apiVersion"]?.stringValue, let kind = reference["kind"]?.stringValue,
              let name = reference["name"]?.stringValue, let resource = registry.resource(apiVersion: apiVersion, kind: kind) else {
            return nil
        }
        let key = ObjectKey(resource: resource.key, namespace: resource.type.namespaced ? namespace : "", name: name)
        guard let stored = try await store.get(key), let object = try? ResourceHandlers.decode(stored),
              object["metadata"]?["uid"]?.stringValue == uid else { return nil }
        return stored
    }

    /// The owner with `uid` among the references of `dependent`.
    func findOwner(uid: String, referencedBy dependent: JSONObject, namespace: String) async throws -> StoredObject? {
        for reference in dependent["metadata"]?["ownerReferences"]?.arrayValue ?? [] where reference["uid"]?.stringValue == uid {
            return try await findOwner(uid: uid, reference: reference, namespace: namespace)
        }
        return nil
    }

    func firstOwnerInForegroundDeletion(_ references: [JSONValue], namespace: String) async throws -> StoredObject? {
        for reference in references {
            guard let uid = reference["uid"]?.stringValue, let owner = try await findOwner(uid: uid, reference: reference, namespace: namespace),
                  let object = try? ResourceHandlers.decode(owner), Self.isDeleting(object, with: Self.foregroundFinalizer) else { continue }
            return owner
        }
        return nil
    }

    static func ownerUIDs(_ object: JSONObject) -> [String] {
        (object["metadata"]?["ownerReferences"]?.arrayValue ?? []).compactMap { $0["uid"]?.stringValue }
    }

    static func isDeleting(_ object: JSONObject, with finalizer: String) -> Bool {
        object["metadata"]?["deletionTimestamp"] != nil && ObjectPreparation.strings(object["metadata"]?["finalizers"]).contains(finalizer)
    }
}

/// Owner uid → dependents, and each dependent's owners, so changed references update the index.
struct DependentIndex {
    private var dependentsByOwner: [String: Set<ObjectKey>] = [:]
    private var ownersByDependent: [ObjectKey: [String]] = [:]

    var isEmpty: Bool { dependentsByOwner.isEmpty }

    func isTracked(_ key: ObjectKey) -> Bool { ownersByDependent[key] != nil }

    func dependents(of uid: String) -> [ObjectKey] { dependentsByOwner[uid].map { Array($0).sorted() } ?? [] }

    /// Replaces what is known of `key`'s owners (an empty list forgets it).
    mutating func record(_ key: ObjectKey, owners: [String]) {
        for uid in ownersByDependent[key] ?? [] {
            dependentsByOwner[uid]?.remove(key)
            if dependentsByOwner[uid]?.isEmpty == true { dependentsByOwner[uid] = nil }
        }
        ownersByDependent[key] = owners.isEmpty ? nil : owners
        for uid in owners { dependentsByOwner[uid, default: []].insert(key) }
    }
}

extension Array where Element == UInt8 {
    /// Whether the UTF-8 bytes of `text` occur in this array.
    func containsBytes(of text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, count >= needle.count else { return false }
        var position = startIndex
        let last = endIndex - needle.count
        while position <= last {
            guard let candidate = self[position...last].firstIndex(of: first) else { return false }
            if self[candidate..<(candidate + needle.count)].elementsEqual(needle) { return true }
            position = candidate + 1
        }
        return false
    }
}
