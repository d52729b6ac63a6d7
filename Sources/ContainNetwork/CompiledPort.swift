import ContainModel

/// One entry of a rule's `ports`, with defaults applied.
struct CompiledPort: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `port` unset: every port of the protocol.
        case any
        /// A number, or a number with `endPort` (inclusive); an inverted range matches nothing.
        case range(Int, Int)
        /// A named port, resolved against the destination pod's declared container ports.
        case named(String)
    }

    let `protocol`: PortProtocol
    let kind: Kind

    init(_ port: NetworkPolicyPort) {
        self.protocol = port.protocol ?? .tcp
        switch port.port {
        case nil:
            kind = .any
        case .int(let number)?:
            kind = .range(number, port.endPort.map(Int.init) ?? number)
        case .string(let name)?:
            // The API accepts a numeric string only as a name (validation requires an IANA
            // service name); `endPort` with a named port is rejected by validation and ignored.
            kind = .named(name)
        }
    }
}
