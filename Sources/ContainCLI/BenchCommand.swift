import ArgumentParser
import ContainModel
import Foundation

/// `contain bench …`: measured figures for the hot paths, printed, never asserted in tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run a benchmark and print its figures.",
        subcommands: [ValidateBench.self])
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

    func run() throws {
        let yaml = SyntheticPlatform.yaml(objects: objects)
        let source = ManifestSource(path: "synthetic.yaml", text: yaml)
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
        let parse = Self.measure { _ = try? YAMLReader.documents(yaml, file: source.path) }
        var loaded = ManifestSet()
        let load = Self.measure { loaded = check.loader.load(yaml, file: source.path) }
        let validate = Self.measure { _ = check.validator.validate(loaded.manifests) }
        let median = seconds[seconds.count / 2]
        let megabytes = Double(yaml.utf8.count) / 1_048_576
        print("decode+validate \(objects) objects (\(String(format: "%.1f", megabytes)) MiB YAML), \(seconds.count) runs")
        print("  median \(String(format: "%.3f", median)) s, best \(String(format: "%.3f", seconds[0])) s, worst \(String(format: "%.3f", seconds[seconds.count - 1])) s")
        print("  \(Int(Double(objects) / median)) objects/s (median), \(Int(Double(objects) / seconds[0])) objects/s (best)")
        print("  phases: YAML parse \(Self.format(parse)) s, parse+strict decode \(Self.format(load)) s, platform validation \(Self.format(validate)) s")
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    private static func measure(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
