/// A fixed-size set of pod indices, stored as bits, for fast unions and intersections.
struct PodBitSet: Sendable, Hashable {
    private(set) var words: [UInt64]
    let count: Int

    /// An empty set (or a full one) over `count` pods.
    init(count: Int, full: Bool = false) {
        self.count = count
        let wordCount = (count + 63) / 64
        words = [UInt64](repeating: full ? ~0 : 0, count: wordCount)
        if full { clearTail() }
    }

    private mutating func clearTail() {
        let extra = count % 64
        if extra != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(extra)) &- 1 }
    }

    func contains(_ index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        return words[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0
    }

    mutating func insert(_ index: Int) {
        guard index >= 0, index < count else { return }
        words[index >> 6] |= UInt64(1) << UInt64(index & 63)
    }

    mutating func formUnion(_ other: PodBitSet) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<min(mine.count, theirs.count) { mine[index] |= theirs[index] }
            }
        }
    }

    mutating func formIntersection(_ other: PodBitSet) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count { mine[index] &= index < theirs.count ? theirs[index] : 0 }
            }
        }
    }

    func intersection(_ other: PodBitSet) -> PodBitSet {
        var copy = self
        copy.formIntersection(other)
        return copy
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The members, ascending.
    var members: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(wordIndex << 6 + bit)
                remaining &= remaining &- 1
            }
        }
        return result
    }
}
