// Parsing quantity strings the way `resource.ParseQuantity` does.
//
// Grammar (upstream's):
//   <quantity>        ::= <signedNumber><suffix>
//   <signedNumber>    ::= [+-]? ( <digits> | <digits>. | <digits>.<digits> | .<digits> )
//   <suffix>          ::= <binarySI> | <decimalSI> | <decimalExponent>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= ( e | E ) <signedNumber without a fraction>
//
// The text is first split like upstream's scanner (number, then suffix letters from
// "eEinumkKMGTP", an optional sign and digits); text that does not split that way gets
// `formatWrong`, a suffix that splits but means nothing gets `suffix`.

extension Quantity {
    /// Parses `text` (e.g. `"1.5Gi"`), throwing ``QuantityError`` with upstream's message when
    /// Kubernetes would reject it. Whitespace is not allowed anywhere.
    public init(parsing text: String) throws(QuantityError) {
        self = try Quantity.parse(text)
    }

    /// Parses `text`; the throwing counterpart of a string literal. See ``init(parsing:)``.
    public static func parse(_ text: String) throws(QuantityError) -> Quantity {
        if let quantity = commonSpelling(text) { return quantity }
        return try parseGenerally(text)
    }

    /// The spellings nearly every manifest uses — one to 18 digits without sign, point or
    /// leading zero, then nothing or one of `m k M G T Ki Mi Gi Ti` — read without the general
    /// scanner's allocations; nil for any other text. It gives what `parseGenerally` gives (a
    /// test compares the two over every such spelling of many numbers).
    static func commonSpelling(_ text: String) -> Quantity? {
        var text = text
        return text.withUTF8 { bytes -> Quantity? in
            var index = 0
            var value: Int64 = 0
            while index < bytes.count, index < 18, bytes[index] &- asciiZero < 10 {
                value = value * 10 + Int64(bytes[index] &- asciiZero)
                index += 1
            }
            guard index > 0, bytes[0] != asciiZero || index == 1 else { return nil }
            let suffixLength = bytes.count - index
            guard suffixLength <= 2 else { return nil }
            let first = suffixLength > 0 ? bytes[index] : 0
            if suffixLength == 2 {
                guard bytes[index + 1] == UInt8(ascii: "i") else { return nil }
                let power: Int
                switch first {
                case UInt8(ascii: "K"): power = 10
                case UInt8(ascii: "M"): power = 20
                case UInt8(ascii: "G"): power = 30
                case UInt8(ascii: "T"): power = 40
                default: return nil
                }
                // Binary-SI values are capped at 2^63-1, as upstream caps them.
                let product = UInt128(value) << power
                return Quantity(mantissa: Int128(min(product, binaryCap)), exponent: 0, format: .binarySI)
            }
            let power: Int
            switch first {
            case 0: power = 0
            case UInt8(ascii: "m"): power = -3
            case UInt8(ascii: "k"): power = 3
            case UInt8(ascii: "M"): power = 6
            case UInt8(ascii: "G"): power = 9
            case UInt8(ascii: "T"): power = 12
            default: return nil
            }
            return Quantity(mantissa: Int128(value), exponent: value == 0 ? 0 : power, format: .decimalSI)
        }
    }

    /// Parses `text` with upstream's scanner and arithmetic (see the grammar above).
    static func parseGenerally(_ text: String) throws(QuantityError) -> Quantity {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .formatWrong }
        let pieces = try Pieces(scanning: bytes)
        let unit = try Unit(suffix: pieces.suffix)
        guard pieces.hasDigits else {
            // "." alone: upstream's fast path reads it as zero, but its slow path (taken only
            // for exponents below nano) cannot parse a number without digits.
            if case .decimal(let power, _) = unit, power < -9 { throw .numeric }
            return Quantity(mantissa: 0, exponent: 0, format: unit.format)
        }
        return try makeQuantity(pieces, unit)
    }

    /// Combines the scanned digits with the unit: exact value, nano rounding, binary cap and
    /// upstream's format adjustments.
    private static func makeQuantity(_ pieces: Pieces, _ unit: Unit) throws(QuantityError) -> Quantity {
        var digits = Array(pieces.integerDigits) + Array(pieces.fractionDigits)
        var power10 = -pieces.fractionDigits.count
        let leadingZeros = digits.prefix(while: { $0 == asciiZero }).count
        digits.removeFirst(leadingZeros)
        guard !digits.isEmpty else {
            return Quantity(mantissa: 0, exponent: 0, format: unit.format)
        }
        let trailingZeros = digits.reversed().prefix(while: { $0 == asciiZero }).count
        digits.removeLast(trailingZeros)
        power10 += trailingZeros

        let magnitude: UInt128
        let exponent: Int
        var format = unit.format
        switch unit {
        case .decimal(let suffixPower, _):
            (magnitude, exponent) = try decimalMagnitude(digits, power10 + suffixPower)
        case .binary(let power2):
            (magnitude, exponent) = try binaryMagnitude(digits, power10, power2)
            if exponent < 0, magnitude < powersOfTen[-exponent] {
                // 0 < |value| < 1 has no binary-SI spelling; upstream switches to decimal SI.
                format = .decimalSI
            }
        }
        guard let signed = Int128(exactly: magnitude) else { throw .overflow }
        return Quantity(mantissa: pieces.negative ? -signed : signed, exponent: exponent, format: format)
    }

    /// `digits × 10^power`, rounded away from zero to a whole number of nanos when finer.
    /// `digits` has no leading or trailing zeros, so anything cut off is non-zero.
    private static func decimalMagnitude(_ digits: [UInt8], _ power: Int) throws(QuantityError) -> (UInt128, Int) {
        guard power < nanoPower else {
            return (try integer(digits[...]), power)
        }
        let dropped = nanoPower - power
        guard dropped < digits.count else { return (1, nanoPower) }
        let kept = try integer(digits.dropLast(dropped))
        guard kept < UInt128.max else { throw .overflow }
        return (kept + 1, nanoPower)
    }

    /// `digits × 10^power10 × 2^power2`, rounded away from zero to nanos and capped at 2^63-1 as
    /// upstream caps binary-SI quantities. Returns a magnitude and a power of ten.
    private static func binaryMagnitude(
        _ digits: [UInt8], _ power10: Int, _ power2: Int
    ) throws(QuantityError) -> (UInt128, Int) {
        let multiplier = UInt128(1) << power2
        // Whole part first: if it alone exceeds the cap, the fraction cannot matter.
        let wholeDigits = power10 >= 0 ? digits[...] : digits.dropLast(min(-power10, digits.count))
        guard wholeDigits.count + max(power10, 0) <= 19,
            let whole = multiplyByPowerOfTen(try integer(wholeDigits), max(power10, 0)),
            whole * multiplier <= binaryCap
        else { return (binaryCap, 0) }
        if power10 >= 0 {
            return (whole * multiplier, 0)
        }
        let product = try integer(digits[...]).multipliedFullWidth(by: multiplier)
        guard let nanos = nanosRoundedUp(product, fractionDigits: -power10),
            nanos <= binaryCap * UInt128(1_000_000_000)
        else { return (binaryCap, 0) }
        return (nanos, nanoPower)
    }

    /// `value / 10^fractionDigits` (`value` being a 256-bit high/low pair) expressed in nanos and
    /// rounded away from zero; `nil` when that does not fit in `UInt128`.
    private static func nanosRoundedUp(
        _ value: (high: UInt128, low: UInt128), fractionDigits: Int
    ) -> UInt128? {
        var (high, low) = value
        if fractionDigits <= -nanoPower {
            guard high == 0 else { return nil }
            return multiplyByPowerOfTen(low, -nanoPower - fractionDigits)
        }
        var remaining = fractionDigits + nanoPower
        var inexact = false
        while remaining > 0 {
            let step = min(remaining, powersOfTen.count - 1)
            let divisor = powersOfTen[step]
            guard high < divisor else { return nil }
            let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
            inexact = inexact || remainder != 0
            (high, low) = (0, quotient)
            remaining -= step
        }
        guard inexact else { return low }
        return low < UInt128.max ? low + 1 : nil
    }

    /// The decimal integer spelled by ASCII `digits`, or ``QuantityError/overflow``.
    private static func integer(_ digits: ArraySlice<UInt8>) throws(QuantityError) -> UInt128 {
        var result: UInt128 = 0
        for digit in digits {
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt128(digit - asciiZero))
            guard !overflow1, !overflow2 else { throw .overflow }
            result = sum
        }
        return result
    }

    /// Nano (10^-9) is the finest precision a parsed quantity keeps.
    private static let nanoPower = -9
    /// Largest binary-SI magnitude upstream keeps when parsing (`maxAllowed`, 2^63-1).
    private static let binaryCap = UInt128(Int64.max)
    private static let asciiZero = UInt8(ascii: "0")
}

// MARK: - Scanner

extension Quantity {
    /// A quantity string split into sign, digits and suffix, following upstream's scanner.
    private struct Pieces {
        var negative = false
        var integerDigits: ArraySlice<UInt8> = []
        var fractionDigits: ArraySlice<UInt8> = []
        var hasPoint = false
        var suffix: ArraySlice<UInt8> = []

        /// Whether there is at least one digit before the suffix.
        var hasDigits: Bool { !integerDigits.isEmpty || !fractionDigits.isEmpty }

        /// Splits `bytes`, throwing ``QuantityError/formatWrong`` when they do not match
        /// `^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$` in upstream's scanning order.
        init(scanning bytes: [UInt8]) throws(QuantityError) {
            var index = 0
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                index += 1
            }
            integerDigits = Pieces.run(of: Pieces.isDigit, in: bytes, from: &index)
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                hasPoint = true
                index += 1
                fractionDigits = Pieces.run(of: Pieces.isDigit, in: bytes, from: &index)
            }
            // The regex needs at least one of [0-9.]; upstream's scanner lets "Gi" or "-" through
            // as zero (kubernetes/apimachinery#165), Contain follows the documented regex.
            guard !integerDigits.isEmpty || hasPoint else { throw .formatWrong }
            let suffixStart = index
            _ = Pieces.run(of: Pieces.isSuffixLetter, in: bytes, from: &index)
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            _ = Pieces.run(of: Pieces.isDigit, in: bytes, from: &index)
            guard index == bytes.count else { throw .formatWrong }
            suffix = bytes[suffixStart...]
        }

        /// Advances `index` over bytes matching `predicate` and returns them.
        private static func run(
            of predicate: (UInt8) -> Bool, in bytes: [UInt8], from index: inout Int
        ) -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, predicate(bytes[index]) {
                index += 1
            }
            return bytes[start..<index]
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private static func isSuffixLetter(_ byte: UInt8) -> Bool {
            "eEinumkKMGTP".utf8.contains(byte)
        }
    }
}

// MARK: - Suffixes

extension Quantity {
    /// What a suffix multiplies the number by, and the format it implies.
    private enum Unit {
        /// `× 10^power`, written as decimal SI (`k`) or as an exponent (`e3`).
        case decimal(power: Int, format: Format)
        /// `× 2^power`, written as binary SI (`Ki` is 2^10).
        case binary(power: Int)

        /// The format a quantity with this suffix is printed in.
        var format: Format {
            switch self {
            case .decimal(_, let format): format
            case .binary: .binarySI
            }
        }

        /// Interprets a suffix as upstream's `quantitySuffixer.interpret` does.
        init(suffix bytes: ArraySlice<UInt8>) throws(QuantityError) {
            let text = String(decoding: bytes, as: UTF8.self)
            if let power = Unit.decimalPowers[text] {
                self = .decimal(power: power, format: .decimalSI)
            } else if let power = Unit.binaryPowers[text] {
                self = .binary(power: power)
            } else if bytes.count > 1, bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
                self = .decimal(power: try Unit.exponent(bytes.dropFirst()), format: .decimalExponent)
            } else {
                throw .suffix
            }
        }

        /// Parses the signed integer after `e`/`E`. Upstream accepts any `int64` here and then
        /// silently truncates it to `int32`; Contain rejects what does not fit in `Int32`.
        private static func exponent(_ bytes: ArraySlice<UInt8>) throws(QuantityError) -> Int {
            var digits = bytes
            var negative = false
            if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { throw .suffix }
            var magnitude = 0
            for byte in digits {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .suffix }
                magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
                guard magnitude <= Int(Int32.max) + 1 else { throw .suffix }
            }
            let value = negative ? -magnitude : magnitude
            guard Int32(exactly: value) != nil else { throw .suffix }
            return value
        }

        private static let decimalPowers: [String: Int] = [
            "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
        ]

        private static let binaryPowers: [String: Int] = [
            "Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60,
        ]
    }
}
