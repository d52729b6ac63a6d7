import ArgumentParser
import ContainGitOps
import ContainModel
import Foundation

/// `contain bench render`: renders a generated platform of many clusters and tenants and
/// prints seconds and files per second.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a generated platform (clusters × tenants) as a Flux repository; print files per second.")

    @Option(help: "Clusters in the generated platform.")
    var clusters = 50

    @Option(help: "Tenants on each cluster.")
    var tenants = 200

    @Option(help: "Timed runs after one warm-up run; the median is reported.")
    var iterations = 3

    func run() throws {
        let input = SyntheticGitOpsPlatform.make(clusters: clusters, tenantsPerCluster: tenants)
        let warmUp = try GitOpsRenderer.render(input)
        var seconds: [Double] = []
        var cpuSeconds: [Double] = []
        var bytes = 0
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            let cpuStart = clock()
            let result = try GitOpsRenderer.render(input)
            let elapsed = ContinuousClock.now - start
            // Process CPU time: on a shared machine the wall time includes waiting for a core.
            cpuSeconds.append(Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC))
            guard result.tree.files.count == warmUp.tree.files.count else { throw ValidationError("renders differ in size") }
            bytes = result.tree.files.values.reduce(0) { $0 + $1.count }
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        cpuSeconds.sort()
        let median = seconds[seconds.count / 2]
        let cpuMedian = cpuSeconds[cpuSeconds.count / 2]
        let files = warmUp.tree.files.count
        print("render \(clusters) clusters × \(tenants) tenants: \(files) files, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB, \(seconds.count) runs")
        print("  median \(String(format: "%.3f", median)) s, best \(String(format: "%.3f", seconds[0])) s, worst \(String(format: "%.3f", seconds[seconds.count - 1])) s")
        print("  \(Int(Double(files) / median)) files/s (median), \(Int(Double(files) / seconds[0])) files/s (best)")
        print("  CPU time median \(String(format: "%.3f", cpuMedian)) s (\(Int(Double(files) / max(cpuMedian, 1e-9))) files per CPU second)")
    }
}
