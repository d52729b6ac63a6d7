import ContainModel
import ContainStore
import Foundation
import Hummingbird

/// What a watch stream carries: store events, bookmark ticks, and the end.
enum WatchItem: Sendable {
    case event(StoreEvent)
    case tick
    case failed(any Error)
}

extension ResourceHandlers {
    /// `?watch=true`: a chunked stream of events, flushed one by one.
    func watch() async throws -> Response {
        let selection = try selection()
        let namespace = resource.type.namespaced ? path.namespace : nil
        let rvText = query["resourceVersion"] ?? ""
        let bookmarks = query.flag("allowWatchBookmarks")
        var timeout: Double?
        if let text = query["timeoutSeconds"], let seconds = Double(text), seconds > 0 { timeout = seconds }
        var initial: [StoredObject] = []
        let start: Int64
        if rvText.isEmpty || rvText == "0" {
            let result = try await store.list(ListRequest(resource: resource.key, namespace: namespace,
                                                          name: selection.name, filter: selection.filter))
            initial = result.items
            start = result.revision
        } else {
            guard let rv = Int64(rvText) else { throw APIError.badRequest("invalid resourceVersion \"\(rvText)\"") }
            start = rv
        }
        let events: AsyncThrowingStream<StoreEvent, any Error>
        do {
            events = try await store.watch(resource.key, namespace: namespace, after: start)
        } catch StoreError.expired(let requested, _) {
            throw APIError.expired("The resourceVersion for the provided watch is too old. (requested \(requested))")
        }
        let initialObjects = initial
        let table = wantsTable ? TableBuilder(resource: resource, now: .now()) : nil
        let resource = self.resource
        let matches = selection.matches
        let interval = server.bookmarkInterval
        let (items, continuation) = AsyncStream<WatchItem>.makeStream()
        let pump = Task {
            do {
                for try await event in events { continuation.yield(.event(event)) }
                continuation.finish()
            } catch {
                continuation.yield(.failed(error))
                continuation.finish()
            }
        }
        let ticker = Task {
            let started = Date()
            while !Task.isCancelled {
                let remaining = timeout.map { $0 - Date().timeIntervalSince(started) }
                if let remaining, remaining <= 0 { break }
                let step = min(bookmarks ? interval : 3600, remaining ?? 3600)
                try? await Task.sleep(nanoseconds: UInt64(max(0.01, step) * 1_000_000_000))
                if Task.isCancelled { return }
                if bookmarks { continuation.yield(.tick) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in
            pump.cancel()
            ticker.cancel()
        }
        let body = ResponseBody { writer in
            var encoder = WatchEventEncoder(table: table)
            var lastRevision = start
            for stored in initialObjects {
                try await writer.write(ByteBuffer(string: encoder.line(type: "ADDED", objectJSON: Self.text(stored))))
            }
            for await item in items {
                switch item {
                case .event(let event):
                    lastRevision = event.object.revision
                    guard let object = try? Self.decode(event.object), matches(object) else { continue }
                    try await writer.write(ByteBuffer(string: encoder.line(type: event.kind.rawValue, objectJSON: Self.text(event.object))))
                case .tick:
                    try await writer.write(ByteBuffer(string: encoder.line(
                        type: "BOOKMARK", objectJSON: WatchEventEncoder.bookmark(resource, revision: lastRevision))))
                case .failed(let error):
                    let apiError = (error as? StoreError).map(APIServer.apiError) ?? .internalError(String(describing: error))
                    let status = (try? ValueEncoder().encode(apiError.status)).map(JSONWriter.compact) ?? "{}"
                    try await writer.write(ByteBuffer(string: encoder.line(type: "ERROR", objectJSON: status)))
                }
            }
            pump.cancel()
            ticker.cancel()
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: body)
    }
}
