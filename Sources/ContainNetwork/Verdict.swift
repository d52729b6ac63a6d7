import ContainModel

/// Whether one connection is allowed, and why.
///
/// A connection between pods is allowed when the source's egress allows it and the
/// destination's ingress allows it, each side checked only when that pod is isolated for that
/// direction. An external address has no policies of its own, so its side is `nil`.
public struct Verdict: Sendable, Hashable, CustomStringConvertible {
    public var source: NetworkEndpoint
    public var destination: NetworkEndpoint
    public var port: Int
    public var `protocol`: PortProtocol
    /// The source pod's egress side; `nil` when the source is an external address.
    public var egress: DirectionVerdict?
    /// The destination pod's ingress side; `nil` when the destination is an external address.
    public var ingress: DirectionVerdict?
    /// Whether a pod talks to itself: always allowed when the engine honours the Kubernetes
    /// exception ("a pod cannot block access to itself"), whatever the two sides say.
    public var isSelfTraffic: Bool
    /// The final answer.
    public var allowed: Bool

    /// Creates a verdict.
    public init(
        source: NetworkEndpoint, destination: NetworkEndpoint, port: Int, protocol: PortProtocol,
        egress: DirectionVerdict?, ingress: DirectionVerdict?, isSelfTraffic: Bool, allowed: Bool
    ) {
        self.source = source
        self.destination = destination
        self.port = port
        self.protocol = `protocol`
        self.egress = egress
        self.ingress = ingress
        self.isSelfTraffic = isSelfTraffic
        self.allowed = allowed
    }

    /// A multi-line explanation.
    public var description: String {
        var lines = ["\(source) -> \(destination) \(port)/\(self.protocol.rawValue): \(allowed ? "ALLOWED" : "DENIED")"]
        if isSelfTraffic { lines.append("  pod-to-self traffic: a pod cannot block access to itself") }
        if let egress { lines.append("  " + egress.description) }
        if let ingress { lines.append("  " + ingress.description) }
        return lines.joined(separator: "\n")
    }
}
