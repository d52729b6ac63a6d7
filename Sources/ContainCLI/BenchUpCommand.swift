import ArgumentParser
import ContainEmbedded
import Foundation

/// `contain bench up`: tenants applied to the embedded API until all are Ready, then a restarted
/// operator's convergence time.
struct UpBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Apply N tenants × M namespaces to the embedded API (SQLite) and time them to Ready; then time a restarted operator.")

    @Option(help: "Tenants to apply.")
    var tenants = 1000

    @Option(help: "Namespaces per tenant.")
    var namespaces = 3

    @Option(help: "Concurrent reconciles.")
    var workers = 8

    @Option(name: .customLong("data-dir"), help: "Where to put the benchmark's store (a fresh directory is made inside).")
    var dataDirectory: String = NSTemporaryDirectory()

    func run() throws {
        let command = self
        Task {
            do {
                try await command.measure()
                Foundation.exit(0)
            } catch {
                FileHandle.standardError.write(Data("contain bench up: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }

    func measure() async throws {
        let directory = (dataDirectory as NSString).appendingPathComponent("contain-bench-up-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let benchmark = UpBenchmark(tenants: tenants, namespacesPerTenant: namespaces, workers: workers)
        let report = try await benchmark.run(directory: directory) { note in print("… \(note)") }
        func s(_ duration: Duration) -> String { String(format: "%.3f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) }
        print("""
            tenants:                  \(report.tenants) (\(report.namespaces) namespaces)
            objects written:          \(report.objectsWritten)
            apply (all creates sent): \(s(report.applyDuration))
            apply → all Ready:        \(s(report.applyToAllReady))
            objects/s:                \(String(format: "%.0f", report.objectsPerSecond))
            tenant ready p50:         \(s(report.p50TenantReady))
            tenant ready p99:         \(s(report.p99TenantReady))
            tenant ready max:         \(s(report.maxTenantReady))
            restarted operator converged: \(s(report.restartConvergence)) (\(report.restartWrites) writes)
            """)
    }
}
