/// One end of a connection: a pod of the model, or an address outside the pod network.
public enum NetworkEndpoint: Sendable, Hashable, CustomStringConvertible {
    case pod(PodRef)
    /// An IPv4 or IPv6 address, as given.
    case address(String)

    /// `namespace/name` or the address.
    public var description: String {
        switch self {
        case .pod(let ref): ref.description
        case .address(let address): address
        }
    }
}
