import Foundation
import Testing

import ContainModel

/// Tests for `Quantity`. Expectations come from upstream's own tests in
/// k8s.io/apimachinery/pkg/api/resource/quantity_test.go (each group names the Go test it was
/// taken from) and from the documented behaviour in quantity.go.
@Suite("Quantity")
struct QuantityTests {
    // MARK: - Canonical form

    /// Input text → canonical `description`.
    static let canonicalCases: [(String, String)] =
        // TestQuantityParseEmit
        [
            ("1Ki", "1Ki"), ("1Mi", "1Mi"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"),
            (".001Ki", "1024m"), (".000001Ki", "1024u"), (".000000001Ki", "1024n"),
            (".000000000001Ki", "2n"),
        ]
        // TestQuantityParseEmit, negated half ("-" + input must print "-" + expected)
        + [
            ("-1Ki", "-1Ki"), ("-1024Mi", "-1Gi"), ("-1000M", "-1G"), ("-.001Ki", "-1024m"),
            ("-.000000000001Ki", "-2n"),
        ]
        // TestQuantityString: every canonical string parses back to itself
        + [
            "1Gi", "300Mi", "6Ki", "1001Gi", "1Ti", "5", "500m", "1G", "1m", "80m", "1080m", "300M",
            "1T", "1E", "1234567M", "1234567m", "3k", "1025", "0", "1e9", "1e-3", "1e-9", "80e-3",
            "300e6", "1e12", "1e3", "3e3", "1n", "80n", "1080n", "1u", "80u", "1080u",
        ].map { ($0, $0) }
        // TestQuantityString: the "alternate" spellings print the canonical one
        + [
            ("307200Ki", "300Mi"), ("1025024Mi", "1001Gi"), ("1024Gi", "1Ti"), ("5000m", "5"),
            ("0.5", "500m"), ("0.001T", "1G"), ("1000u", "1m"), ("1.08", "1080m"),
            ("1080000000n", "1080m"), ("1000E", "1e21"), ("5000E", "5e21"), ("1000000E", "1e24"),
            (".001e12", "1e9"), ("0.001e0", "1e-3"), ("1000e-12", "1e-9"), ("00", "0"),
        ]
        // TestParseQuantity (values around 18/19/20 digits and int64's limits)
        + [
            ("999999999999999999.1", "999999999999999999100m"),
            ("-999999999999999999.1", "-999999999999999999100m"),
            ("9999999999999999999", "9999999999999999999"),
            ("1000000000000000000", "1E"), ("-1000000000000000000", "-1E"), ("1.0E", "1E"),
            ("9999999999999999999000m", "9999999999999999999"),
            ("10000000000000000000", "10E"), ("-10000000000000000000000m", "-10E"),
            ("1.0000000000000000001E", "1000000000000000000100m"),
            ("1.000000000000000001E", "1000000000000000001"),
            ("-10.000000000000000001E", "-10000000000000000001"),
            ("9223372036854775807", "9223372036854775807"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("9223372036854775808.1", "9223372036854775808100m"),
        ]
        // Documented in quantity.go's Quantity comment
        + [
            ("1.5", "1500m"), ("1.5Gi", "1536Mi"), ("1.2345", "1234500u"), ("0.9n", "1n"),
            ("18446744073709551616", "18446744073709551616"),
        ]
        // Worked through CanonicalizeBytes (quantity.go) and the suffixer (suffix.go); an
        // exponent-format input stays in exponent form, so 5e-3 is not printed as 5m.
        + [
            ("5e-3", "5e-3"), ("1.1", "1100m"), ("12e6", "12e6"), ("1k", "1k"), ("100M", "100M"),
            ("0.5Gi", "512Mi"), ("1024Ki", "1Mi"), ("0.1", "100m"), ("1000m", "1"),
            ("-1.5Gi", "-1536Mi"), ("1.5Ki", "1536"), ("1.1Ki", "1126400m"), ("0.5Ki", "512"),
            ("100.035Ki", "102435840m"), ("12E", "12E"), ("0.5e-1", "50e-3"),
        ]

    @Test("prints upstream's canonical form", arguments: canonicalCases)
    func canonicalForm(input: String, expected: String) throws {
        let quantity = try Quantity.parse(input)
        #expect(quantity.description == expected)
        // The canonical text must mean the same value.
        #expect(try Quantity.parse(expected) == quantity)
    }

    /// Upstream's ParseQuantity caches the input text as the String() result when it merely looks
    /// canonical, so Go echoes "+1", "1E3", "01" and "1.500k" back verbatim (reported upstream as
    /// kubernetes/kubernetes#138165). Contain always prints what CanonicalizeBytes computes.
    @Test(
        "prints the computed canonical form where upstream echoes its cached input",
        arguments: [("+1", "1"), ("1E3", "1e3"), ("01", "1"), ("1.500k", "1500"), ("1.001", "1001m"), ("1e0", "1")]
    )
    func noEchoedInput(input: String, expected: String) throws {
        #expect(try Quantity.parse(input).description == expected)
    }

    @Test("has at least 60 canonical cases")
    func canonicalTableSize() {
        #expect(Self.canonicalCases.count >= 60)
    }

    // MARK: - Parsed value and format

    /// TestQuantityParse: input → exact value (as plain decimal text) and remembered format.
    static let parsedValueCases: [(String, String, Quantity.Format)] = [
        ("0Ki", "0", .binarySI), ("0k", "0", .decimalSI), ("0", "0", .decimalSI),
        ("1Ki", "1024", .binarySI), ("3Ei", "3458764513820540928", .binarySI),
        ("5n", "0.000000005", .decimalSI), ("50k", "50000", .decimalSI),
        ("1E-3", "0.001", .decimalExponent), ("1e15", "1000000000000000", .decimalExponent),
        ("100.035k", "100035", .decimalSI), ("0.0005k", "0.5", .decimalSI),
        ("0.5e-2", "0.005", .decimalExponent), ("1.3E+6", "1300000", .decimalExponent),
        ("6.987654321G", "6987654321", .decimalSI),
        // Things that saturate/round
        ("3.001n", "0.000000004", .decimalSI), ("1.1E-9", "0.000000002", .decimalExponent),
        ("0.0000000005", "0.000000001", .decimalSI), ("0.5e-9", "0.000000001", .decimalExponent),
        ("0.9n", "0.000000001", .decimalSI), ("0.00000012354", "0.000000124", .decimalSI),
        ("9Ei", "9223372036854775807", .binarySI),
        ("9223372036854775807Ki", "9223372036854775807", .binarySI),
        ("12E", "12000000000000000000", .decimalSI),
        // Fractional binary
        ("100.035Ki", "102435.84", .binarySI), ("0.5Mi", "524288", .binarySI),
        ("0.05Gi", "53687091.2", .binarySI), ("0.025Ti", "27487790694.4", .binarySI),
        // "Things written by trolls"
        ("0.000000000001Ki", "0.000000002", .decimalSI), (".001", "0.001", .decimalSI),
        (".0001k", "0.1", .decimalSI), ("1.", "1", .decimalSI), ("1.G", "1000000000", .decimalSI),
    ]

    @Test("parses to upstream's value and format, also with an explicit sign", arguments: parsedValueCases)
    func parsedValue(input: String, plainValue: String, format: Quantity.Format) throws {
        let expected = try Quantity.parse(plainValue)
        let parsed = try Quantity.parse(input)
        #expect(parsed == expected)
        #expect(parsed.format == format)

        let negative = try Quantity.parse("-" + input)
        #expect(negative == -expected)
        #expect(negative.format == format)

        let positive = try Quantity.parse("+" + input)
        #expect(positive == expected)
        #expect(positive.format == format)
    }

    /// TestParseQuantityString: a lone "." (optionally signed) is the number zero.
    @Test("accepts a bare decimal point as zero", arguments: [".", "-.", "+.", ".Ki", "-0", "000"])
    func bareDecimalPoint(input: String) throws {
        let quantity = try Quantity.parse(input)
        #expect(quantity.isZero)
        #expect(quantity.description == "0")
    }

    // MARK: - Rejected input

    static let formatWrong = QuantityError.formatWrong.message
    static let suffixWrong = QuantityError.suffix.message

    /// Input → upstream's error message.
    static let invalidCases: [(String, String)] =
        // TestQuantityParse invalid table, and its empty-string check
        [
            ("1.1.M", formatWrong), ("1+1.0M", formatWrong), ("0.1mi", suffixWrong),
            ("0.1am", formatWrong), ("aoeu", formatWrong), (".5i", suffixWrong), ("1i", suffixWrong),
            ("-3.01i", suffixWrong), ("-3.01e-", suffixWrong), (" 1", formatWrong), ("1 ", formatWrong),
            ("", formatWrong),
        ]
        // TestQuantityParseNonNumericPanic, TestQuantityValueSet
        + [("Non-Numeric", formatWrong), ("invalid", formatWrong)]
        // Traced through upstream's parseQuantityString / suffixer
        + [
            ("1.5.5", formatWrong), ("1KiB", formatWrong), ("1 Gi", formatWrong), ("1KI", formatWrong),
            ("1e3.5", formatWrong), ("1e3e3", formatWrong), ("1e", suffixWrong), ("1ki", suffixWrong),
            ("1E+", suffixWrong), ("1Mi2", suffixWrong), ("1e99999999999999999999", suffixWrong),
            ("1-", suffixWrong), (".e-10", QuantityError.numeric.message),
        ]

    @Test("rejects what Kubernetes rejects, with upstream's message", arguments: invalidCases)
    func rejectsInvalid(input: String, message: String) {
        #expect(throws: QuantityError(message: message)) {
            try Quantity.parse(input)
        }
    }

    /// Upstream's scanner lets a number without digits through as zero
    /// (kubernetes/apimachinery#165); Contain follows upstream's documented regular expression,
    /// which needs at least one of [0-9.], and rejects them.
    @Test("rejects a suffix or sign without a number", arguments: ["Gi", "-", "+", "k", "e3", "-Mi"])
    func rejectsMissingNumber(input: String) {
        #expect(throws: QuantityError.formatWrong) {
            try Quantity.parse(input)
        }
    }

    /// Upstream truncates an int64 exponent to int32 silently; Contain refuses instead.
    @Test("rejects exponents outside Int32")
    func rejectsHugeExponent() throws {
        #expect(throws: QuantityError.suffix) { try Quantity.parse("1e2147483648") }
        #expect(try Quantity.parse("1e2147483647").description == "10e2147483646")
        #expect(try Quantity.parse("1e-2147483648") == Quantity("1n"))
    }

    @Test("reports values beyond 38 significant digits as overflow, not a crash")
    func parseOverflow() {
        #expect(throws: QuantityError.overflow) {
            try Quantity.parse("123456789012345678901234567890123456789012")
        }
        #expect(throws: QuantityError.overflow) {
            try Quantity.parse("1234567890123456789012345678901.234567891")
        }
    }

    @Test("throwing initialiser matches parse")
    func initParsing() throws {
        #expect(try Quantity(parsing: "1.5Gi") == Quantity.parse("1536Mi"))
        #expect(throws: QuantityError.formatWrong) { try Quantity(parsing: "1 Gi") }
    }

    // MARK: - Constructors

    /// TestNewSet, TestMilliNewSet (an invalid format there defaults to DecimalExponent), TestNewScaledSet.
    @Test("integer, milli and scaled initialisers print like upstream")
    func constructors() {
        #expect(Quantity(1).description == "1")
        #expect(Quantity(1000).description == "1k")
        #expect(Quantity(1_234_000).description == "1234k")
        #expect(Quantity(1024, format: .binarySI).description == "1Ki")
        #expect(Quantity(1_000_000, format: .decimalExponent).description == "1e6")
        #expect(Quantity(1024 * 1024, format: .binarySI).description == "1Mi")

        #expect(Quantity(milliValue: 1).description == "1m")
        #expect(Quantity(milliValue: 1000).description == "1")
        #expect(Quantity(milliValue: 1_234_000).description == "1234")
        #expect(Quantity(milliValue: 1024, format: .binarySI).description == "1024m")
        #expect(Quantity(milliValue: 1_000_000, format: .decimalExponent).description == "1e3")
        #expect(Quantity(milliValue: 1024 * 1024, format: .binarySI).description == "1048576m")

        #expect(Quantity(scaledValue: 1, scale: -9).description == "1n")
        #expect(Quantity(scaledValue: 1000, scale: -9).description == "1u")
        #expect(Quantity(scaledValue: 1000, scale: -6).description == "1m")
        #expect(Quantity(scaledValue: 1000, scale: -3).description == "1")
        #expect(Quantity(scaledValue: 0, scale: -9).description == "0")
    }

    /// TestQuantityString: decimal SI above E falls back to an exponent; binary SI below 1024 or
    /// with a fraction prints as decimal SI.
    @Test("format fallbacks")
    func formatFallbacks() {
        #expect(Quantity(scaledValue: 1, scale: 21).description == "1e21")
        #expect(Quantity(scaledValue: 5, scale: 21).description == "5e21")
        #expect(Quantity(5, format: .binarySI).description == "5")
        #expect(Quantity(milliValue: 500, format: .binarySI).description == "500m")
        #expect(Quantity(milliValue: 1_234_567, format: .binarySI).description == "1234567m")
        #expect(Quantity(1025, format: .binarySI).description == "1025")
        #expect(Quantity(scaledValue: 80, scale: -3, format: .decimalExponent).description == "80e-3")
        #expect(Quantity(0, format: .decimalExponent).description == "0")
    }

    // MARK: - Comparison

    /// TestQuantityCmp plus the brief's cases.
    static let comparisonCases: [(String, String, Int)] = [
        ("0", "0", 0), ("100m", "50m", 1), ("50m", "100m", -1), ("10000T", "100Gi", 1),
        ("1Gi", "1G", 1), ("1000m", "1", 0), ("1Ki", "1024", 0), ("1k", "1Ki", -1),
        ("-1", "-2", 1), ("-1Gi", "-1G", -1), ("-1n", "0", -1), ("1n", "-1E", 1),
        ("1e21", "999E", 1), ("1e-3", "1m", 0), ("0.5", "512m", -1),
        ("9223372036854775808", "9223372036854775807", 1),
        ("12e500", "1e501", 1), ("1n", "1e-100", 0),
    ]

    @Test("compares by value", arguments: comparisonCases)
    func comparison(lhs: String, rhs: String, order: Int) throws {
        let a = try Quantity.parse(lhs)
        let b = try Quantity.parse(rhs)
        #expect(a.compare(to: b) == order)
        #expect(b.compare(to: a) == -order)
        #expect((a < b) == (order < 0))
        #expect((a == b) == (order == 0))
        #expect((a > b) == (order > 0))
    }

    @Test("equal values hash alike whatever their format")
    func hashing() throws {
        let values = try ["1Ki", "1024", "1k", "1000", "1000000m", "1e3"].map(Quantity.parse)
        #expect(Set(values).count == 2)
        let sorted = try ["1Gi", "-1", "1G", "-1Gi", "0", "500m"].map(Quantity.parse).sorted()
        #expect(sorted.map(\.description) == ["-1Gi", "-1", "0", "500m", "1G", "1Gi"])
    }

    @Test("isZero and sign")
    func zeroAndSign() throws {
        #expect(try Quantity.parse("0Ki").isZero)
        #expect(try Quantity.parse("-0.0").sign == 0)
        #expect(try Quantity.parse("-1n").sign == -1)
        #expect(try Quantity.parse("3Mi").sign == 1)
        #expect(try !Quantity.parse("1n").isZero)
    }

    // MARK: - Arithmetic

    @Test("adds exactly")
    func exactAddition() throws {
        let sum = try Quantity("0.1") + Quantity("0.2")
        #expect(sum == Quantity("300m"))
        #expect(sum.description == "300m")

        let memory = try Quantity("1Gi") + Quantity("512Mi")
        #expect(memory == Quantity("1536Mi"))
        #expect(memory.description == "1536Mi")

        var total = Quantity.zero
        for _ in 0..<10 { try total.add("100m") }
        #expect(total.description == "1")
    }

    /// TestAdd / TestSub: the result keeps the receiver's format unless the receiver is zero.
    @Test("keeps the receiver's format")
    func mixedFormats() throws {
        let binary = try Quantity("1Ki") + Quantity("1024")
        #expect(binary.format == .binarySI)
        #expect(binary.description == "2Ki")

        let decimal = try Quantity("1024") + Quantity("1Ki")
        #expect(decimal.format == .decimalSI)
        #expect(decimal.description == "2048")

        #expect(try (Quantity(10) + Quantity(scaledValue: 1, scale: 1)) == Quantity(20))
        #expect(try (Quantity(10) + Quantity(1, format: .binarySI)).format == .decimalSI)
        #expect(try (Quantity(10, format: .binarySI) + Quantity(1)).format == .binarySI)
        #expect(try (Quantity(10) - Quantity(1, format: .binarySI)) == Quantity(9))
        #expect(try (Quantity(10, format: .binarySI) - Quantity(1)).format == .binarySI)
    }

    /// TestQuantityAddZeroPreservesSuffix, TestQuantitySubZeroPreservesSuffix.
    @Test("adding or subtracting zero keeps the suffix", arguments: ["100m", "1Gi"])
    func zeroPreservesSuffix(text: String) throws {
        let value = try Quantity.parse(text)
        #expect(try (value + .zero).description == text)
        #expect(try (Quantity.zero + value).description == text)
        #expect(try (value - .zero).description == text)
        #expect(try (Quantity.zero - value).description == "-" + text)
    }

    @Test("subtracts to negative values")
    func subtraction() throws {
        #expect(try (Quantity("100m") - Quantity("1")).description == "-900m")
        #expect(try (Quantity("1Gi") - Quantity("2Gi")).description == "-1Gi")
        #expect(try (Quantity("1") - Quantity("1000m")).isZero)

        var remaining: Quantity = "2"
        try remaining.sub("2500m")
        #expect(remaining.description == "-500m")
        #expect(remaining < .zero)
    }

    /// TestQuantityNeg, TestNegAndSubAtMostNegative, TestSubMostNegativeCrossScale,
    /// TestZeroSubMostNegativeInheritsFormat.
    @Test("negation, including Int64.min")
    func negation() throws {
        #expect(Quantity(scaledValue: 901, scale: -2).negated().description == "-9010m")
        #expect((-Quantity("1Ki")).description == "-1Ki")

        var most = Quantity(Int64.min)
        most.negate()
        #expect(most.description == "9223372036854775808")
        #expect(try (Quantity.zero - Quantity(Int64.min)).description == "9223372036854775808")
        #expect(try (Quantity(1) - Quantity(Int64.min)).description == "9223372036854775809")
        #expect(Quantity(scaledValue: Int64.min, scale: -3).negated().description == "9223372036854775808m")
        #expect(try (Quantity(scaledValue: 10, scale: 0) - Quantity(Int64.min)).description == "9223372036854775818")

        let binary = try Quantity.zero - Quantity(Int64.min, format: .binarySI)
        #expect(binary.format == .binarySI)
        #expect(binary.description == "8Ei")
    }

    @Test("overflowing arithmetic throws instead of trapping")
    func arithmeticOverflow() throws {
        let huge: Quantity = "1e30"
        #expect(throws: QuantityError.overflow) { try huge + Quantity("1n") }
        #expect(throws: QuantityError.overflow) { try Quantity("1n") - huge }
        var unchanged = huge
        #expect(throws: QuantityError.overflow) { try unchanged.add("1n") }
        #expect(unchanged == huge)
        // Still exact right up to 38 digits.
        let edge = try Quantity("1e28") + Quantity("1n")
        #expect(edge.description == "10000000000000000000000000000000000001e-9")  // receiver "1e28" is DecimalExponent
    }

    // MARK: - Conversions

    /// TestQuantityRoundUp, TestScaledValue and TestNewScaledSet: round away from zero.
    static let integerCases: [(String, Int64, Int64)] = [
        ("0", 0, 0), ("1n", 1, 1), ("1u", 1, 1), ("1m", 1, 1), ("1", 1, 1000),
        ("9.01", 10, 9010), ("-9.01", -10, -9010), ("1.5", 2, 1500), ("0.0001", 1, 1),
        ("-0.0001", -1, -1), ("1234m", 2, 1234), ("1Mi", 1_048_576, 1_048_576_000),
        ("9223372036854775807", .max, .max), ("-9223372036854775808", .min, .min),
        ("1e30", .max, .max), ("-1e30", .min, .min),
    ]

    @Test("value and milliValue round away from zero and saturate", arguments: integerCases)
    func integerValues(text: String, value: Int64, milliValue: Int64) throws {
        let quantity = try Quantity.parse(text)
        #expect(quantity.value == value)
        #expect(quantity.milliValue == milliValue)
    }

    /// TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to).
    static let scaledValueCases: [(Int32, Int, Int64)] = [
        (-9, -9, 1), (-9, -6, 1), (-9, -3, 1), (-9, 0, 1), (-6, -9, 1000), (-6, -6, 1),
        (-6, -3, 1), (-6, 0, 1), (-3, -9, 1_000_000), (-3, -6, 1000), (-3, -3, 1), (-3, 0, 1),
        (0, -9, 1_000_000_000), (0, -6, 1_000_000), (0, -3, 1000), (0, 0, 1), (2, -2, 10_000),
    ]

    @Test("scaledValue converts between scales", arguments: scaledValueCases)
    func scaledValue(from: Int32, to: Int, expected: Int64) {
        #expect(Quantity(scaledValue: 1, scale: from).scaledValue(scale: to) == expected)
    }

    @Test("asInt64 is exact or nil")
    func exactInt64() throws {
        #expect(try Quantity.parse("1Ki").asInt64 == 1024)
        #expect(try Quantity.parse("-1E").asInt64 == -1_000_000_000_000_000_000)
        #expect(try Quantity.parse("1500m").asInt64 == nil)
        #expect(try Quantity.parse("9223372036854775808").asInt64 == nil)
    }

    /// TestStringQuantityAsApproximateFloat64, TestQuantityAsApproximateFloat64.
    @Test("asApproximateDouble")
    func approximateDouble() throws {
        #expect(try Quantity.parse("2Ki").asApproximateDouble == 2048)
        #expect(try Quantity.parse("1.1Ki").asApproximateDouble == 1126.4)
        #expect(try Quantity.parse("1Mi").asApproximateDouble == 1.048576e+06)
        #expect(try Quantity.parse("2Gi").asApproximateDouble == 2.147483648e+09)
        #expect(try Quantity.parse("12E").asApproximateDouble == 1.2e19)
        #expect(try Quantity.parse("9Ei").asApproximateDouble == Double(Int64.max))
        #expect(try Quantity.parse("12e500").asApproximateDouble == .infinity)
        #expect(try Quantity.parse("-12e500").asApproximateDouble == -.infinity)
        #expect(try Quantity.parse("250m").asApproximateDouble == 0.25)
    }

    // MARK: - JSON

    private struct Resources: Codable, Equatable {
        var cpu: Quantity
        var memory: Quantity
    }

    @Test("encodes the canonical string")
    func jsonEncoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let resources = Resources(cpu: "1.5", memory: "1.5Gi")
        let data = try encoder.encode(resources)
        #expect(String(decoding: data, as: UTF8.self) == #"{"cpu":"1500m","memory":"1536Mi"}"#)
    }

    /// TestJSON (round trip) and TestJSONWhitespace (quoted and unquoted numbers, whitespace).
    static let jsonCases: [(String, String)] = [
        (#""1Mi""#, "1Mi"), (#""100m""#, "100m"), (#"" 1""#, "1"), (#""1 ""#, "1"), ("1", "1"),
        (" 1", "1"), ("1 ", "1"), ("10", "10"), ("-1", "-1"), (" -1", "-1"), ("0.5", "500m"),
        ("1.5e3", "1500"), ("0.1", "100m"), ("1e-5", "10e-6"), ("null", "0"),
    ]

    @Test("decodes strings, numbers and null", arguments: jsonCases)
    func jsonDecoding(json: String, expected: String) throws {
        let decoded = try JSONDecoder().decode(Quantity.self, from: Data(json.utf8))
        #expect(decoded.description == expected)
        let reencoded = try JSONEncoder().encode(decoded)
        #expect(try JSONDecoder().decode(Quantity.self, from: reencoded) == decoded)
    }

    @Test("round-trips through JSON", arguments: ["1Gi", "1.5Gi", "100m", "-3e-3", "12e6", "0", "7Ei", "1.2345"])
    func jsonRoundTrip(text: String) throws {
        let original = try Quantity.parse(text)
        let data = try JSONEncoder().encode([original])
        let decoded = try JSONDecoder().decode([Quantity].self, from: data)
        #expect(decoded == [original])
        #expect(decoded.first?.description == original.description)
        #expect(decoded.first?.format == original.format)
    }

    @Test("a bad string is dataCorrupted with upstream's message")
    func jsonBadString() throws {
        let json = Data(#"{"cpu":"1 core","memory":"1Gi"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Resources.self, from: json)
            Issue.record("decoding should have failed")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == QuantityError.formatWrong.message)
            #expect(context.codingPath.map(\.stringValue) == ["cpu"])
        }
    }

    @Test("a value of the wrong JSON type is a type mismatch")
    func jsonWrongType() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Quantity.self, from: Data("[1]".utf8))
        }
    }

    // MARK: - Errors

    @Test("errors print their message")
    func errorDescription() {
        #expect(QuantityError.suffix.description == "unable to parse quantity's suffix")
        #expect(
            "\(QuantityError.formatWrong)"
                == "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        )
    }
}
