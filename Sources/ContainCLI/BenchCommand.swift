import ArgumentParser
import ContainModel
import Foundation

/// `contain bench …`: measured figures for the hot paths, printed, never asserted in tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run a benchmark and print its figures.",
        subcommands: [ValidateBench.self, APIBench.self, UpBench.self])
}

/// Decodes and validates a generated multi-document platform file and prints objects per second.
struct ValidateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Decode and validate a generated multi-document platform file; print objects per second.")

    @Option(help: "Objects in the generated file.")
    var objects = 10_000

    @Option(help: "Timed runs after one warm-up run; the median is reported.")
    var iterations = 5

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml
        case json
    }

    @Option(help: "Format of the generated file: yaml (a multi-document stream) or json (one object per line).")
    var format: InputFormat = .yaml

    func run() throws {
        var yaml = SyntheticPlatform.yaml(objects: objects)
        var path = "synthetic.yaml"
        if format == .json {
            yaml = try YAMLReader.documents(yaml).map { JSONWriter.compact($0.value) }.joined(separator: "\n")
            path = "synthetic.json"
        }
        let source = ManifestSource(path: path, text: yaml)
        let check = PlatformCheck()
        let warmUp = check.run([source])
        guard warmUp.objects == objects, warmUp.isValid else {
            print(warmUp.text)
            throw ValidationError("the generated platform did not validate cleanly (\(warmUp.objects) objects read)")
        }
        var seconds: [Double] = []
        for _ in 0..<max(1, iterations) {
            let start = ContinuousClock.now
            let report = check.run([source])
            let elapsed = ContinuousClock.now - start
            guard report.objects == objects else { throw ValidationError("run read \(report.objects) objects") }
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        let medianSeconds = seconds[seconds.count / 2]
        var loaded = ManifestSet()
        let parse = Self.median(iterations) {
            _ = try? (format == .json ? JSONReader.documents(yaml, file: path) : YAMLReader.documents(yaml, file: path))
        }
        let load = Self.median(iterations) { loaded = check.loader.load(yaml, file: source.path) }
        let validate = Self.median(iterations) { _ = check.validator.validate(loaded.manifests) }
        let megabytes = Double(yaml.utf8.count) / 1_048_576
        print("decode+validate \(objects) objects (\(String(format: "%.1f", megabytes)) MiB \(format.rawValue.uppercased())), \(seconds.count) runs")
        print("  median \(String(format: "%.3f", medianSeconds)) s, best \(String(format: "%.3f", seconds[0])) s, worst \(String(format: "%.3f", seconds[seconds.count - 1])) s")
        print("  \(Int(Double(objects) / medianSeconds)) objects/s (median), \(Int(Double(objects) / seconds[0])) objects/s (best)")
        print("  phases (median): \(format.rawValue.uppercased()) parse \(Self.format(parse)) s, parse+strict decode \(Self.format(load)) s, platform validation \(Self.format(validate)) s")
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// The median wall time of `runs` runs of `body`, in seconds.
    private static func median(_ runs: Int, _ body: () -> Void) -> Double {
        let times = (0..<max(1, runs)).map { _ in measure(body) }.sorted()
        return times[times.count / 2]
    }

    private static func measure(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
