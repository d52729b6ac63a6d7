// Printing quantities in Kubernetes' canonical form (upstream `CanonicalizeBytes`):
// no fractional digits, the largest suffix or exponent that loses nothing, and a sign only
// when negative.

extension Quantity: CustomStringConvertible {
    /// The canonical text, as upstream `Quantity.String()` computes it: `1.5Gi` → `1536Mi`,
    /// `0.1` → `100m`, `1000m` → `1`, `1e3` → `1e3`, `0` → `0`.
    ///
    /// Binary SI falls back to decimal SI when the value is below 1024 in magnitude or is not a
    /// whole number (`0.5Ki` → `512`, `1.1Ki` → `1126400m`), and decimal SI falls back to an
    /// exponent above `E` (`1000E` → `1e21`), both as upstream does.
    public var description: String {
        guard mantissa != 0 else { return "0" }
        if format == .binarySI, let text = binarySIText() {
            return text
        }
        return decimalText(exponentOnly: format == .decimalExponent)
    }

    /// `"<integer><Ki…Ei>"`, or `nil` when the value must be shown in decimal SI instead.
    private func binarySIText() -> String? {
        // A negative exponent means a fraction (the mantissa has no trailing zeros).
        guard exponent >= 0,
            let magnitude = Quantity.multiplyByPowerOfTen(mantissa.magnitude, exponent),
            magnitude >= 1024
        else { return nil }
        var amount = magnitude
        var steps = 0
        // Stop at Ei: upstream has no larger binary suffix.
        while steps < Quantity.binarySuffixes.count - 1, amount % 1024 == 0 {
            amount /= 1024
            steps += 1
        }
        return signText + String(amount) + Quantity.binarySuffixes[steps]
    }

    /// The mantissa with its exponent lowered to a multiple of three, then the matching SI
    /// suffix (or `e<power>` when `exponentOnly` or when no SI suffix exists).
    private func decimalText(exponentOnly: Bool) -> String {
        let power = Quantity.floorToMultipleOfThree(exponent)
        let zeros = String(repeating: "0", count: exponent - power)
        let number = signText + String(mantissa.magnitude) + zeros
        if !exponentOnly, let suffix = Quantity.decimalSuffixes[power] {
            return number + suffix
        }
        return power == 0 ? number : number + "e\(power)"
    }

    private var signText: String { mantissa < 0 ? "-" : "" }

    /// The largest multiple of three not above `value` (`-1` → `-3`, `5` → `3`).
    private static func floorToMultipleOfThree(_ value: Int) -> Int {
        let remainder = value % 3
        return remainder < 0 ? value - remainder - 3 : value - remainder
    }

    private static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    private static let decimalSuffixes: [Int: String] = [
        -9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E",
    ]
}
