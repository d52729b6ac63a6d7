/// A TLS setup problem a person can fix: which file, and what is wrong with it.
public struct TLSError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file or SAN involved.
    public var description: String

    /// A problem described in words.
    public init(_ description: String) { self.description = description }
}
