import ContainModel

/// Why network inputs could not be read or compiled.
public enum NetworkInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The YAML text is malformed.
    case syntax(String)
    /// The what-if text must hold exactly one document.
    case documentCount(Int)
    /// The what-if document does not have the expected shape.
    case decoding(DecodingFailure)
    /// A policy's label selector is invalid (policy `namespace/name`, field, message).
    case invalidSelector(policy: String, field: String, message: String)
    /// A policy's `ipBlock` CIDR is malformed (policy `namespace/name`, the text).
    case invalidCIDR(policy: String, cidr: String)

    public var description: String {
        switch self {
        case .syntax(let message): "syntax error: \(message)"
        case .documentCount(let count): "expected exactly one YAML document, found \(count)"
        case .decoding(let failure): failure.description
        case .invalidSelector(let policy, let field, let message):
            "NetworkPolicy \(policy): \(field): invalid selector: \(message)"
        case .invalidCIDR(let policy, let cidr): "NetworkPolicy \(policy): invalid CIDR \"\(cidr)\""
        }
    }
}
