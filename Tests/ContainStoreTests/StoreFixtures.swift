import ContainModel
import Foundation
import Testing
@testable import ContainStore

/// A store under test, with the hooks the contract needs beyond `ObjectStore`.
struct StoreHandle: Sendable {
    var store: any ObjectStore
    /// Watch streams not yet released.
    var activeWatches: @Sendable () -> Int
    var close: @Sendable () async -> Void
}

/// Makes a fresh, empty store whose watchers may fall `watchBufferLimit` events behind.
typealias StoreFactory = @Sendable (_ watchBufferLimit: Int) async throws -> StoreHandle

enum Fixtures {
    static let configMaps = ResourceKey(group: "", resource: "configmaps")
    static let widgets = ResourceKey(group: "example.contain.dev", resource: "widgets")

    static func key(_ name: String, namespace: String = "default", resource: ResourceKey = configMaps) -> ObjectKey {
        ObjectKey(resource: resource, namespace: namespace, name: name)
    }

    static func object(_ name: String, namespace: String = "default", value: String = "v",
                       labels: [String: String] = [:]) -> JSONObject {
        var metadata: JSONObject = ["name": .string(name)]
        if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
        if !labels.isEmpty {
            metadata["labels"] = .object(JSONObject(labels.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        }
        return ["apiVersion": .string("v1"), "kind": .string("ConfigMap"), "metadata": .object(metadata),
                "data": .object(["value": .string(value)])]
    }

    /// The stored JSON, parsed.
    static func json(_ stored: StoredObject) throws -> JSONObject {
        let value = try JSONReader.value(String(decoding: stored.data, as: UTF8.self))
        return try #require(value.objectValue)
    }

    static func resourceVersion(_ stored: StoredObject) throws -> String? {
        try json(stored)["metadata"]?.objectValue?["resourceVersion"]?.stringValue
    }

    static func dataValue(_ stored: StoredObject) throws -> String? {
        try json(stored)["data"]?.objectValue?["value"]?.stringValue
    }

    static func label(_ stored: StoredObject, _ name: String) -> String? {
        guard let value = try? JSONReader.value(String(decoding: stored.data, as: UTF8.self)) else { return nil }
        return value.objectValue?["metadata"]?.objectValue?["labels"]?.objectValue?[name]?.stringValue
    }

    @discardableResult
    static func create(_ store: any ObjectStore, _ name: String, namespace: String = "default", value: String = "v",
                       resource: ResourceKey = configMaps, labels: [String: String] = [:]) async throws -> StoredObject {
        let result = try await store.create(key(name, namespace: namespace, resource: resource),
                                            object: object(name, namespace: namespace, value: value, labels: labels))
        guard case .created(let stored) = result else {
            Issue.record("expected .created for \(name), got \(result)")
            throw FixtureError.unexpected
        }
        return stored
    }

    @discardableResult
    static func update(_ store: any ObjectStore, _ name: String, namespace: String = "default", value: String,
                       expected: Int64? = nil) async throws -> StoredObject {
        let result = try await store.update(key(name, namespace: namespace), object: object(name, namespace: namespace, value: value),
                                            expectedRevision: expected)
        guard case .updated(let stored) = result else {
            Issue.record("expected .updated for \(name), got \(result)")
            throw FixtureError.unexpected
        }
        return stored
    }

    /// The next `count` events, failing after `timeout`.
    static func next(_ count: Int, from iterator: inout AsyncThrowingStream<StoreEvent, any Error>.AsyncIterator,
                     timeout: Duration = .seconds(60)) async throws -> [StoreEvent] {
        var events: [StoreEvent] = []
        let deadline = ContinuousClock.now + timeout
        while events.count < count {
            guard ContinuousClock.now < deadline else { break }
            guard let event = try await iterator.next() else { break }
            events.append(event)
        }
        return events
    }

    /// Waits until `condition` holds or `timeout` passes; returns whether it held.
    static func eventually(timeout: Duration = .seconds(5), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("contain-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum FixtureError: Error { case unexpected }
