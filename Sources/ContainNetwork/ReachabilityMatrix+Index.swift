extension ReachabilityMatrix {
    /// One side of the truth table, or the combined answer.
    public enum Side: String, Sendable, CaseIterable, Codable {
        case ingress
        case egress
        case combined
    }

    /// Whether `side` allows the connection from the pod at row `source` to the pod at column
    /// `destination` (indices into `pods`).
    func allows(_ side: Side, source: Int, destination: Int) -> Bool {
        switch side {
        case .ingress: ingressSources[destination].contains(source)
        case .egress: egressDestinations[source].contains(destination)
        case .combined: combinedDestinations[source].contains(destination)
        }
    }

    /// How many of the pairs (`sources` × `destinations`, as pod-index sets) `side` allows.
    func allowedCount(_ side: Side, sources: PodBitSet, destinations: PodBitSet) -> Int {
        switch side {
        case .ingress:
            destinations.members.reduce(0) { $0 + ingressSources[$1].intersection(sources).cardinality }
        case .egress:
            sources.members.reduce(0) { $0 + egressDestinations[$1].intersection(destinations).cardinality }
        case .combined:
            sources.members.reduce(0) { $0 + combinedDestinations[$1].intersection(destinations).cardinality }
        }
    }
}
