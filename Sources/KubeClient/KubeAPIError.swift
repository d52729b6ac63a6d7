import ContainModel

/// A request the API server refused (a `metav1.Status` with a code), or a failure to reach it.
public struct KubeAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// HTTP status code; 0 when the server was not reached.
    public var code: Int
    /// `Status.reason` (`NotFound`, `Conflict`, `Expired`, `Gone`, …), or `ConnectionFailed`.
    public var reason: String
    public var message: String

    public init(code: Int, reason: String, message: String) {
        self.code = code
        self.reason = reason
        self.message = message
    }

    /// Builds the error from a response body (a Status when the server sent one).
    init(code: Int, body: [UInt8]) {
        let text = String(decoding: body, as: UTF8.self)
        if let value = try? JSONReader.value(text), value["kind"]?.stringValue == "Status" {
            self.init(code: code, reason: value["reason"]?.stringValue ?? "Unknown",
                      message: value["message"]?.stringValue ?? text)
        } else {
            self.init(code: code, reason: code == 404 ? "NotFound" : "Unknown", message: String(text.prefix(500)))
        }
    }

    /// The server was not reached (connection refused or lost, timeout).
    public static func connection(_ error: any Error) -> KubeAPIError {
        KubeAPIError(code: 0, reason: "ConnectionFailed", message: String(describing: error))
    }

    public var isNotFound: Bool { code == 404 }
    public var isConflict: Bool { code == 409 && reason != "AlreadyExists" }
    public var isAlreadyExists: Bool { code == 409 && reason == "AlreadyExists" }
    /// 410: the requested resourceVersion is older than the server's history; re-list.
    public var isExpired: Bool { code == 410 || reason == "Expired" || reason == "Gone" }
    /// Worth retrying unchanged: not reached, throttled, or a server-side failure.
    public var isRetryable: Bool { code == 0 || code == 429 || code >= 500 }

    public var description: String {
        code == 0 ? "cannot reach the API server: \(message)" : "API server answered \(code) \(reason): \(message)"
    }
}
