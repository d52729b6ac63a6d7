import ContainModel
import Foundation
import Testing
@testable import ContainStore

/// The backend-agnostic contract every `ObjectStore` must meet. Each backend's suite runs every
/// case against a fresh store.
enum StoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case createAndGet
    case alreadyExists
    case updateWithExpectedRevision
    case deleteWithExpectedRevision
    case revisionsIncreaseAndMatchResourceVersion
    case listScopes
    case listAtRevision
    case paginationStaysAtFirstPageRevision
    case filterAppliesBeforeLimit
    case invalidContinueToken
    case watchReplayThenLive
    case watchByNamespaceAndAllResources
    case compactionExpiresOldRevisions
    case slowWatcherExpires
    case cancelledWatchIsReleased
    case concurrentCreates
    case transactionIsAllOrNothing
    case transactionChecksStopOvershootUnderParallelWriters

    var testDescription: String { rawValue }

    func run(_ factory: StoreFactory) async throws {
        let handle = try await factory(self == .slowWatcherExpires ? 16 : 10_000)
        do {
            try await run(handle)
        } catch {
            await handle.close()
            throw error
        }
        await handle.close()
    }

    private func run(_ handle: StoreHandle) async throws {
        let store = handle.store
        typealias F = Fixtures
        switch self {
        case .createAndGet:
            #expect(try await store.currentRevision() == 0)
            #expect(try await store.get(F.key("a")) == nil)
            let created = try await F.create(store, "a", value: "one")
            #expect(created.revision > 0)
            #expect(created.createRevision == created.revision)
            #expect(created.key == F.key("a"))
            #expect(try F.resourceVersion(created) == String(created.revision))
            #expect(try F.dataValue(created) == "one")
            let fetched = try #require(try await store.get(F.key("a")))
            #expect(fetched == created)
            #expect(try await store.currentRevision() == created.revision)
            // Same name in another namespace or resource is another object.
            #expect(try await store.get(F.key("a", namespace: "other")) == nil)
            #expect(try await store.get(F.key("a", resource: F.widgets)) == nil)

        case .alreadyExists:
            let first = try await F.create(store, "a", value: "one")
            let again = try await store.create(F.key("a"), object: F.object("a", value: "two"))
            #expect(again == .alreadyExists(first))
            #expect(try await store.currentRevision() == first.revision)
            #expect(try F.dataValue(try #require(try await store.get(F.key("a")))) == "one")

        case .updateWithExpectedRevision:
            let created = try await F.create(store, "a", value: "one")
            let updated = try await F.update(store, "a", value: "two", expected: created.revision)
            #expect(updated.revision > created.revision)
            #expect(updated.createRevision == created.revision)
            #expect(try F.resourceVersion(updated) == String(updated.revision))
            #expect(try F.dataValue(updated) == "two")
            let stale = try await store.update(F.key("a"), object: F.object("a", value: "three"), expectedRevision: created.revision)
            #expect(stale == .conflict(current: updated))
            #expect(try await store.currentRevision() == updated.revision)
            let unconditional = try await F.update(store, "a", value: "four")
            #expect(unconditional.revision > updated.revision)
            #expect(try await store.get(F.key("a")) == unconditional)
            let missing = try await store.update(F.key("nope"), object: F.object("nope"), expectedRevision: nil)
            #expect(missing == .notFound)

        case .deleteWithExpectedRevision:
            let created = try await F.create(store, "a", value: "one")
            let updated = try await F.update(store, "a", value: "two")
            let stale = try await store.delete(F.key("a"), expectedRevision: created.revision)
            #expect(stale == .conflict(current: updated))
            #expect(try await store.get(F.key("a")) == updated)
            let result = try await store.delete(F.key("a"), expectedRevision: updated.revision)
            guard case .deleted(let last) = result else {
                Issue.record("expected .deleted, got \(result)")
                return
            }
            #expect(last.revision > updated.revision)
            #expect(last.createRevision == created.revision)
            #expect(try F.resourceVersion(last) == String(last.revision))
            #expect(try F.dataValue(last) == "two")
            #expect(try await store.currentRevision() == last.revision)
            #expect(try await store.get(F.key("a")) == nil)
            #expect(try await store.delete(F.key("a"), expectedRevision: nil) == .notFound)
            // Re-creation after deletion is a new object.
            let again = try await F.create(store, "a", value: "three")
            #expect(again.revision > last.revision)
            #expect(again.createRevision == again.revision)
            let unconditional = try await store.delete(F.key("a"), expectedRevision: nil)
            guard case .deleted = unconditional else {
                Issue.record("expected .deleted, got \(unconditional)")
                return
            }

        case .revisionsIncreaseAndMatchResourceVersion:
            var last: Int64 = 0
            for index in 0..<20 {
                let stored: StoredObject
                switch index % 3 {
                case 0: stored = try await F.create(store, "o\(index)", namespace: "n\(index % 2)")
                case 1: stored = try await F.update(store, "o\(index - 1)", namespace: "n\((index - 1) % 2)", value: "u\(index)")
                default:
                    let result = try await store.delete(F.key("o\(index - 2)", namespace: "n\((index - 2) % 2)"),
                                                        expectedRevision: nil)
                    guard case .deleted(let object) = result else {
                        Issue.record("expected .deleted, got \(result)")
                        return
                    }
                    stored = object
                }
                #expect(stored.revision > last)
                #expect(try F.resourceVersion(stored) == String(stored.revision))
                #expect(try await store.currentRevision() == stored.revision)
                last = stored.revision
            }

        case .listScopes:
            try await F.create(store, "b", namespace: "ns1")
            try await F.create(store, "a", namespace: "ns1")
            try await F.create(store, "c", namespace: "ns2")
            try await F.create(store, "a", namespace: "ns2")
            try await F.create(store, "gone", namespace: "ns1")
            _ = try await store.delete(F.key("gone", namespace: "ns1"), expectedRevision: nil)
            try await F.create(store, "w", namespace: "ns1", resource: F.widgets)
            let all = try await store.list(ListRequest(resource: F.configMaps))
            #expect(all.items.map(\.key.description) == [
                "configmaps/ns1/a", "configmaps/ns1/b", "configmaps/ns2/a", "configmaps/ns2/c",
            ])
            #expect(all.revision == (try await store.currentRevision()))
            #expect(all.continueToken == nil)
            let ns1 = try await store.list(ListRequest(resource: F.configMaps, namespace: "ns1"))
            #expect(ns1.items.map(\.key.name) == ["a", "b"])
            let byName = try await store.list(ListRequest(resource: F.configMaps, name: "a"))
            #expect(byName.items.map(\.key.namespace) == ["ns1", "ns2"])
            let one = try await store.list(ListRequest(resource: F.configMaps, namespace: "ns2", name: "c"))
            #expect(one.items.count == 1)
            #expect(one.items.first == (try await store.get(F.key("c", namespace: "ns2"))))
            let widgets = try await store.list(ListRequest(resource: F.widgets))
            #expect(widgets.items.map(\.key.name) == ["w"])
            #expect(try await store.list(ListRequest(resource: F.configMaps, namespace: "none")).items.isEmpty)
            // A limit of 0 means no limit, as in Kubernetes.
            let unlimited = try await store.list(ListRequest(resource: F.configMaps, limit: 0))
            #expect(unlimited.items.count == 4)
            #expect(unlimited.continueToken == nil)

        case .listAtRevision:
            let a1 = try await F.create(store, "a", value: "one")
            let b1 = try await F.create(store, "b")
            let snapshot = try await store.currentRevision()
            try await F.update(store, "a", value: "two")
            _ = try await store.delete(F.key("b"), expectedRevision: nil)
            try await F.create(store, "c")
            let old = try await store.list(ListRequest(resource: F.configMaps, revision: snapshot))
            #expect(old.items == [a1, b1])
            #expect(old.revision == snapshot)
            let now = try await store.list(ListRequest(resource: F.configMaps))
            #expect(now.items.map(\.key.name) == ["a", "c"])
            #expect(try F.dataValue(try #require(now.items.first)) == "two")

        case .paginationStaysAtFirstPageRevision:
            var originals: [StoredObject] = []
            for index in 0..<10 { originals.append(try await F.create(store, String(format: "item-%02d", index))) }
            let first = try await store.list(ListRequest(resource: F.configMaps, limit: 3))
            #expect(first.items == Array(originals[0..<3]))
            #expect(first.remainingItemCount == nil || first.remainingItemCount == 7)
            var token = try #require(first.continueToken)
            // Writes after the first page must not show in later pages.
            try await F.update(store, "item-04", value: "changed")
            _ = try await store.delete(F.key("item-07"), expectedRevision: nil)
            try await F.create(store, "item-05a")
            var seen = first.items
            var pages = 1
            while true {
                let page = try await store.list(ListRequest(resource: F.configMaps, limit: 3, continueToken: token))
                #expect(page.revision == first.revision)
                #expect(page.items.count <= 3)
                seen += page.items
                pages += 1
                guard let next = page.continueToken else { break }
                token = next
                if pages > 10 { Issue.record("pagination does not end"); break }
            }
            #expect(seen == originals)
            #expect(pages == 4)
            let latest = try await store.list(ListRequest(resource: F.configMaps))
            #expect(latest.items.count == 10)
            #expect(latest.items.contains { $0.key.name == "item-05a" })
            #expect(!latest.items.contains { $0.key.name == "item-07" })

        case .filterAppliesBeforeLimit:
            for index in 0..<12 {
                try await F.create(store, String(format: "f-%02d", index), labels: ["tier": index % 3 == 0 ? "web" : "db"])
            }
            let isWeb: @Sendable (StoredObject) -> Bool = { Fixtures.label($0, "tier") == "web" }
            let all = try await store.list(ListRequest(resource: F.configMaps, filter: isWeb))
            #expect(all.items.map(\.key.name) == ["f-00", "f-03", "f-06", "f-09"])
            let page1 = try await store.list(ListRequest(resource: F.configMaps, limit: 3, filter: isWeb))
            #expect(page1.items.map(\.key.name) == ["f-00", "f-03", "f-06"])
            let token = try #require(page1.continueToken)
            let page2 = try await store.list(ListRequest(resource: F.configMaps, limit: 3, continueToken: token, filter: isWeb))
            #expect(page2.items.map(\.key.name) == ["f-09"])
            #expect(page2.continueToken == nil)

        case .invalidContinueToken:
            try await F.create(store, "a")
            await #expect(throws: StoreError.self) {
                _ = try await store.list(ListRequest(resource: F.configMaps, continueToken: "not a token"))
            }

        case .watchReplayThenLive:
            let before = try await store.currentRevision()
            let a = try await F.create(store, "a", value: "one")
            let a2 = try await F.update(store, "a", value: "two")
            let b = try await F.create(store, "b")
            let stream = try await store.watch(F.configMaps, namespace: nil, after: before)
            var iterator = stream.makeAsyncIterator()
            let replayed = try await F.next(3, from: &iterator)
            #expect(replayed == [StoreEvent(kind: .added, object: a), StoreEvent(kind: .modified, object: a2),
                                 StoreEvent(kind: .added, object: b)])
            try await F.create(store, "other", resource: F.widgets)
            let c = try await F.create(store, "c")
            let deletion = try await store.delete(F.key("a"), expectedRevision: nil)
            guard case .deleted(let lastA) = deletion else {
                Issue.record("expected .deleted, got \(deletion)")
                return
            }
            let live = try await F.next(2, from: &iterator)
            #expect(live == [StoreEvent(kind: .added, object: c), StoreEvent(kind: .deleted, object: lastA)])
            #expect(try F.dataValue(lastA) == "two")
            // A watch from the middle sees only later changes.
            let later = try await store.watch(F.configMaps, namespace: nil, after: a2.revision)
            var laterIterator = later.makeAsyncIterator()
            let tail = try await F.next(3, from: &laterIterator)
            #expect(tail.map(\.object.revision) == [b.revision, c.revision, lastA.revision])
            #expect(tail.map(\.kind) == [.added, .added, .deleted])

        case .watchByNamespaceAndAllResources:
            let start = try await store.currentRevision()
            let byNamespace = try await store.watch(F.configMaps, namespace: "ns1", after: start)
            let everything = try await store.watch(nil, namespace: nil, after: start)
            let x = try await F.create(store, "x", namespace: "ns2")
            let y = try await F.create(store, "y", namespace: "ns1")
            let w = try await F.create(store, "w", namespace: "ns1", resource: F.widgets)
            let z = try await F.update(store, "y", namespace: "ns1", value: "again")
            var nsIterator = byNamespace.makeAsyncIterator()
            let nsEvents = try await F.next(2, from: &nsIterator)
            #expect(nsEvents == [StoreEvent(kind: .added, object: y), StoreEvent(kind: .modified, object: z)])
            var allIterator = everything.makeAsyncIterator()
            let allEvents = try await F.next(4, from: &allIterator)
            #expect(allEvents.map(\.object) == [x, y, w, z])

        case .compactionExpiresOldRevisions:
            let a = try await F.create(store, "a", value: "one")
            for index in 0..<6 { try await F.create(store, "p\(index)") }
            let oldPage = try await store.list(ListRequest(resource: F.configMaps, limit: 2))
            let oldToken = try #require(oldPage.continueToken)
            try await F.update(store, "a", value: "two")
            try await F.create(store, "b")
            _ = try await store.delete(F.key("b"), expectedRevision: nil)
            let beforeCompaction = try await store.list(ListRequest(resource: F.configMaps))
            let current = try await store.currentRevision()
            try await store.compact(keepRevisions: 1)
            #expect(try await store.compactedRevision() == current - 1)
            #expect(try await store.currentRevision() == current)
            // Current state is intact.
            let afterCompaction = try await store.list(ListRequest(resource: F.configMaps))
            #expect(afterCompaction.items == beforeCompaction.items)
            #expect(try F.dataValue(try #require(try await store.get(F.key("a")))) == "two")
            #expect(try await store.get(F.key("b")) == nil)
            // Old revisions are gone: watch, snapshot list and continue token all expire.
            await #expect(throws: StoreError.expired(requested: a.revision, oldestAvailable: current - 1)) {
                _ = try await store.watch(F.configMaps, namespace: nil, after: a.revision)
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.list(ListRequest(resource: F.configMaps, revision: a.revision))
            }
            do {
                _ = try await store.list(ListRequest(resource: F.configMaps, limit: 2, continueToken: oldToken))
                Issue.record("an old continue token should expire")
            } catch let error as StoreError {
                guard case .expired = error else {
                    Issue.record("expected .expired, got \(error)")
                    return
                }
            }
            // Watching from the compacted revision still works and sees new writes.
            let stream = try await store.watch(F.configMaps, namespace: nil, after: current)
            let c = try await F.create(store, "c")
            var iterator = stream.makeAsyncIterator()
            #expect(try await F.next(1, from: &iterator) == [StoreEvent(kind: .added, object: c)])
            // Writes keep working after compaction removed old rows of the same key.
            let a3 = try await F.update(store, "a", value: "three")
            #expect(a3.createRevision == a.revision)

        case .slowWatcherExpires:
            // The factory gave this store a watch buffer of 16 events.
            let stream = try await store.watch(F.configMaps, namespace: nil, after: try await store.currentRevision())
            var iterator = stream.makeAsyncIterator()
            let first = try await F.create(store, "first")
            #expect(try await F.next(1, from: &iterator) == [StoreEvent(kind: .added, object: first)])
            for index in 0..<200 { try await F.create(store, "flood-\(index)") }
            try? await Task.sleep(for: .milliseconds(600)) // let a polling backend publish
            var received = 0
            do {
                while try await iterator.next() != nil {
                    received += 1
                    if received > 200 { break }
                }
                Issue.record("a watcher 200 events behind should end with .expired, got \(received) events")
            } catch let error as StoreError {
                guard case .expired = error else {
                    Issue.record("expected .expired, got \(error)")
                    return
                }
                #expect(received <= 16)
            }
            #expect(await Fixtures.eventually { handle.activeWatches() == 0 })

        case .cancelledWatchIsReleased:
            #expect(handle.activeWatches() == 0)
            let start = try await store.currentRevision()
            let stream = try await store.watch(F.configMaps, namespace: nil, after: start)
            #expect(handle.activeWatches() == 1)
            let consumer = Task {
                var count = 0
                for try await _ in stream { count += 1 }
                return count
            }
            try await F.create(store, "a")
            try? await Task.sleep(for: .milliseconds(300))
            consumer.cancel()
            _ = try? await consumer.value
            #expect(await Fixtures.eventually { handle.activeWatches() == 0 })
            // A stream abandoned after a break is released too.
            do {
                let second = try await store.watch(F.configMaps, namespace: nil, after: start)
                for try await event in second {
                    #expect(event.object.key.name == "a")
                    break
                }
            }
            #expect(await Fixtures.eventually { handle.activeWatches() == 0 })

        case .concurrentCreates:
            let tasks = 32
            let perTask = 20
            let revisions = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        var revisions: [Int64] = []
                        for index in 0..<perTask {
                            let stored = try await Fixtures.create(store, "t\(task)-\(index)", namespace: "ns\(task % 4)")
                            #expect(try Fixtures.resourceVersion(stored) == String(stored.revision))
                            revisions.append(stored.revision)
                        }
                        #expect(revisions == revisions.sorted())
                        return revisions
                    }
                }
                var all: [Int64] = []
                for try await revisions in group { all += revisions }
                return all
            }
            #expect(revisions.count == tasks * perTask)
            #expect(Set(revisions).count == tasks * perTask)
            #expect(try await store.currentRevision() == revisions.max())
            let listed = try await store.list(ListRequest(resource: F.configMaps))
            #expect(listed.items.count == tasks * perTask)
            #expect(Set(listed.items.map(\.revision)) == Set(revisions))

        case .transactionIsAllOrNothing:
            let before = try await F.create(store, "existing", value: "one")
            var events = try await store.watch(F.configMaps, namespace: nil, after: before.revision).makeAsyncIterator()
            // Two objects in one transaction: consecutive revisions, both visible together.
            let committed = try await store.transact([
                .create(F.key("namespace-like"), F.object("namespace-like")),
                .create(F.key("deny-all"), F.object("deny-all")),
                .check(F.key("existing"), expectedRevision: before.revision),
                .check(F.key("absent"), expectedRevision: 0),
            ])
            guard case .committed(let results) = committed else { Issue.record("not committed: \(committed)"); return }
            #expect(results.count == 4)
            let first = try #require(results[0]), second = try #require(results[1])
            #expect(second.revision == first.revision + 1)
            #expect(results[2] == before)
            #expect(results[3] == nil)
            #expect(try F.resourceVersion(second) == String(second.revision))
            let seen = try await F.next(2, from: &events, timeout: .seconds(120))
            #expect(seen.map(\.object.key.name) == ["namespace-like", "deny-all"])
            #expect(seen.map(\.kind) == [.added, .added])

            // A failing step aborts everything before it too.
            let revision = try await store.currentRevision()
            let aborted = try await store.transact([
                .create(F.key("would-be-new"), F.object("would-be-new")),
                .update(F.key("existing"), F.object("existing", value: "two"), expectedRevision: nil),
                .create(F.key("deny-all"), F.object("deny-all")),
            ])
            #expect(aborted == .aborted(index: 2, reason: .alreadyExists(second)))
            #expect(try await store.get(F.key("would-be-new")) == nil)
            #expect(try F.dataValue(try #require(try await store.get(F.key("existing")))) == "one")
            #expect(try await store.currentRevision() == revision)
            let stale = try await store.transact([
                .check(F.key("existing"), expectedRevision: before.revision - 1),
                .delete(F.key("deny-all"), expectedRevision: nil),
            ])
            #expect(stale == .aborted(index: 0, reason: .conflict(current: before)))
            #expect(try await store.get(F.key("deny-all")) == second)
            // Writing one key twice in a transaction sees its own first write.
            let twice = try await store.transact([
                .create(F.key("twice"), F.object("twice", value: "1")),
                .update(F.key("twice"), F.object("twice", value: "2"), expectedRevision: revision + 1),
            ])
            guard case .committed(let pair) = twice else { Issue.record("not committed: \(twice)"); return }
            #expect(try F.dataValue(try #require(pair[1])) == "2")
            #expect(try await store.transact([]) == .committed([]))

        case .transactionChecksStopOvershootUnderParallelWriters:
            // Four namespace quotas of one tenant whose total may not exceed 100; 16 writers race
            // to raise them. Each reads all four, and writes its raise guarded by the others' revisions.
            let names = (0..<4).map { "quota-\($0)" }
            for name in names { try await F.create(store, name, value: "10") }
            let start = try await store.currentRevision()
            let total = 100
            let granted = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        var granted = 0
                        for attempt in 0..<12 {
                            let target = names[(writer + attempt) % names.count]
                            let delta = 1 + (writer * 7 + attempt) % 9
                            var current: [StoredObject] = []
                            for name in names { if let stored = try await store.get(F.key(name)) { current.append(stored) } }
                            let values = try current.map { Int(try F.dataValue($0) ?? "") ?? 0 }
                            guard values.reduce(0, +) + delta <= total else { continue }
                            var writes: [StoreWrite] = []
                            for (stored, value) in zip(current, values) {
                                if stored.key.name == target {
                                    writes.append(.update(stored.key, F.object(target, value: String(value + delta)),
                                                          expectedRevision: stored.revision))
                                } else {
                                    writes.append(.check(stored.key, expectedRevision: stored.revision))
                                }
                            }
                            if case .committed = try await store.transact(writes) { granted += delta }
                        }
                        return granted
                    }
                }
                var sum = 0
                for try await value in group { sum += value }
                return sum
            }
            let end = try await store.currentRevision()
            var finalValues: [String: Int] = [:]
            for name in names { finalValues[name] = Int(try F.dataValue(try #require(try await store.get(F.key(name)))) ?? "") }
            let finalSum = finalValues.values.reduce(0, +)
            #expect(finalSum <= total)
            #expect(finalSum == 40 + granted)  // every granted raise is there, none lost
            #expect(granted > 0)
            // Replay every change: the sum never exceeded the total at any revision.
            var events = try await store.watch(F.configMaps, namespace: nil, after: start).makeAsyncIterator()
            var running: [String: Int] = Dictionary(uniqueKeysWithValues: names.map { ($0, 10) })
            var maximum = 40
            var replayed = 0
            while replayed < Int(end - start), let event = try await events.next() {
                replayed += 1
                running[event.object.key.name] = Int(try F.dataValue(event.object) ?? "")
                maximum = max(maximum, running.values.reduce(0, +))
            }
            #expect(replayed == Int(end - start))
            #expect(maximum <= total)
        }
    }
}
