import ContainModel

/// Splits a quantity into `n` shares exactly, without floating point, so the shares always add
/// up to the total (never more).
///
/// The rule: the total is counted in a whole number of units, each share gets
/// `floor(total / n)` units and the first share also gets the remainder. The unit is
/// - for binary-SI quantities that are a whole number of bytes: `Mi` when the total is a whole
///   number of Mi, else `Ki` when a whole number of Ki, else bytes (so `32Gi / 3` is
///   `10924Mi, 10922Mi, 10922Mi`);
/// - otherwise the coarsest of `1m`, `1u`, `1n` the total is an exact multiple of (so CPU `"5"`
///   over 2 is `2500m, 2500m`).
///
/// A total finer than `1n`, or too large to count in `Int64` units, is counted in rounded-down
/// units; the first share is then computed as the total minus the other shares with `Quantity`'s
/// exact arithmetic, so the sum is still exactly the total. Negative totals split as zero.
public enum QuantitySplitter {
    /// `total` split into `count` shares (none when `count <= 0`); shares keep the total's format.
    public static func split(_ total: Quantity, into count: Int) -> [Quantity] {
        guard count > 0 else { return [] }
        guard total.sign > 0 else { return Array(repeating: Quantity(0, format: total.format), count: count) }
        let others = Int64(count - 1)
        let share: Quantity
        let sharesOfOthers: Quantity
        if total.format == .binarySI, let bytes = total.asInt64 {
            let unit: Int64 = bytes % (1 << 20) == 0 ? 1 << 20 : (bytes % (1 << 10) == 0 ? 1 << 10 : 1)
            let base = (bytes / unit) / Int64(count)
            // base × unit × (count - 1) ≤ bytes, so none of this overflows.
            share = Quantity(base * unit, format: .binarySI)
            sharesOfOthers = Quantity(base * unit * others, format: .binarySI)
        } else {
            let (units, scale) = decimalUnits(total)
            let base = units / Int64(count)
            share = Quantity(scaledValue: base, scale: Int32(scale), format: total.format)
            sharesOfOthers = Quantity(scaledValue: base * others, scale: Int32(scale), format: total.format)
        }
        // The first share is whatever the others leave, computed exactly (128-bit) by Quantity, so
        // the shares always add up to exactly the total, even when the units were rounded down.
        let first = (try? total.subtracting(sharesOfOthers)) ?? share
        return [first] + Array(repeating: share, count: count - 1)
    }

    /// `total` split into `count` whole shares, the remainder going to the first.
    public static func split(_ total: Int, into count: Int) -> [Int] {
        guard count > 0 else { return [] }
        guard total > 0 else { return Array(repeating: 0, count: count) }
        return splitUnits(Int64(total), count).map { Int($0) }
    }

    private static func splitUnits(_ units: Int64, _ count: Int) -> [Int64] {
        let (base, remainder) = units.quotientAndRemainder(dividingBy: Int64(count))
        return (0..<count).map { $0 == 0 ? base + remainder : base }
    }

    /// The total as a whole number of `10^scale` units, with the coarsest of milli, micro and
    /// nano that is exact; otherwise nano units rounded down.
    private static func decimalUnits(_ total: Quantity) -> (Int64, Int) {
        for scale in [-3, -6, -9] {
            let units = total.scaledValue(scale: scale)
            if units < Int64.max, Quantity(scaledValue: units, scale: Int32(scale)) == total {
                return (units, scale)
            }
        }
        // Too fine or too large to be exact: round down, in milli units when it is large.
        for scale in [-9, -3, 0] {
            var units = total.scaledValue(scale: scale)
            guard units < Int64.max else { continue }
            if Quantity(scaledValue: units, scale: Int32(scale)) > total { units -= 1 }
            return (max(units, 0), scale)
        }
        // Beyond Int64 even in whole units: the largest count of whole units (still below the total).
        return (Int64.max - 1, 0)
    }
}
