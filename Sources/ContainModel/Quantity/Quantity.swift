/// A Kubernetes resource quantity such as `500m`, `1.5Gi` or `12e6`, with the semantics of
/// `k8s.io/apimachinery/pkg/api/resource.Quantity`.
///
/// The value is an exact decimal: a signed integer mantissa times a power of ten. Nothing in
/// parsing, comparison, arithmetic or printing goes through floating point, so `0.1 + 0.2` is
/// exactly `300m`, as in Kubernetes.
///
/// Kubernetes rules this type follows:
/// - Parsing keeps precision down to nano (`1n`); a finer non-zero value is rounded away from
///   zero, so `0.9n` becomes `1n` and `-3.001n` becomes `-4n`.
/// - The suffix decides the ``Format`` used when printing; `description` prints the canonical
///   form (`1.5Gi` → `1536Mi`, `0.1` → `100m`, `1000m` → `1`).
/// - A binary-SI (`Ki`…`Ei`) value is capped at 2^63-1 when parsed, and one strictly between
///   0 and 1 in magnitude is parsed as decimal SI.
/// - Equality, hashing and ordering look at the value only: `1000m == 1` and `1Ki == 1024`.
///
/// The mantissa holds up to 38 significant decimal digits and the exponent is unbounded for
/// practical purposes; anything needing more digits is reported as ``QuantityError/overflow``
/// rather than rounded or trapped on.
public struct Quantity: Sendable {
    /// How a quantity is written out; it is remembered from the suffix it was parsed with.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        /// Powers of ten written as an exponent, e.g. `12e6`, `5e-3`.
        case decimalExponent = "DecimalExponent"
        /// Powers of 1024 with `Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`, e.g. `12Mi`.
        case binarySI = "BinarySI"
        /// Powers of 1000 with `n`, `u`, `m`, (none), `k`, `M`, `G`, `T`, `P`, `E`, e.g. `12M`.
        case decimalSI = "DecimalSI"
    }

    /// The signed significand, with its trailing decimal zeros moved into `exponent`.
    /// Never `Int128.min`, so negation cannot trap; zero is always stored as `(0, 0)`.
    var mantissa: Int128
    /// The power of ten the mantissa is multiplied by.
    var exponent: Int

    /// The notation `description` uses. Changing it never changes the value, exactly like
    /// assigning `Quantity.Format` in Kubernetes.
    public var format: Format

    /// Builds a quantity from a mantissa and exponent, normalising away trailing zeros so that
    /// equal values always have equal stored parts (which is what `==` and `hash` rely on).
    init(mantissa: Int128, exponent: Int, format: Format) {
        var mantissa = mantissa
        var exponent = exponent
        if mantissa == 0 {
            exponent = 0
        } else {
            while mantissa % 10 == 0 {
                mantissa /= 10
                exponent += 1
            }
        }
        self.mantissa = mantissa
        self.exponent = exponent
        self.format = format
    }

    /// The zero quantity, printed as `0`.
    public static let zero = Quantity(mantissa: 0, exponent: 0, format: .decimalSI)

    /// A whole number of units, like upstream `NewQuantity(value, format)`:
    /// `Quantity(1024, format: .binarySI)` prints `1Ki`.
    public init(_ value: Int64, format: Format = .decimalSI) {
        self.init(mantissa: Int128(value), exponent: 0, format: format)
    }

    /// A number of thousandths, like upstream `NewMilliQuantity`: `Quantity(milliValue: 1500)`
    /// prints `1500m`. Handy for CPU, which Kubernetes counts in millicores.
    public init(milliValue: Int64, format: Format = .decimalSI) {
        self.init(mantissa: Int128(milliValue), exponent: -3, format: format)
    }

    /// `value × 10^scale`, like upstream `NewScaledQuantity`: `Quantity(scaledValue: 5, scale: -9)`
    /// is `5n`. The scale is not rounded to nano; only parsing does that.
    public init(scaledValue value: Int64, scale: Int32, format: Format = .decimalSI) {
        self.init(mantissa: Int128(value), exponent: Int(scale), format: format)
    }

    /// Whether the value is zero (in any format).
    public var isZero: Bool { mantissa == 0 }

    /// `-1`, `0` or `1` as the value is negative, zero or positive.
    public var sign: Int { mantissa == 0 ? 0 : (mantissa < 0 ? -1 : 1) }
}

// MARK: - Errors

/// Why a string is not a quantity, or why a result cannot be represented.
///
/// The parse messages are upstream's (`ErrFormatWrong`, `ErrNumeric`, `ErrSuffix`) word for word,
/// so Contain reports the same text a Kubernetes API server would.
public struct QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The human-readable reason.
    public let message: String

    /// Creates an error with the given message.
    public init(message: String) {
        self.message = message
    }

    /// The message, so the error prints exactly as Kubernetes words it.
    public var description: String { message }

    /// The text does not have the shape of a quantity (upstream `ErrFormatWrong`).
    public static let formatWrong = QuantityError(
        message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    )

    /// The number before the suffix has no digits where a digit is needed (upstream `ErrNumeric`).
    public static let numeric = QuantityError(message: "unable to parse numeric part of quantity")

    /// The suffix is not a known unit or a valid exponent (upstream `ErrSuffix`).
    public static let suffix = QuantityError(message: "unable to parse quantity's suffix")

    /// The value needs more than the 38 significant digits Contain keeps exactly. Upstream has no
    /// such limit (it uses arbitrary precision), so this replaces silent growth with an error.
    public static let overflow = QuantityError(
        message: "quantity needs more than 38 significant decimal digits and cannot be represented exactly"
    )
}

// MARK: - Equality, hashing, ordering

extension Quantity: Hashable, Comparable {
    /// Equal when the values are equal, whatever the format: `1000m == 1`, `1Ki == 1024`.
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.mantissa == rhs.mantissa && lhs.exponent == rhs.exponent
    }

    /// Hashes the value only, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(mantissa)
        hasher.combine(exponent)
    }

    /// Orders by value: `1G < 1Gi`, `-2 < -1`.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.compare(to: rhs) < 0
    }
}

// MARK: - String literal

extension Quantity: ExpressibleByStringLiteral {
    /// Parses a literal written in code, e.g. `let limit: Quantity = "512Mi"`.
    ///
    /// A malformed literal is a programming error and traps; use ``init(parsing:)`` or
    /// ``parse(_:)`` for text that comes from users, files or the network.
    public init(stringLiteral value: String) {
        do {
            self = try Quantity.parse(value)
        } catch {
            preconditionFailure("invalid Quantity literal \"\(value)\": \(error.message)")
        }
    }
}

// MARK: - Codable

extension Quantity: Codable {
    /// Encodes the canonical string (`"1536Mi"`), as Kubernetes' `MarshalJSON` does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes like Kubernetes' `UnmarshalJSON`: a string (surrounding whitespace ignored), or an
    /// unquoted number such as `1` or `0.5`, or `null` (which yields zero).
    ///
    /// A number is read as `Int64` first and otherwise as `Double`, whose shortest round-trip
    /// text is then parsed, so `0.1` becomes exactly `100m`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .zero
            return
        }
        let text: String
        if let string = try? container.decode(String.self) {
            text = Quantity.trimmingWhitespace(string)
        } else if let integer = try? container.decode(Int64.self) {
            text = String(integer)
        } else if let double = try? container.decode(Double.self) {
            text = double.description
        } else {
            throw DecodingError.typeMismatch(
                Quantity.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected a quantity string or number")
            )
        }
        do {
            self = try Quantity.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message)
            )
        }
    }

    /// Drops leading and trailing whitespace, as Go's `strings.TrimSpace` does before parsing.
    static func trimmingWhitespace(_ text: String) -> String {
        // Almost every quantity has nothing to trim: check the ends before building anything.
        // Only bytes outside printable ASCII can be (or start) whitespace.
        func mayBeSpace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte >= 0x7F }
        guard let first = text.utf8.first, let last = text.utf8.last, mayBeSpace(first) || mayBeSpace(last) else { return text }
        let head = text.drop(while: \.isWhitespace)
        let tail = head.reversed().drop(while: \.isWhitespace)
        return String(tail.reversed())
    }
}

// MARK: - Conversions

extension Quantity {
    /// The value rounded away from zero to a whole number, like upstream `Value()`:
    /// `1.2` → 2, `-1.2` → -2. Saturates at `Int64.min`/`Int64.max` instead of overflowing.
    public var value: Int64 { scaledValue(scale: 0) }

    /// The value in thousandths, rounded away from zero, like upstream `MilliValue()`:
    /// `1` → 1000, `1n` → 1. Saturates at `Int64.min`/`Int64.max` instead of overflowing.
    public var milliValue: Int64 { scaledValue(scale: -3) }

    /// The value divided by `10^scale`, rounded away from zero, like upstream `ScaledValue`:
    /// `scaledValue(scale: -9)` is the value in nano units. Saturates instead of overflowing.
    public func scaledValue(scale: Int) -> Int64 {
        guard mantissa != 0 else { return 0 }
        let (difference, overflowed) = exponent.subtractingReportingOverflow(scale)
        let shift = overflowed ? (scale > 0 ? Int.min : Int.max) : difference
        let magnitude = Quantity.roundedAwayFromZero(mantissa.magnitude, shiftedBy: shift)
        return Quantity.saturatingInt64(magnitude: magnitude, negative: mantissa < 0)
    }

    /// The value as an `Int64` when it is a whole number that fits, else `nil`. Unlike
    /// ``value`` this never rounds or saturates, so it suits exact checks.
    public var asInt64: Int64? {
        guard exponent >= 0 else { return nil }
        guard let magnitude = Quantity.multiplyByPowerOfTen(mantissa.magnitude, exponent) else { return nil }
        guard let signed = Int128(exactly: magnitude) else { return nil }
        return Int64(exactly: mantissa < 0 ? -signed : signed)
    }

    /// The value as a `Double`, possibly inexact (like upstream `AsApproximateFloat64`); values
    /// beyond `Double`'s range become ±infinity. Use for display and ratios, never for limits.
    public var asApproximateDouble: Double {
        var result = Double(mantissa)
        var remaining = exponent.magnitude
        while remaining > 0 {
            let step = min(remaining, 300)
            let factor = Double("1e\(step)") ?? .infinity
            result = exponent > 0 ? result * factor : result / factor
            remaining -= step
        }
        return result
    }

    /// `magnitude × 10^shift`, rounded away from zero when `shift` is negative; `nil` when the
    /// product does not fit in `UInt128`.
    private static func roundedAwayFromZero(_ magnitude: UInt128, shiftedBy shift: Int) -> UInt128? {
        if shift >= 0 {
            return multiplyByPowerOfTen(magnitude, shift)
        }
        let places = shift.magnitude
        guard places < UInt(powersOfTen.count) else { return 1 }  // |value| < 1 ulp: rounds to 1
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: powersOfTen[Int(places)])
        return remainder == 0 ? quotient : quotient + 1
    }

    /// Converts a sign and magnitude to `Int64`, clamping to its range (`nil` means "too big").
    private static func saturatingInt64(magnitude: UInt128?, negative: Bool) -> Int64 {
        let limit = negative ? UInt128(Int64.max) + 1 : UInt128(Int64.max)
        guard let magnitude, magnitude <= limit else { return negative ? .min : .max }
        let signed = Int128(magnitude)
        return Int64(negative ? -signed : signed)
    }
}
