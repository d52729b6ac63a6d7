import Synchronization

/// Decision counts and a latency histogram, in Prometheus' text format. Shared by every
/// connection; a `Mutex` keeps the few integer updates per review cheap.
public final class AdmissionMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (50 µs … 1 s).
    public static let buckets: [Double] = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1]

    struct Key: Hashable {
        var endpoint: String
        var decision: String
        var dryRun: Bool
    }

    struct State {
        var decisions: [Key: Int] = [:]
        var bucketCounts: [String: [Int]] = [:]
        var latencySum: [String: Double] = [:]
        var latencyCount: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Records one answered review: `decision` is `allowed`, `denied` or `error`.
    public func record(endpoint: String, decision: String, dryRun: Bool, seconds: Double) {
        state.withLock { state in
            state.decisions[Key(endpoint: endpoint, decision: decision, dryRun: dryRun), default: 0] += 1
            var counts = state.bucketCounts[endpoint] ?? Array(repeating: 0, count: Self.buckets.count)
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            state.bucketCounts[endpoint] = counts
            state.latencySum[endpoint, default: 0] += seconds
            state.latencyCount[endpoint, default: 0] += 1
        }
    }

    /// How many reviews of `endpoint` ended in `decision`.
    public func count(endpoint: String, decision: String) -> Int {
        state.withLock { state in
            state.decisions.filter { $0.key.endpoint == endpoint && $0.key.decision == decision }.values.reduce(0, +)
        }
    }

    /// The Prometheus exposition text.
    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP contain_admission_decisions_total Admission reviews answered, by endpoint and decision.\n"
        out += "# TYPE contain_admission_decisions_total counter\n"
        for (key, count) in snapshot.decisions.sorted(by: { ($0.key.endpoint, $0.key.decision, $0.key.dryRun ? 1 : 0) < ($1.key.endpoint, $1.key.decision, $1.key.dryRun ? 1 : 0) }) {
            out += "contain_admission_decisions_total{endpoint=\"\(key.endpoint)\",decision=\"\(key.decision)\",dry_run=\"\(key.dryRun)\"} \(count)\n"
        }
        out += "# HELP contain_admission_duration_seconds Time from a full request body to the encoded response.\n"
        out += "# TYPE contain_admission_duration_seconds histogram\n"
        for endpoint in snapshot.bucketCounts.keys.sorted() {
            let counts = snapshot.bucketCounts[endpoint] ?? []
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += counts[index]
                out += "contain_admission_duration_seconds_bucket{endpoint=\"\(endpoint)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            let total = snapshot.latencyCount[endpoint] ?? 0
            out += "contain_admission_duration_seconds_bucket{endpoint=\"\(endpoint)\",le=\"+Inf\"} \(total)\n"
            out += "contain_admission_duration_seconds_sum{endpoint=\"\(endpoint)\"} \(snapshot.latencySum[endpoint] ?? 0)\n"
            out += "contain_admission_duration_seconds_count{endpoint=\"\(endpoint)\"} \(total)\n"
        }
        return out
    }
}
