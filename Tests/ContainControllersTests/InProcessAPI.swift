import ContainServer
import ContainStore
import Foundation
import Hummingbird
import KubeClient

/// `contain serve`'s application on a free loopback port, in this process, on a fresh SQLite store.
final class InProcessAPI: Sendable {
    let store: SQLiteObjectStore
    let port: Int
    let task: Task<Void, any Error>
    let directory: String

    static func start(directory existing: String? = nil, port requested: Int = 0,
                      prepare: (SQLiteObjectStore) async throws -> Void = { _ in }) async throws -> InProcessAPI {
        let directory = existing ?? NSTemporaryDirectory() + "kubeclient-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteObjectStore(path: directory + "/contain.db")
        try await ContainAPIService.bootstrap(store)
        try await prepare(store)
        let configuration = ServerConfiguration(dataDirectory: directory, port: requested)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = ContainAPIService.application(store: store, configuration: configuration) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return InProcessAPI(store: store, port: port, task: task, directory: directory)
    }

    private init(store: SQLiteObjectStore, port: Int, task: Task<Void, any Error>, directory: String) {
        self.store = store
        self.port = port
        self.task = task
        self.directory = directory
    }

    var configuration: KubeClientConfiguration { KubeClientConfiguration(server: "http://127.0.0.1:\(port)") }

    func client() throws -> KubeClient {
        try KubeClient(configuration: configuration, maximumRetries: 3)
    }

    /// Stops serving (connections close) and waits until the listener is gone.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
