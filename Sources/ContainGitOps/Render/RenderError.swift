/// Why a render could not be produced, in words a platform engineer can act on.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
