import ContainModel

/// What ``KubeClient/listWatch(_:namespace:labelSelector:)`` reports: the full state after every
/// (re)list, then changes.
public enum ListWatchEvent: Sendable {
    /// The complete current set of objects (replace the cache with it) at `resourceVersion`.
    case synced([JSONObject], resourceVersion: String)
    case added(JSONObject)
    case modified(JSONObject)
    case deleted(JSONObject)
}

extension KubeClient {
    /// Lists, then watches from the list's resourceVersion, forever: after a watch ends or the
    /// connection breaks it resumes from the last resourceVersion seen (bookmarks included), and
    /// when the server answers 410 Expired it lists again. Failures back off exponentially (up to
    /// `maximumBackoff`). The stream ends only when the consumer cancels.
    public func listWatch(_ resource: KubeResource, namespace: String? = nil, labelSelector: String? = nil,
                          watchTimeoutSeconds: Int = 300,
                          maximumBackoff: Duration = .seconds(2)) -> AsyncStream<ListWatchEvent> {
        let (stream, continuation) = AsyncStream<ListWatchEvent>.makeStream(bufferingPolicy: .unbounded)
        let backoff = Backoff(initial: .milliseconds(50), maximum: maximumBackoff)
        let task = Task {
            var resourceVersion: String?
            var failures = 0
            while !Task.isCancelled {
                do {
                    if resourceVersion == nil {
                        let listed = try await list(resource, namespace: namespace, labelSelector: labelSelector)
                        resourceVersion = listed.resourceVersion
                        continuation.yield(.synced(listed.items, resourceVersion: listed.resourceVersion))
                        failures = 0
                    }
                    let events = try await watch(resource, namespace: namespace, resourceVersion: resourceVersion,
                                                 labelSelector: labelSelector, timeoutSeconds: watchTimeoutSeconds)
                    watching: for try await event in events {
                        failures = 0
                        switch event.type {
                        case .added: continuation.yield(.added(event.object))
                        case .modified: continuation.yield(.modified(event.object))
                        case .deleted: continuation.yield(.deleted(event.object))
                        case .bookmark: break
                        case .error:
                            if event.error?.isExpired == true { resourceVersion = nil; break watching }
                            throw event.error ?? KubeAPIError(code: 500, reason: "Unknown", message: "watch error")
                        }
                        if let version = event.resourceVersion, event.type != .error { resourceVersion = version }
                    }
                } catch let error as KubeAPIError where error.isExpired {
                    resourceVersion = nil
                } catch {
                    if Task.isCancelled { break }
                    try? await Task.sleep(for: backoff.delay(attempt: failures))
                    failures += 1
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
