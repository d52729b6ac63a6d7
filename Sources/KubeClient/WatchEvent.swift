import ContainModel

/// One event of a watch stream (`metav1.WatchEvent`).
public struct WatchEvent: Sendable, Hashable {
    public enum EventType: String, Sendable, Hashable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
        /// Carries only a newer resourceVersion to resume from.
        case bookmark = "BOOKMARK"
        /// The object is a `Status` (410 Expired when the watch fell out of history).
        case error = "ERROR"
    }

    public var type: EventType
    public var object: JSONObject

    public init(type: EventType, object: JSONObject) {
        self.type = type
        self.object = object
    }

    /// `metadata.resourceVersion` of the object.
    public var resourceVersion: String? { object["metadata"]?["resourceVersion"]?.stringValue }

    /// For an ERROR event, the error it reports.
    public var error: KubeAPIError? {
        guard type == .error else { return nil }
        return KubeAPIError(code: Int(object["code"]?.integerValue ?? 500), reason: object["reason"]?.stringValue ?? "Unknown",
                            message: object["message"]?.stringValue ?? "")
    }
}
