import ContainModel
import Foundation
import GRDB
import Testing
@testable import ContainStore

@Suite("SQLiteObjectStore", .timeLimit(.minutes(2)))
struct SQLiteObjectStoreTests {
    static let factory: StoreFactory = { bufferLimit in
        let directory = try Fixtures.temporaryDirectory()
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("contain.db").path,
                                          options: .init(watchBufferLimit: bufferLimit))
        return StoreHandle(store: store, activeWatches: { store.activeWatchCount }, close: {
            try? FileManager.default.removeItem(at: directory)
        })
    }

    @Test("contract", arguments: StoreContract.allCases)
    func contract(_ contract: StoreContract) async throws {
        try await contract.run(Self.factory)
    }

    @Test("data and schema survive reopening")
    func reopen() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("contain.db").path
        let created: StoredObject
        do {
            let store = try SQLiteObjectStore(path: path)
            created = try await Fixtures.create(store, "kept")
            try await store.compact(keepRevisions: 0)
        }
        let reopened = try SQLiteObjectStore(path: path)
        #expect(try await reopened.get(Fixtures.key("kept")) == created)
        #expect(try await reopened.currentRevision() == created.revision)
        #expect(try await reopened.compactedRevision() == created.revision)
        let next = try await Fixtures.create(reopened, "next")
        #expect(next.revision == created.revision + 1)
    }

    @Test("connections use WAL and synchronous = FULL")
    func durabilitySettings() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("contain.db").path)
        let (journal, synchronous) = try await store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2) // FULL
        let writerSynchronous = try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
    }

    @Test("revisions are never reused after the newest row is compacted away")
    func revisionsNotReused() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("contain.db").path)
        try await Fixtures.create(store, "a")
        let deletion = try await store.delete(Fixtures.key("a"), expectedRevision: nil)
        guard case .deleted(let marker) = deletion else {
            Issue.record("expected .deleted, got \(deletion)")
            return
        }
        try await store.compact(keepRevisions: 0)
        #expect(try await store.currentRevision() == marker.revision)
        let again = try await Fixtures.create(store, "a")
        #expect(again.revision == marker.revision + 1)
    }

    @Test("acknowledged writes survive SIGKILL")
    func durability() async throws {
        let writer = try Self.writerExecutable()
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("contain.db").path
        let ackPath = directory.appendingPathComponent("acks.txt").path
        #expect(FileManager.default.createFile(atPath: ackPath, contents: nil))

        let process = Process()
        process.executableURL = writer
        process.arguments = [databasePath, ackPath, "1000000"]
        try process.run()
        // Kill it mid-stream once it has acknowledged a good number of writes.
        let started = await Fixtures.eventually(timeout: .seconds(60)) {
            ((try? String(contentsOfFile: ackPath, encoding: .utf8))?.count ?? 0) > 20000
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(started, "the writer acknowledged too few writes before the deadline")
        #expect(process.terminationReason == .uncaughtSignal)

        let lines = try String(contentsOfFile: ackPath, encoding: .utf8).split(separator: "\n")
        var acknowledged: [(Int64, String)] = []
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let revision = Int64(parts[0]) else { continue }
            acknowledged.append((revision, String(parts[1])))
        }
        #expect(acknowledged.count > 100)
        let store = try SQLiteObjectStore(path: databasePath)
        var missing = 0
        for (revision, name) in acknowledged {
            let stored = try await store.get(ObjectKey(resource: Fixtures.configMaps, namespace: "default", name: name))
            if stored?.revision != revision { missing += 1 }
        }
        #expect(missing == 0, "\(missing) of \(acknowledged.count) acknowledged writes were lost")
        #expect(try await store.currentRevision() >= acknowledged.map(\.0).max() ?? 0)
    }

    /// `contain-store-writer`, built next to the test bundle.
    static func writerExecutable() throws -> URL {
        var candidates: [URL] = []
        let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var directory = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("contain-store-writer"))
            directory = directory.deletingLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        Issue.record("contain-store-writer not found near \(bundle.path); build it with `swift build`")
        throw FixtureError.unexpected
    }
}
