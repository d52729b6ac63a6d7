extension PodRef {
    /// Parses `NAMESPACE/NAME` (both parts non-empty, exactly one `/`).
    /// - Throws: `NetworkQueryError.invalidPodReference`.
    public init(parsing text: String) throws(NetworkQueryError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .invalidPodReference(text) }
        self.init(namespace: String(parts[0]), name: String(parts[1]))
    }
}
