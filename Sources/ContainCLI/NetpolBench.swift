import ArgumentParser
import ContainModel
import ContainNetwork
import Foundation

/// `contain bench netpol`: the full pod × pod reachability matrix of a generated cluster.
struct NetpolBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netpol",
        abstract: "Compute the full pod x pod reachability matrix of a generated cluster; print seconds and pairs/s.")

    @Option(help: "Pods in the generated cluster.")
    var pods = 2_000

    @Option(help: "Namespaces the pods are spread over.")
    var namespaces = 200

    @Option(help: "NetworkPolicies, spread over the namespaces.")
    var policies = 1_000

    @Option(help: "PORT[/PROTOCOL] of the matrix.")
    var port = "8080/TCP"

    @Option(help: "Timed runs after one warm-up run; the median is reported.")
    var iterations = 5

    func run() throws {
        let query: PortQuery
        do { query = try PortQuery(parsing: port) } catch { throw ValidationError(error.description) }
        var generator = SyntheticNetwork(seed: 42)
        let model = generator.model(namespaces: namespaces, pods: pods, policies: policies)
        var allowed = 0
        let warmUp = try ReachabilityEngine(model: model)
        allowed = warmUp.matrix(port: query.port, protocol: query.protocol).allowedPairCount
        var compile: [Double] = [], matrix: [Double] = [], total: [Double] = []
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            let engine = try ReachabilityEngine(model: model)
            let compiled = ContinuousClock.now
            let result = engine.matrix(port: query.port, protocol: query.protocol)
            let end = ContinuousClock.now
            guard result.allowedPairCount == allowed else { throw ValidationError("runs disagree on the allowed pair count") }
            compile.append(Self.seconds(compiled - start))
            matrix.append(Self.seconds(end - compiled))
            total.append(Self.seconds(end - start))
        }
        let pairs = Double(model.pods.count * model.pods.count)
        let median = Self.median(total)
        print("netpol matrix: \(model.pods.count) pods in \(model.allNamespaces.count) namespaces, \(model.policies.count) policies, \(query), \(total.count) runs")
        print("  \(Int(pairs)) ordered pod pairs, \(allowed) allowed (combined)")
        print("  median \(Self.format(median)) s (compile \(Self.format(Self.median(compile))) s + matrix \(Self.format(Self.median(matrix))) s), best \(Self.format(total.min()!)) s, worst \(Self.format(total.max()!)) s")
        print("  \(Int(pairs / median)) pairs/s (median), \(Int(pairs / total.min()!)) pairs/s (best)")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
