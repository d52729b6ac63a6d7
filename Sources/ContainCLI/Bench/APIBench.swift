import ArgumentParser
import ContainModel
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1

/// `contain bench api`: starts `contain serve` on a fresh data directory (or uses a running
/// server), drives it with concurrent keep-alive HTTP clients, and prints creates/s with
/// latency percentiles, GETs/s, the time of a 10,000-object LIST, watch delivery latency with
/// 200 watchers under 1,000 writes/s, and the server's RSS with 100,000 stored objects.
struct APIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Load a live API server and print throughput, latency, watch delivery and memory figures.")

    @Option(help: "Concurrent keep-alive clients for creates and GETs.")
    var clients = 32

    @Option(help: "ConfigMaps created in the timed create phase (the first --list-objects of them go to the list namespace).")
    var creates = 20_000

    @Option(help: "GETs in the timed read phase.")
    var gets = 100_000

    @Option(name: .customLong("list-objects"), help: "Objects in the namespace the LIST phase reads.")
    var listObjects = 10_000

    @Option(help: "Concurrent watchers in the watch phase.")
    var watchers = 200

    @Option(name: .customLong("watch-rate"), help: "Writes per second during the watch phase.")
    var watchRate = 1_000

    @Option(name: .customLong("watch-seconds"), help: "Length of the watch phase in seconds.")
    var watchSeconds = 5

    @Option(name: .customLong("total-objects"), help: "Objects stored before the memory reading (0 skips it).")
    var totalObjects = 100_000

    @Option(help: "Store of the server the benchmark starts: sqlite or postgres.")
    var store = "sqlite"

    @Option(name: .customLong("postgres-url"), help: "PostgreSQL URL for --store postgres.")
    var postgresURL: String?

    @Option(help: "Benchmark a running server at http://HOST:PORT instead of starting one (no RSS figure).")
    var server: String?

    @Option(help: "Bearer token for --server.")
    var token: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func run() throws {
        let options = self
        Task {
            do {
                try await options.runBenchmark()
                Foundation.exit(0)
            } catch {
                FileHandle.standardError.write(Data("contain bench api: \(error)\n".utf8))
                Foundation.exit(1)
            }
        }
        dispatchMain()
    }

    func runBenchmark() async throws {
        let served: ServedServer?
        let endpoint: BenchConnection.Endpoint
        if let server {
            guard let url = URL(string: server), let host = url.host, let port = url.port, url.scheme == "http" else {
                throw ValidationError("--server must look like http://127.0.0.1:6443")
            }
            served = nil
            endpoint = .init(host: host, port: port, token: token)
        } else {
            var arguments = ["--store", store]
            if let postgresURL {
                arguments += ["--postgres-url", postgresURL, "--postgres-schema", "contain_bench_\(UInt32.random(in: 0...UInt32.max))"]
            }
            let started = try await ServedServer.start(extraArguments: arguments)
            served = started
            endpoint = started.endpoint
        }
        defer { served?.stop() }
        var figures = APIBenchFigures()
        let load = APILoad(endpoint: endpoint)
        for namespace in ["list", "bench", "watch", "fill"] { try await load.createNamespace(namespace) }
        log("warming up")
        _ = try await load.createConfigMaps(count: 1_000, clients: clients) { _ in "bench" }

        log("creates: \(creates) ConfigMaps with generateName, \(clients) clients")
        let listObjects = self.listObjects
        let created = try await load.createConfigMaps(count: creates, clients: clients) { $0 < listObjects ? "list" : "bench" }
        figures.createsPerSecond = created.perSecond
        figures.createP50 = created.latencies.percentile(50)
        figures.createP99 = created.latencies.percentile(99)

        log("gets: \(gets) GETs of created objects, \(clients) clients")
        let read = try await load.getConfigMaps(created.names, count: gets, clients: clients)
        figures.getsPerSecond = read.perSecond
        figures.getP99 = read.latencies.percentile(99)

        log("list: \(min(listObjects, creates)) objects, 5 runs")
        let lists = try await load.listTimes(namespace: "list", runs: 5)
        figures.listObjects = lists.objects
        figures.listMedian = lists.seconds.percentile(50)
        figures.listBest = lists.seconds.min() ?? 0

        log("watch: \(watchers) watchers, \(watchRate) writes/s for \(watchSeconds) s")
        let watch = try await load.watchDelivery(watchers: watchers, rate: watchRate, seconds: watchSeconds)
        figures.watchDeliveries = watch.deliveries
        figures.watchExpected = watch.expected
        figures.watchP50 = watch.latencies.percentile(50)
        figures.watchP99 = watch.latencies.percentile(99)
        figures.watchMax = watch.latencies.max() ?? 0

        if let served, totalObjects > 0 {
            let stored = 1_000 + creates + watch.writes
            let remaining = max(0, totalObjects - stored)
            log("memory: filling to \(totalObjects) objects (\(remaining) more)")
            _ = try await load.createConfigMaps(count: remaining, clients: clients) { _ in "fill" }
            figures.storedObjects = stored + remaining
            figures.rssBytes = served.residentBytes()
            _ = try await load.listTimes(namespace: "fill", runs: 1)
            figures.rssAfterListBytes = served.residentBytes()
        }
        print(json ? figures.json : figures.text)
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("bench api: \(message)\n".utf8))
    }
}

/// The figures one run of `contain bench api` measured.
struct APIBenchFigures {
    var createsPerSecond = 0.0, createP50 = 0.0, createP99 = 0.0
    var getsPerSecond = 0.0, getP99 = 0.0
    var listObjects = 0, listMedian = 0.0, listBest = 0.0
    var watchDeliveries = 0, watchExpected = 0, watchP50 = 0.0, watchP99 = 0.0, watchMax = 0.0
    var storedObjects = 0
    var rssBytes: Int?, rssAfterListBytes: Int?

    func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1_000) }
    func mb(_ bytes: Int?) -> String { bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "n/a" }
    func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }

    var text: String {
        var lines = [
            String(format: "creates:  %8.0f /s   p50 %@  p99 %@   (target ≥ 3000/s, p99 < 20 ms: %@)",
                   createsPerSecond, ms(createP50), ms(createP99), verdict(createsPerSecond >= 3_000 && createP99 < 0.020)),
            String(format: "gets:     %8.0f /s   p99 %@   (target ≥ 15000/s: %@)", getsPerSecond, ms(getP99), verdict(getsPerSecond >= 15_000)),
            "list:     \(listObjects) objects in \(ms(listMedian)) (median of 5; best \(ms(listBest)))   (target < 150 ms: \(verdict(listMedian < 0.150)))",
            "watch:    \(watchDeliveries)/\(watchExpected) events delivered; p50 \(ms(watchP50)), p99 \(ms(watchP99)), max \(ms(watchMax))   (target p99 < 50 ms: \(verdict(watchP99 < 0.050 && watchDeliveries == watchExpected)))",
        ]
        if let rssBytes {
            lines.append("memory:   \(mb(rssBytes)) RSS with \(storedObjects) objects stored; \(mb(rssAfterListBytes)) after listing 1 namespace   (target < 300 MB: \(verdict(rssBytes < 300 * 1_048_576)))")
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        var object: JSONObject = [
            "createsPerSecond": .double(createsPerSecond), "createP50Seconds": .double(createP50), "createP99Seconds": .double(createP99),
            "getsPerSecond": .double(getsPerSecond), "getP99Seconds": .double(getP99),
            "listObjects": .integer(Int64(listObjects)), "listMedianSeconds": .double(listMedian), "listBestSeconds": .double(listBest),
            "watchDeliveries": .integer(Int64(watchDeliveries)), "watchExpected": .integer(Int64(watchExpected)),
            "watchP50Seconds": .double(watchP50), "watchP99Seconds": .double(watchP99), "watchMaxSeconds": .double(watchMax),
        ]
        if let rssBytes {
            object["storedObjects"] = .integer(Int64(storedObjects))
            object["rssBytes"] = .integer(Int64(rssBytes))
            if let rssAfterListBytes { object["rssAfterListBytes"] = .integer(Int64(rssAfterListBytes)) }
        }
        return JSONWriter.pretty(.object(object), indent: 2)
    }
}

extension Array where Element == Double {
    /// The `p`th percentile (nearest rank); 0 for an empty array.
    func percentile(_ p: Double) -> Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }
}
