/// Why a reachability question could not be answered.
public enum NetworkQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pod is not in the model.
    case unknownPod(PodRef)
    /// The text is not an IPv4 or IPv6 address.
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .unknownPod(let ref): "unknown pod \(ref)"
        case .invalidAddress(let text): "invalid IP address \"\(text)\""
        }
    }
}
