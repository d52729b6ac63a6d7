import ContainModel
import Foundation

/// A `contain serve` child process on a fresh data directory and a free loopback port, for
/// benchmarks: started from this same executable, read through its kubeconfig, measured
/// through `/proc`.
final class ServedServer: Sendable {
    let process: Process
    let directory: URL
    let endpoint: BenchConnection.Endpoint

    private init(process: Process, directory: URL, endpoint: BenchConnection.Endpoint) {
        self.process = process
        self.directory = directory
        self.endpoint = endpoint
    }

    /// Starts the server and waits until its kubeconfig names where it listens and it answers.
    static func start(extraArguments: [String]) async throws -> ServedServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["serve", "--data-dir", directory.path, "--listen", "127.0.0.1:0"] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let kubeconfig = directory.appendingPathComponent("kubeconfig")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: kubeconfig, encoding: .utf8), let endpoint = Self.endpoint(kubeconfig: text) {
                let server = ServedServer(process: process, directory: directory, endpoint: endpoint)
                if (try? await BenchConnection.with(endpoint) { try await $0.request(.GET, "/readyz") })?.status == 200 {
                    return server
                }
            }
            if !process.isRunning { throw BenchError("contain serve exited with status \(process.terminationStatus)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw BenchError("contain serve did not become ready within 60 s")
    }

    /// The server address and token of the first cluster and user of a kubeconfig.
    static func endpoint(kubeconfig text: String) -> BenchConnection.Endpoint? {
        guard let config = try? YAMLReader.value(text),
              let server = config["clusters"]?.arrayValue?.first?["cluster"]?["server"]?.stringValue,
              let url = URL(string: server), let host = url.host, let port = url.port else { return nil }
        let token = config["users"]?.arrayValue?.first?["user"]?["token"]?.stringValue
        return BenchConnection.Endpoint(host: host, port: port, token: token)
    }

    /// The server's resident set size in bytes, from `/proc/PID/status`.
    func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1_024 }
        }
        return nil
    }

    /// Stops the server and removes its data directory.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
