import ContainModel
import Foundation
import Testing
@testable import ContainStore

/// Runs the store contract on PostgreSQL. Needs `CONTAIN_TEST_POSTGRES_URL` (start a server with
/// `scripts/postgres-test-server.sh start` and export the URL it prints); without it these tests
/// fail, unless `CONTAIN_SKIP_POSTGRES=1` says to skip them.
@Suite("PostgresObjectStore", .timeLimit(.minutes(2)))
struct PostgresObjectStoreTests {
    static var skip: Bool { ProcessInfo.processInfo.environment["CONTAIN_SKIP_POSTGRES"] == "1" }

    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["CONTAIN_TEST_POSTGRES_URL"], !url.isEmpty else {
            Issue.record("""
                CONTAIN_TEST_POSTGRES_URL is not set. Start a server with `scripts/postgres-test-server.sh start` \
                and export CONTAIN_TEST_POSTGRES_URL=$(scripts/postgres-test-server.sh url), or set \
                CONTAIN_SKIP_POSTGRES=1 to skip the PostgreSQL tests.
                """)
            throw FixtureError.unexpected
        }
        return url
    }

    /// A store in a fresh schema of its own, so tests run in parallel on one database.
    static func makeStore(bufferLimit: Int = 10_000, schema: String? = nil) async throws -> PostgresObjectStore {
        let schema = schema ?? "contain_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return try await PostgresObjectStore(
            url: try url(),
            options: .init(schema: schema, watchBufferLimit: bufferLimit, pollInterval: .milliseconds(100),
                           maximumConnections: 8))
    }

    static let factory: StoreFactory = { bufferLimit in
        let store = try await makeStore(bufferLimit: bufferLimit)
        return StoreHandle(store: store, activeWatches: { store.activeWatchCount }, close: { await store.shutdown() })
    }

    @Test("contract", .disabled(if: skip, "CONTAIN_SKIP_POSTGRES=1"), arguments: StoreContract.allCases)
    func contract(_ contract: StoreContract) async throws {
        try await contract.run(Self.factory)
    }

    @Test("another instance sharing the database sees writes through polling",
          .disabled(if: skip, "CONTAIN_SKIP_POSTGRES=1"))
    func sharedDatabase() async throws {
        let schema = "contain_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let first = try await Self.makeStore(schema: schema)
        let second = try await Self.makeStore(schema: schema)
        let start = try await second.currentRevision()
        let stream = try await second.watch(Fixtures.configMaps, namespace: nil, after: start)
        var iterator = stream.makeAsyncIterator()
        // Make sure the watch is live (replay done) before the other instance writes.
        try? await Task.sleep(for: .milliseconds(300))
        let created = try await Fixtures.create(first, "shared")
        let events = try await Fixtures.next(1, from: &iterator)
        #expect(events == [StoreEvent(kind: .added, object: created)])
        #expect(try await second.get(Fixtures.key("shared")) == created)
        await first.shutdown()
        await second.shutdown()
    }
}
