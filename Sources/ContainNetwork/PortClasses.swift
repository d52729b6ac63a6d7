import ContainModel

/// The ports that stand for every port of a model, per protocol.
///
/// Whether a rule's `ports` match can only change where a numeric range of some policy starts
/// or ends, or at a port number some pod declares under a name (named ports resolve to exact
/// numbers). So one representative per interval between those boundaries, plus each declared
/// named port, answers for all 65,535 ports of a protocol: checking the representatives is
/// checking every port.
public struct PortClasses: Sendable {
    /// A set of ports that every policy of the model treats alike.
    public struct PortClass: Sendable, Hashable {
        /// The port to ask about.
        public var query: PortQuery
        /// The ports it stands for (an interval; a declared named port stands for itself).
        public var range: ClosedRange<Int>
        /// Whether it is a port number some pod declares with a name.
        public var isNamedPort: Bool
    }

    /// The classes, ordered by protocol (TCP, UDP, SCTP) and then by port.
    public let classes: [PortClass]

    /// The classes of `model`'s policies and pods.
    public init(model: NetworkModel) {
        var boundaries: [PortProtocol: Set<Int>] = [:]
        var namedProtocols = Set<PortProtocol>()
        for policy in model.policies {
            let ports = (policy.spec?.ingress ?? []).flatMap { $0.ports ?? [] }
                + (policy.spec?.egress ?? []).flatMap { $0.ports ?? [] }
            for port in ports {
                let proto = port.protocol ?? .tcp
                switch port.port {
                case .int(let low)?:
                    let high = port.endPort.map(Int.init) ?? low
                    guard low <= high else { continue }
                    boundaries[proto, default: []].insert(low)
                    if high < 65_535 { boundaries[proto, default: []].insert(high + 1) }
                case .string?:
                    namedProtocols.insert(proto)
                case nil:
                    continue
                }
            }
        }
        var result: [PortClass] = []
        for proto in PortProtocol.allCases {
            let named = namedProtocols.contains(proto)
                ? Set(model.pods.flatMap { $0.ports.filter { $0.name != nil && $0.effectiveProtocol == proto }.map(\.port) })
                    .filter { (1...65_535).contains($0) }
                : []
            let starts = (boundaries[proto, default: []].union([1])).filter { (1...65_535).contains($0) }.sorted()
            var intervals: [PortClass] = []
            for (position, start) in starts.enumerated() {
                let end = position + 1 < starts.count ? starts[position + 1] - 1 : 65_535
                // The representative must not be a named port: those answer for themselves.
                guard let representative = (start...end).first(where: { !named.contains($0) }) else { continue }
                intervals.append(PortClass(query: PortQuery(port: representative, protocol: proto), range: start...end, isNamedPort: false))
            }
            let points = named.sorted().map {
                PortClass(query: PortQuery(port: $0, protocol: proto), range: $0...$0, isNamedPort: true)
            }
            result += (intervals + points).sorted { ($0.range.lowerBound, $0.isNamedPort ? 1 : 0) < ($1.range.lowerBound, $1.isNamedPort ? 1 : 0) }
        }
        classes = result
    }

    /// The classes of one protocol.
    public func classes(for proto: PortProtocol) -> [PortClass] { classes.filter { $0.query.protocol == proto } }

    /// A short description of some classes: `any TCP port`, `TCP 1-52, 54-65535`, `UDP 53`.
    public static func describe(_ chosen: [PortClass]) -> String {
        var parts: [String] = []
        for proto in PortProtocol.allCases {
            let ranges = chosen.filter { $0.query.protocol == proto }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
            guard !ranges.isEmpty else { continue }
            var merged: [ClosedRange<Int>] = []
            for range in ranges {
                if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            if merged == [1...65_535] {
                parts.append("any \(proto.rawValue) port")
            } else {
                parts.append("\(proto.rawValue) " + merged.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
                    .joined(separator: ", "))
            }
        }
        return parts.joined(separator: "; ")
    }
}
