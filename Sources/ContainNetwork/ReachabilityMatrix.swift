import ContainModel

/// Reachability between every ordered pair of pods on one port and protocol.
public struct ReachabilityMatrix: Sendable {
    /// Rows (sources) and columns (destinations), in engine order.
    public let pods: [PodRef]
    public let port: Int
    public let `protocol`: PortProtocol

    let index: [PodRef: Int]
    /// Per destination: the sources its ingress allows.
    let ingressSources: [PodBitSet]
    /// Per source: the destinations its egress allows.
    let egressDestinations: [PodBitSet]
    /// Per source: the destinations it may reach.
    let combinedDestinations: [PodBitSet]

    init(
        pods: [PodRef], port: Int, protocol: PortProtocol, ingress: [PodBitSet], egress: [PodBitSet],
        combined: [PodBitSet]
    ) {
        self.pods = pods
        self.port = port
        self.protocol = `protocol`
        var index: [PodRef: Int] = [:]
        for (position, ref) in pods.enumerated() where index[ref] == nil { index[ref] = position }
        self.index = index
        ingressSources = ingress
        egressDestinations = egress
        combinedDestinations = combined
    }

    /// Whether the connection is allowed (both sides, plus the pod-to-self exception when the
    /// engine honours it); `false` for unknown pods.
    public func allows(from source: PodRef, to destination: PodRef) -> Bool {
        guard let s = index[source], let d = index[destination] else { return false }
        return combinedDestinations[s].contains(d)
    }

    /// Whether the destination's ingress side alone allows the connection.
    public func ingressAllows(from source: PodRef, to destination: PodRef) -> Bool {
        guard let s = index[source], let d = index[destination] else { return false }
        return ingressSources[d].contains(s)
    }

    /// Whether the source's egress side alone allows the connection.
    public func egressAllows(from source: PodRef, to destination: PodRef) -> Bool {
        guard let s = index[source], let d = index[destination] else { return false }
        return egressDestinations[s].contains(d)
    }

    /// The destinations `source` may reach, in matrix order.
    public func reachable(from source: PodRef) -> [PodRef] {
        guard let s = index[source] else { return [] }
        return combinedDestinations[s].members.map { pods[$0] }
    }

    /// How many ordered pairs (self pairs included) are allowed.
    public var allowedPairCount: Int { combinedDestinations.reduce(0) { $0 + $1.cardinality } }

    /// A text grid of the combined matrix: `X` allowed, `.` denied; rows are sources.
    public var grid: String {
        var lines: [String] = []
        for (row, source) in pods.enumerated() {
            let cells = (0..<pods.count).map { combinedDestinations[row].contains($0) ? "X" : "." }.joined()
            lines.append("\(cells) \(source)")
        }
        return lines.joined(separator: "\n")
    }
}
