import ContainModel

/// One ingress or egress rule, with its peers resolved to pods once.
struct CompiledRule: Sendable {
    let index: Int
    /// `nil` when `ports` is absent or empty: every port and protocol.
    let ports: [CompiledPort]?
    /// `from`/`to` absent or empty: every peer, pods and external addresses alike.
    let allPeers: Bool
    /// The pods the peers select (every pod when `allPeers`).
    let peerPods: PodBitSet
    /// The `ipBlock` peers, for external addresses.
    let ipBlocks: [CompiledIPBlock]

    func peerMatches(address: [UInt8]) -> Bool {
        allPeers || ipBlocks.contains { $0.contains(address) }
    }

    /// Whether the rule's ports match `port`/`proto` on a destination whose declared ports are
    /// `declared` (`nil` for an external address, where named ports never resolve).
    func portMatches(port: Int, protocol proto: PortProtocol, declared: [NetworkPodPort]?) -> Bool {
        guard let ports else { return true }
        for entry in ports where entry.protocol == proto {
            switch entry.kind {
            case .any:
                return true
            case .range(let low, let high):
                if low <= port && port <= high { return true }
            case .named(let name):
                if let declared,
                    declared.contains(where: { $0.name == name && $0.port == port && $0.effectiveProtocol == proto })
                {
                    return true
                }
            }
        }
        return false
    }

    /// Whether any numeric or open entry matches, regardless of the destination.
    func numericPortMatches(port: Int, protocol proto: PortProtocol) -> Bool {
        guard let ports else { return true }
        return ports.contains { entry in
            guard entry.protocol == proto else { return false }
            switch entry.kind {
            case .any: return true
            case .range(let low, let high): return low <= port && port <= high
            case .named: return false
            }
        }
    }

    /// The port names this rule uses for `proto`.
    func portNames(protocol proto: PortProtocol) -> [String] {
        (ports ?? []).compactMap { entry in
            if entry.protocol == proto, case .named(let name) = entry.kind { return name }
            return nil
        }
    }
}
