import AsyncHTTPClient
import ContainModel
import NIOCore

extension KubeClient {
    /// Watches a collection from `resourceVersion` (`nil` or `"0"`: the current state first, as
    /// ADDED events). The stream ends when the server closes it (after `timeoutSeconds`), and
    /// throws when the connection breaks; ERROR events (such as 410 Expired) are delivered as
    /// events. Resuming is the caller's job; ``listWatch(_:namespace:labelSelector:)`` does it.
    public func watch(_ resource: KubeResource, namespace: String? = nil, resourceVersion: String?,
                      labelSelector: String? = nil, timeoutSeconds: Int = 300,
                      allowBookmarks: Bool = true) async throws -> AsyncThrowingStream<WatchEvent, any Error> {
        var query: [(String, String)] = [("watch", "true"), ("timeoutSeconds", String(timeoutSeconds))]
        if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
        if allowBookmarks { query.append(("allowWatchBookmarks", "true")) }
        if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
        let request = request(.GET, resource.path(namespace: namespace), query: query, body: nil, contentType: "")
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .seconds(Int64(timeoutSeconds) + 30))
        } catch {
            throw KubeAPIError.connection(error)
        }
        guard response.status.code == 200 else {
            let bytes = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            throw KubeAPIError(code: Int(response.status.code), body: bytes)
        }
        let body = response.body
        return AsyncThrowingStream { continuation in
            let reader = Task {
                var pending: [UInt8] = []
                do {
                    for try await chunk in body {
                        pending.append(contentsOf: chunk.readableBytesView)
                        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                            let line = Array(pending[..<newline])
                            pending.removeSubrange(...newline)
                            if let event = try Self.parseEvent(line) { continuation.yield(event) }
                        }
                    }
                    if let event = try Self.parseEvent(pending) { continuation.yield(event) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error is KubeAPIError ? error : KubeAPIError.connection(error))
                }
            }
            continuation.onTermination = { _ in reader.cancel() }
        }
    }

    static func parseEvent(_ line: [UInt8]) throws -> WatchEvent? {
        guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return nil }
        let value = try JSONReader.value(String(decoding: line, as: UTF8.self))
        guard let typeText = value["type"]?.stringValue, let type = WatchEvent.EventType(rawValue: typeText),
              case .object(let object)? = value["object"]
        else {
            throw KubeAPIError(code: 200, reason: "InvalidResponse", message: "malformed watch event: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        return WatchEvent(type: type, object: object)
    }
}
