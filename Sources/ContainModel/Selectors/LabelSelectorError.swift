import Foundation

/// An invalid label selector: a `?labelSelector=` string that does not parse, a
/// requirement whose values break the rules for its operator, or a
/// `LabelSelector` (metav1) that cannot be converted.
///
/// `message` is worded exactly as Kubernetes words the same failure, so it can be
/// returned to API clients unchanged (upstream answers such requests with
/// `400 Bad Request` and this text).
public struct LabelSelectorError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Upstream's error text, e.g. `unable to parse requirement: found '', expected: identifier`.
    public let message: String

    /// For errors found while parsing a selector string: the offset, in UTF-8 bytes
    /// from the start of the string, of the token where parsing failed (for invalid
    /// keys, the key; for invalid values, the start of the requirement).
    /// `nil` when the error did not come from parsing a string.
    public let position: Int?

    /// Creates an error with the given upstream-worded message and optional byte offset.
    public init(message: String, position: Int? = nil) {
        self.message = message
        self.position = position
    }

    /// The upstream-worded message.
    public var description: String { message }

    /// The upstream-worded message, so `localizedDescription` shows it too.
    public var errorDescription: String? { message }
}
