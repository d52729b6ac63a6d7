@testable import ContainModel
import Testing

/// `Quantity.commonSpelling` reads the usual spellings without the general scanner; wherever it
/// gives a quantity, `parseGenerally` gives the same mantissa, exponent and format.
@Suite struct QuantityCommonSpellingTests {
    static let suffixes = ["", "m", "k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti", "P", "E", "Ei", "u", "n", "e3", "K", "mi", "Mx", "i", "kk"]

    static func numbers() -> [String] {
        var numbers = (0...1_100).map(String.init)
        var rng = SplitMix64(state: 0x0A17_0006)
        for digits in 1...20 {
            for _ in 0..<40 {
                numbers.append(String((0..<digits).map { index in
                    Character(String(index == 0 ? 1 + rng.next() % 9 : rng.next() % 10))
                }))
            }
            numbers.append(String(repeating: "9", count: digits))
            numbers.append("1" + String(repeating: "0", count: digits - 1))
        }
        numbers += ["007", "00", "0.5", "1.", ".5", "-1", "+1", "9223372036854775807", "8796093022208", "8796093022207"]
        return numbers
    }

    @Test func commonSpellingsParseAsTheGeneralScannerParsesThem() {
        var common = 0
        var total = 0
        for number in Self.numbers() {
            for suffix in Self.suffixes {
                let text = number + suffix
                total += 1
                guard let fast = Quantity.commonSpelling(text) else { continue }
                common += 1
                guard let general = try? Quantity.parseGenerally(text) else {
                    Issue.record("\(text): read as \(fast), refused by the general scanner")
                    continue
                }
                #expect(fast.mantissa == general.mantissa && fast.exponent == general.exponent && fast.format == general.format,
                        "\(text): \(fast) vs \(general)")
            }
        }
        print("quantities: \(common) of \(total) spellings read the common way, all as the general scanner reads them")
        #expect(common > 10_000)
        #expect(Quantity.commonSpelling("1.5Gi") == nil && Quantity.commonSpelling("-1") == nil && Quantity.commonSpelling("1e3") == nil)
        #expect(Quantity.commonSpelling("100Ti")?.description == "100Ti")
        #expect(Quantity.commonSpelling("99999999999999999Ti")?.description == (try? Quantity.parseGenerally("99999999999999999Ti"))?.description)
    }
}
