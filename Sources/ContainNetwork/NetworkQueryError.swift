/// Why a reachability question could not be answered.
public enum NetworkQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pod is not in the model.
    case unknownPod(PodRef)
    /// The text is not an IPv4 or IPv6 address.
    case invalidAddress(String)
    /// The text is not `PORT[/PROTOCOL]` with a port in 1–65535 and TCP, UDP or SCTP.
    case invalidPort(String)
    /// The text is not `NAMESPACE/NAME`.
    case invalidPodReference(String)

    public var description: String {
        switch self {
        case .unknownPod(let ref): "unknown pod \(ref)"
        case .invalidAddress(let text): "invalid IP address \"\(text)\""
        case .invalidPort(let text): "invalid port \"\(text)\": expected PORT[/PROTOCOL], such as 80/TCP or 53/UDP"
        case .invalidPodReference(let text): "invalid pod \"\(text)\": expected NAMESPACE/NAME"
        }
    }
}
