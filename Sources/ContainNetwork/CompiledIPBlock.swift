import ContainModel

/// One `ipBlock`, parsed: a network minus excepted sub-networks.
struct CompiledIPBlock: Sendable, Hashable {
    let cidr: CIDR
    let except: [CIDR]

    func contains(_ address: [UInt8]) -> Bool {
        cidr.contains(address) && !except.contains { $0.contains(address) }
    }
}
