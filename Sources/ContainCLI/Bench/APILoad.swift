import Dispatch
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The load phases of `contain bench api`, each over its own keep-alive connections.
struct APILoad: Sendable {
    let endpoint: BenchConnection.Endpoint

    /// A timed phase: requests per second, each request's latency, and what it created.
    struct Phase: Sendable {
        var perSecond: Double
        var latencies: [Double]
        var names: [ObjectName] = []
    }

    /// Namespace and name of an object the benchmark created.
    struct ObjectName: Sendable {
        var namespace: String
        var name: String
    }

    /// A counter the clients of one phase draw request numbers from.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
    }

    static let payload = String(repeating: "x", count: 200)

    func createNamespace(_ name: String) async throws {
        let body = ByteBuffer(string: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(name)"}}"#)
        let response = try await BenchConnection.with(endpoint) { try await $0.request(.POST, "/api/v1/namespaces", body: body) }
        guard response.status == 201 || response.status == 409 else {
            throw BenchError("creating namespace \(name) answered \(response.status): \(String(buffer: response.body))")
        }
    }

    /// Creates `count` ConfigMaps with `generateName` from `clients` connections.
    func createConfigMaps(count: Int, clients: Int, namespace: @escaping @Sendable (Int) -> String) async throws -> Phase {
        let counter = Counter()
        let start = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: ([Double], [ObjectName]).self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await BenchConnection.with(endpoint) { connection in
                        var latencies: [Double] = [], names: [ObjectName] = []
                        while true {
                            let index = counter.next()
                            if index >= count { break }
                            let ns = namespace(index)
                            let body = ByteBuffer(string: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"bench-","labels":{"app":"bench"}},"data":{"index":"\#(index)","payload":"\#(Self.payload)"}}"#)
                            let sent = ContinuousClock.now
                            let response = try await connection.request(.POST, "/api/v1/namespaces/\(ns)/configmaps", body: body)
                            latencies.append(Self.seconds(ContinuousClock.now - sent))
                            guard response.status == 201 else {
                                throw BenchError("create answered \(response.status): \(String(buffer: response.body))")
                            }
                            if let name = Self.firstName(in: response.body) { names.append(ObjectName(namespace: ns, name: name)) }
                        }
                        return (latencies, names)
                    }
                }
            }
            var all: ([Double], [ObjectName]) = ([], [])
            for try await (latencies, names) in group {
                all.0 += latencies
                all.1 += names
            }
            return all
        }
        let elapsed = Self.seconds(ContinuousClock.now - start)
        return Phase(perSecond: Double(count) / max(elapsed, 1e-9), latencies: results.0, names: results.1)
    }

    /// GETs `count` random objects of `names` from `clients` connections.
    func getConfigMaps(_ names: [ObjectName], count: Int, clients: Int) async throws -> Phase {
        guard !names.isEmpty else { throw BenchError("no objects to read") }
        let counter = Counter()
        let start = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await BenchConnection.with(endpoint) { connection in
                        var latencies: [Double] = []
                        var generator = SystemRandomNumberGenerator()
                        while counter.next() < count {
                            let object = names[Int.random(in: 0..<names.count, using: &generator)]
                            let sent = ContinuousClock.now
                            let response = try await connection.request(.GET, "/api/v1/namespaces/\(object.namespace)/configmaps/\(object.name)")
                            latencies.append(Self.seconds(ContinuousClock.now - sent))
                            guard response.status == 200 else { throw BenchError("get answered \(response.status)") }
                        }
                        return latencies
                    }
                }
            }
            var all: [Double] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = Self.seconds(ContinuousClock.now - start)
        return Phase(perSecond: Double(count) / max(elapsed, 1e-9), latencies: latencies)
    }

    /// Times `runs` unpaginated LISTs of a namespace's ConfigMaps; also counts the items.
    func listTimes(namespace: String, runs: Int) async throws -> (seconds: [Double], objects: Int) {
        try await BenchConnection.with(endpoint) { connection in
            var seconds: [Double] = [], objects = 0
            for _ in 0..<runs {
                let sent = ContinuousClock.now
                let response = try await connection.request(.GET, "/api/v1/namespaces/\(namespace)/configmaps")
                seconds.append(Self.seconds(ContinuousClock.now - sent))
                guard response.status == 200 else { throw BenchError("list answered \(response.status)") }
                objects = Self.occurrences(of: Array(#""uid":""#.utf8), in: response.body)
            }
            return (seconds, objects)
        }
    }

    /// What the watch phase measured.
    struct WatchResult: Sendable {
        var latencies: [Double]
        var deliveries: Int
        var expected: Int
        var writes: Int
    }

    /// Opens `watchers` watches on one namespace, writes `rate` ConfigMaps a second for
    /// `seconds`, and measures, per watcher and event, the time from the write being sent to the
    /// event arriving. Each object's name carries its send time.
    func watchDelivery(watchers: Int, rate: Int, seconds: Int) async throws -> WatchResult {
        let writes = rate * seconds
        let list = try await BenchConnection.with(endpoint) { try await $0.request(.GET, "/api/v1/namespaces/watch/configmaps?limit=1") }
        guard let revision = Self.resourceVersion(in: list.body) else { throw BenchError("the list carried no resourceVersion") }
        let ready = Counter(), finished = Counter()
        let writers = 8
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<watchers {
                group.addTask {
                    try await BenchConnection.with(endpoint) { connection in
                        try await connection.send(.GET, "/api/v1/namespaces/watch/configmaps?watch=true&resourceVersion=\(revision)")
                        var latencies: [Double] = []
                        latencies.reserveCapacity(writes)
                        var pending: [UInt8] = []
                        let marker = Array(#""name":"w-"#.utf8)
                        while latencies.count < writes, let part = try await connection.nextPart() {
                            switch part {
                            case .head(let head):
                                guard head.status == .ok else { throw BenchError("watch answered \(head.status.code)") }
                                _ = ready.next()
                            case .body(let chunk):
                                let now = DispatchTime.now().uptimeNanoseconds
                                pending += chunk.readableBytesView
                                guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
                                for sent in Self.sendTimes(in: pending[...lastNewline], marker: marker) where sent <= now {
                                    latencies.append(Double(now - sent) / 1e9)
                                }
                                pending.removeSubrange(...lastNewline)
                            case .end:
                                _ = finished.next()
                                return latencies
                            }
                        }
                        _ = finished.next()
                        return latencies
                    }
                }
            }
            while ready.value.load(ordering: .relaxed) < watchers { try await Task.sleep(for: .milliseconds(10)) }
            let start = DispatchTime.now().uptimeNanoseconds
            let interval = UInt64(1e9) * UInt64(writers) / UInt64(max(rate, 1))
            let perWriter = writes / writers
            try await withThrowingTaskGroup(of: Void.self) { writersGroup in
                for writer in 0..<writers {
                    writersGroup.addTask {
                        try await BenchConnection.with(endpoint) { connection in
                            for k in 0..<perWriter {
                                let due = start + UInt64(k) * interval + UInt64(writer) * interval / UInt64(writers)
                                let now = DispatchTime.now().uptimeNanoseconds
                                if due > now { try await Task.sleep(for: .nanoseconds(Int(due - now))) }
                                let sent = DispatchTime.now().uptimeNanoseconds
                                let body = ByteBuffer(string: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"w-\#(sent)-\#(writer)-\#(k)"},"data":{"payload":"\#(Self.payload)"}}"#)
                                let response = try await connection.request(.POST, "/api/v1/namespaces/watch/configmaps", body: body)
                                guard response.status == 201 else { throw BenchError("watch-phase write answered \(response.status)") }
                            }
                        }
                    }
                }
                try await writersGroup.waitForAll()
            }
            // Watchers stop when they have every event; stragglers get a bounded wait.
            let waitUntil = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
            while finished.value.load(ordering: .relaxed) < watchers && DispatchTime.now().uptimeNanoseconds < waitUntil {
                try await Task.sleep(for: .milliseconds(20))
            }
            if finished.value.load(ordering: .relaxed) < watchers { group.cancelAll() }
            var all: [Double] = []
            while let result = await group.nextResult() {
                if case .success(let part) = result { all += part }
            }
            return WatchResult(latencies: all, deliveries: all.count, expected: (writes / writers) * writers * watchers,
                               writes: (writes / writers) * writers)
        }
    }

    // MARK: Byte scanning (no JSON parsing on the load generator's hot path)

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The first `"name":"…"` value in a response body (the object's own name).
    static func firstName(in body: ByteBuffer) -> String? {
        let bytes = Array(body.readableBytesView)
        let marker = Array(#""name":""#.utf8)
        guard let start = index(of: marker, in: bytes[...]) else { return nil }
        let valueStart = start + marker.count
        guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[valueStart..<end], as: UTF8.self)
    }

    static func resourceVersion(in body: ByteBuffer) -> String? {
        let bytes = Array(body.readableBytesView)
        let marker = Array(#""resourceVersion":""#.utf8)
        guard let start = index(of: marker, in: bytes[...]) else { return nil }
        let valueStart = start + marker.count
        guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[valueStart..<end], as: UTF8.self)
    }

    /// Send times (uptime nanoseconds) encoded in `"name":"w-<nanos>-…"` of each event.
    static func sendTimes(in bytes: ArraySlice<UInt8>, marker: [UInt8]) -> [UInt64] {
        var result: [UInt64] = []
        var cursor = bytes.startIndex
        while let found = index(of: marker, in: bytes[cursor...]) {
            var value: UInt64 = 0
            var position = found + marker.count
            while position < bytes.endIndex, bytes[position] >= 48, bytes[position] <= 57 {
                value = value * 10 + UInt64(bytes[position] - 48)
                position += 1
            }
            result.append(value)
            cursor = position
        }
        return result
    }

    static func occurrences(of marker: [UInt8], in body: ByteBuffer) -> Int {
        let bytes = Array(body.readableBytesView)
        var count = 0
        var cursor = bytes.startIndex
        while let found = index(of: marker, in: bytes[cursor...]) {
            count += 1
            cursor = found + marker.count
        }
        return count
    }

    static func index(of marker: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var position = bytes.startIndex
        let last = bytes.endIndex - marker.count
        while position <= last {
            guard let candidate = bytes[position...last].firstIndex(of: first) else { return nil }
            if bytes[candidate..<(candidate + marker.count)].elementsEqual(marker) { return candidate }
            position = candidate + 1
        }
        return nil
    }
}
