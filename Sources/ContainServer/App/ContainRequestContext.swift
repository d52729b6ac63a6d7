import Hummingbird
import NIOCore

/// The per-request context of the API: the connection it came on (for the client certificate
/// and the audit log's source address). The authenticated user is not stored here but passed
/// as an `AuthenticatedContext`, so a handler that needs a user cannot compile without one.
public struct ContainRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection, when the request came over one (not in router tests).
    public let channel: (any Channel)?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// Bodies up to the API's own limit are collected; the API answers 413 above it.
    public var maxUploadSize: Int { APIServer.maximumBodySize + 1 }

    /// The client's IP address, for the audit log.
    var remoteAddressText: String? { channel?.remoteAddress?.ipAddress }
}
