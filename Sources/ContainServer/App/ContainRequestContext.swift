import Hummingbird

/// The per-request context of the API. Authentication will add the user here, so a handler
/// that needs one cannot compile without it.
public struct ContainRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bodies up to the API's own limit are collected; the API answers 413 above it.
    public var maxUploadSize: Int { APIServer.maximumBodySize + 1 }
}
