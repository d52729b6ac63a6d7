import ContainStore

/// Request counts and latency histograms of the API, by verb, API group, resource and code,
/// rendered in the Prometheus text format with kube-apiserver's metric names so existing
/// dashboards read them.
public actor APIMetrics {
    /// What a request is counted under.
    struct Labels: Hashable, Comparable {
        var verb: String
        var group: String
        var resource: String
        var subresource: String

        static func < (lhs: Labels, rhs: Labels) -> Bool {
            (lhs.verb, lhs.group, lhs.resource, lhs.subresource) < (rhs.verb, rhs.group, rhs.resource, rhs.subresource)
        }
    }

    /// Upper bounds of the latency buckets, in seconds.
    static let bucketBounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Histogram {
        var buckets = [Int](repeating: 0, count: APIMetrics.bucketBounds.count)
        var count = 0
        var sum = 0.0
    }

    private var requests: [Labels: [Int: Int]] = [:]  // labels → code → count
    private var latencies: [Labels: Histogram] = [:]

    public init() {}

    /// Counts one request and its time to first response byte.
    func record(_ labels: Labels, code: Int, seconds: Double) {
        requests[labels, default: [:]][code, default: 0] += 1
        var histogram = latencies[labels] ?? Histogram()
        histogram.count += 1
        histogram.sum += seconds
        for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
            histogram.buckets[index] += 1
        }
        latencies[labels] = histogram
    }

    /// The metrics as Prometheus text, with the store's revision and the open watches.
    func render(storeRevision: Int64?, openWatches: Int?) -> String {
        var text = "# HELP apiserver_request_total Requests by verb, API group, resource, subresource and HTTP code.\n"
        text += "# TYPE apiserver_request_total counter\n"
        for labels in requests.keys.sorted() {
            for (code, count) in (requests[labels] ?? [:]).sorted(by: { $0.key < $1.key }) {
                text += "apiserver_request_total{\(Self.format(labels)),code=\"\(code)\"} \(count)\n"
            }
        }
        text += "# HELP apiserver_request_duration_seconds Time to the first byte of the response, by verb, API group, resource and subresource.\n"
        text += "# TYPE apiserver_request_duration_seconds histogram\n"
        for labels in latencies.keys.sorted() {
            guard let histogram = latencies[labels] else { continue }
            let base = Self.format(labels)
            for (index, bound) in Self.bucketBounds.enumerated() {
                text += "apiserver_request_duration_seconds_bucket{\(base),le=\"\(bound)\"} \(histogram.buckets[index])\n"
            }
            text += "apiserver_request_duration_seconds_bucket{\(base),le=\"+Inf\"} \(histogram.count)\n"
            text += "apiserver_request_duration_seconds_sum{\(base)} \(histogram.sum)\n"
            text += "apiserver_request_duration_seconds_count{\(base)} \(histogram.count)\n"
        }
        if let storeRevision {
            text += "# HELP contain_store_revision The store's latest revision (resourceVersion).\n"
            text += "# TYPE contain_store_revision gauge\ncontain_store_revision \(storeRevision)\n"
        }
        if let openWatches {
            text += "# HELP contain_watches Open watch streams.\n"
            text += "# TYPE contain_watches gauge\ncontain_watches \(openWatches)\n"
        }
        return text
    }

    private static func format(_ labels: Labels) -> String {
        "verb=\"\(labels.verb)\",group=\"\(escape(labels.group))\",resource=\"\(escape(labels.resource))\",subresource=\"\(escape(labels.subresource))\""
    }

    private static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Stores that can say how many watch streams are open.
protocol WatchCounting {
    var activeWatchCount: Int { get }
}

extension SQLiteObjectStore: WatchCounting {}
extension PostgresObjectStore: WatchCounting {}
