// Exact arithmetic and comparison on quantities.
//
// Values are aligned to the smaller of the two exponents and combined as integers, which is
// exact. When the aligned mantissas do not fit in 128 bits the operation throws
// `QuantityError.overflow` instead of trapping or rounding.

extension Quantity {
    /// `self + other`, exactly, like upstream `Add`.
    ///
    /// The result keeps this quantity's format, unless this quantity is zero, in which case it
    /// takes `other`'s (so `0 + 1Gi` prints `1Gi`, and `1Ki + 1024` prints `2Ki`).
    public func adding(_ other: Quantity) throws(QuantityError) -> Quantity {
        let format = isZero ? other.format : self.format
        if other.isZero {
            return Quantity(mantissa: mantissa, exponent: exponent, format: format)
        }
        if isZero {
            return Quantity(mantissa: other.mantissa, exponent: other.exponent, format: format)
        }
        let common = min(exponent, other.exponent)
        let lhs = try Quantity.aligned(mantissa, from: exponent, to: common)
        let rhs = try Quantity.aligned(other.mantissa, from: other.exponent, to: common)
        let (sum, overflowed) = lhs.addingReportingOverflow(rhs)
        guard !overflowed, sum != .min else { throw .overflow }
        return Quantity(mantissa: sum, exponent: common, format: format)
    }

    /// `self - other`, exactly, like upstream `Sub`; the format rule is the one of ``adding(_:)``.
    public func subtracting(_ other: Quantity) throws(QuantityError) -> Quantity {
        try adding(other.negated())
    }

    /// The value with its sign flipped, keeping the format. Never fails.
    public func negated() -> Quantity {
        var copy = self
        copy.negate()
        return copy
    }

    /// Adds `other` in place, like upstream `q.Add(y)`; on error `self` is left unchanged.
    public mutating func add(_ other: Quantity) throws(QuantityError) {
        self = try adding(other)
    }

    /// Subtracts `other` in place, like upstream `q.Sub(y)`; on error `self` is left unchanged.
    public mutating func sub(_ other: Quantity) throws(QuantityError) {
        self = try subtracting(other)
    }

    /// Flips the sign in place, like upstream `q.Neg()`.
    public mutating func negate() {
        // The mantissa is never Int128.min, so this cannot overflow.
        mantissa = -mantissa
    }

    /// Exact sum; throws ``QuantityError/overflow`` rather than trapping. Use as `try a + b`.
    public static func + (lhs: Quantity, rhs: Quantity) throws(QuantityError) -> Quantity {
        try lhs.adding(rhs)
    }

    /// Exact difference; throws ``QuantityError/overflow`` rather than trapping. Use as `try a - b`.
    public static func - (lhs: Quantity, rhs: Quantity) throws(QuantityError) -> Quantity {
        try lhs.subtracting(rhs)
    }

    /// The negated value (`-q`), keeping the format.
    public static prefix func - (operand: Quantity) -> Quantity {
        operand.negated()
    }

    /// `-1`, `0` or `1` as `self` is less than, equal to or greater than `other` by value,
    /// like upstream `Cmp`.
    public func compare(to other: Quantity) -> Int {
        if sign != other.sign {
            return sign < other.sign ? -1 : 1
        }
        if sign == 0 {
            return 0
        }
        let order = Quantity.compareMagnitudes(
            mantissa.magnitude, exponent, other.mantissa.magnitude, other.exponent
        )
        return sign > 0 ? order : -order
    }
}

// MARK: - Helpers shared by parsing, printing and arithmetic

extension Quantity {
    /// `10^0` through `10^38`, every power of ten that fits in `UInt128`.
    static let powersOfTen: [UInt128] = {
        var table: [UInt128] = [1]
        for _ in 1...38 {
            table.append(table[table.count - 1] * 10)
        }
        return table
    }()

    /// `value × 10^power`, or `nil` if it does not fit in `UInt128`.
    static func multiplyByPowerOfTen(_ value: UInt128, _ power: Int) -> UInt128? {
        if value == 0 { return 0 }
        guard power >= 0, power < powersOfTen.count else { return nil }
        let (product, overflowed) = value.multipliedReportingOverflow(by: powersOfTen[power])
        return overflowed ? nil : product
    }

    /// The number of decimal digits of a non-zero value.
    static func digitCount(_ value: UInt128) -> Int {
        var count = 1
        while count < powersOfTen.count, value >= powersOfTen[count] {
            count += 1
        }
        return count
    }

    /// Rescales a mantissa to a smaller exponent (`from >= to`) without changing its value.
    private static func aligned(_ mantissa: Int128, from: Int, to: Int) throws(QuantityError) -> Int128 {
        guard let magnitude = multiplyByPowerOfTen(mantissa.magnitude, from - to),
            let signed = Int128(exactly: magnitude)
        else { throw .overflow }
        return mantissa < 0 ? -signed : signed
    }

    /// Compares `a × 10^ea` with `b × 10^eb` for non-zero magnitudes, first by their number of
    /// integer digits and only then digit by digit, so huge exponent gaps never overflow.
    private static func compareMagnitudes(_ a: UInt128, _ ea: Int, _ b: UInt128, _ eb: Int) -> Int {
        let aTop = digitCount(a) + ea
        let bTop = digitCount(b) + eb
        if aTop != bTop {
            return aTop < bTop ? -1 : 1
        }
        if ea == eb {
            return a == b ? 0 : (a < b ? -1 : 1)
        }
        // Same leading position, so the exponent gap is below 39 digits: divide the one with
        // more digits down to the other's exponent and look at the remainder for the tie.
        if ea > eb {
            return -compareScaledDown(b, by: ea - eb, against: a)
        }
        return compareScaledDown(a, by: eb - ea, against: b)
    }

    /// Compares `value / 10^places` (exactly, via its remainder) with `other`.
    private static func compareScaledDown(_ value: UInt128, by places: Int, against other: UInt128) -> Int {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: powersOfTen[places])
        if quotient != other {
            return quotient < other ? -1 : 1
        }
        return remainder == 0 ? 0 : 1
    }
}
