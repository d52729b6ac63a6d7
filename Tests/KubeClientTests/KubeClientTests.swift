import ContainModel
import ContainStore
import Foundation
import KubeClient
import Testing

@Suite("KubeClient against the contain API", .serialized)
struct KubeClientTests {
    static func namespace(_ name: String) -> JSONObject {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
    }

    static func configMap(_ name: String, _ value: String, namespace: String = "default") -> JSONObject {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "namespace": .string(namespace)],
         "data": ["value": .string(value)]]
    }

    static let configMaps = KubeResource(group: "", version: "v1", plural: "configmaps", kind: "ConfigMap", namespaced: true)

    @Test func verbsRoundTrip() async throws {
        let api = try await InProcessAPI.start()
        let client = try api.client()
        let created = try await client.create(Self.configMaps, Self.configMap("a", "1"))
        #expect(created["metadata"]?["uid"]?.stringValue?.isEmpty == false)
        await #expect(throws: KubeAPIError.self) { try await client.create(Self.configMaps, Self.configMap("a", "1")) }
        do { try await client.create(Self.configMaps, Self.configMap("a", "1")) } catch let error as KubeAPIError {
            #expect(error.isAlreadyExists)
        }
        var object = try await client.get(Self.configMaps, namespace: "default", name: "a")
        object["data"] = ["value": "2"]
        let updated = try await client.update(Self.configMaps, object)
        #expect(updated["data"]?["value"]?.stringValue == "2")
        // A stale resourceVersion is a conflict.
        do { try await client.update(Self.configMaps, object); Issue.record("stale update accepted") } catch let error as KubeAPIError {
            #expect(error.isConflict)
        }
        let applied = try await client.apply(Self.configMaps, Self.configMap("b", "applied"), fieldManager: "test")
        #expect(applied["data"]?["value"]?.stringValue == "applied")
        let reapplied = try await client.apply(Self.configMaps, Self.configMap("b", "again"), fieldManager: "test")
        #expect(reapplied["data"]?["value"]?.stringValue == "again")
        let patched = try await client.patch(Self.configMaps, namespace: "default", name: "b",
                                             patch: ["data": ["extra": "x"]], type: .merge)
        #expect(patched["data"]?["extra"]?.stringValue == "x")
        let list = try await client.list(Self.configMaps, namespace: "default", pageSize: 1)  // two pages
        #expect(Set(list.items.compactMap { $0["metadata"]?["name"]?.stringValue }) == ["a", "b"])
        #expect(!list.resourceVersion.isEmpty)
        #expect(try await client.delete(Self.configMaps, namespace: "default", name: "a"))
        #expect(try await client.delete(Self.configMaps, namespace: "default", name: "a") == false)
        #expect(try await client.getIfPresent(Self.configMaps, namespace: "default", name: "a") == nil)
        let typed = try await client.get(Namespace.self, name: "default")
        #expect(typed.name == "default")
        try await client.shutdown()
        await api.stop()
    }

    @Test func listWatchResumesAfterServerRestartAndRelistsOn410() async throws {
        let api = try await InProcessAPI.start()
        let client = try api.client()
        try await client.create(Self.configMaps, Self.configMap("before", "1"))
        let events = client.listWatch(Self.configMaps, namespace: "default", maximumBackoff: .milliseconds(200))
        var iterator = events.makeAsyncIterator()
        guard case .synced(let items, _)? = await iterator.next() else { Issue.record("no initial list"); return }
        #expect(items.map { $0["metadata"]?["name"]?.stringValue } == ["before"])
        try await client.create(Self.configMaps, Self.configMap("live", "1"))
        guard case .added(let live)? = await iterator.next() else { Issue.record("no ADDED"); return }
        #expect(live["metadata"]?["name"]?.stringValue == "live")

        // Restart the server on the same port; the watch reconnects and resumes where it was.
        let port = api.port, directory = api.directory
        await api.stop()
        let restarted = try await InProcessAPI.start(directory: directory, port: port)
        let writer = try restarted.client()
        try await writer.create(Self.configMaps, Self.configMap("after-restart", "1"))
        var sawAfterRestart = false
        while let event = await iterator.next() {
            if case .added(let object) = event, object["metadata"]?["name"]?.stringValue == "after-restart" { sawAfterRestart = true; break }
            if case .synced(let objects, _) = event,
               objects.contains(where: { $0["metadata"]?["name"]?.stringValue == "after-restart" }) { sawAfterRestart = true; break }
        }
        #expect(sawAfterRestart)

        // History compacted away under a stopped watch: the server answers 410, the client re-lists.
        let port2 = restarted.port
        await restarted.stop()
        let third = try await InProcessAPI.start(directory: directory, port: port2) { store in
            for index in 0..<5 {
                let key = ObjectKey(resource: ResourceKey(group: "", resource: "configmaps"), namespace: "default", name: "burst-\(index)")
                _ = try await store.create(key, object: Self.configMap("burst-\(index)", "1"))
            }
            try await store.compact(keepRevisions: 0)
        }
        let writer2 = try third.client()
        var relisted = false
        while let event = await iterator.next() {
            if case .synced(let objects, _) = event {
                relisted = objects.count == 8  // before, live, after-restart, burst-0…4
                break
            }
        }
        #expect(relisted)
        try await client.shutdown()
        try await writer.shutdown()
        try await writer2.shutdown()
        await third.stop()
    }
}
