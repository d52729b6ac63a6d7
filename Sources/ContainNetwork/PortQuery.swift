import ContainModel

/// A port and protocol to ask about, written `80/TCP`, `53/udp` or just `8080` (TCP).
public struct PortQuery: Sendable, Hashable, CustomStringConvertible {
    /// The port number, 1–65535.
    public var port: Int
    /// The protocol; `TCP` unless given.
    public var `protocol`: PortProtocol

    /// Creates a query.
    public init(port: Int, protocol: PortProtocol = .tcp) {
        self.port = port
        self.protocol = `protocol`
    }

    /// Parses `PORT[/PROTOCOL]`; the protocol is case-insensitive.
    /// - Throws: `NetworkQueryError.invalidPort` for anything else.
    public init(parsing text: String) throws(NetworkQueryError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let number = Int(parts[0]), (1...65_535).contains(number) else {
            throw .invalidPort(text)
        }
        var proto = PortProtocol.tcp
        if parts.count == 2 {
            guard let parsed = PortProtocol(rawValue: parts[1].uppercased()) else { throw .invalidPort(text) }
            proto = parsed
        }
        self.init(port: number, protocol: proto)
    }

    /// `80/TCP`.
    public var description: String { "\(port)/\(self.protocol.rawValue)" }
}
