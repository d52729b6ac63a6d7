/// Why an AdmissionReview could not be read; served as HTTP 400 with this message.
public struct AdmissionReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
