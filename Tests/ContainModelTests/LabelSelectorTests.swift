import Foundation
import Testing

import ContainModel

// Upstream's exact validation texts, spelled out literally so the tests check the
// wording rather than re-using the implementation's constants.
private let nameFormat =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
private let valueFormat =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
private let prefixFormat =
    #"prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#
private let tooManySlashes =
    "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"

/// The test suite for label selectors; every test lives in an extension below, next to its data.
@Suite struct LabelSelectorTests {}

private func parseError(_ selector: String) -> LabelSelectorError? {
    do {
        _ = try LabelSelectorExpression(parsing: selector)
        return nil
    } catch {
        return error
    }
}

private func compileError(_ selector: LabelSelector) -> LabelSelectorError? {
    do {
        _ = try selector.compiled()
        return nil
    } catch {
        return error
    }
}

private func metav1ParseError(_ selector: String) -> LabelSelectorError? {
    do {
        _ = try LabelSelector(parsing: selector)
        return nil
    } catch {
        return error
    }
}

// MARK: - Parsing valid selectors

extension LabelSelectorTests {
    struct ValidParseCase: Sendable, CustomTestStringConvertible {
        var input: String
        /// What upstream's `String()` prints for the parsed selector.
        var canonical: String
        var testDescription: String { "\(input.debugDescription) → \(canonical.debugDescription)" }
    }
}

private let validParseCases: [LabelSelectorTests.ValidParseCase] = [
    // upstream TestSelectorParse good strings
    .init(input: "x=a,y=b,z=c", canonical: "x=a,y=b,z=c"),
    .init(input: "", canonical: ""),
    .init(input: "x!=a,y=b", canonical: "x!=a,y=b"),
    .init(input: "x=", canonical: "x="),
    .init(input: "x= ", canonical: "x="),
    .init(input: "x=,z= ", canonical: "x=,z="),
    .init(input: "x= ,z= ", canonical: "x=,z="),
    .init(input: "!x", canonical: "!x"),
    .init(input: "x>1", canonical: "x>1"),
    .init(input: "x>1,z<5", canonical: "x>1,z<5"),
    // upstream TestSetSelectorParser valid cases
    .init(input: "\rx", canonical: "x"),
    .init(input: "this-is-a-dns.domain.com/key-with-dash", canonical: "this-is-a-dns.domain.com/key-with-dash"),
    .init(
        input: "this-is-another-dns.domain.com/key-with-dash in (so,what)",
        canonical: "this-is-another-dns.domain.com/key-with-dash in (so,what)"),
    .init(
        input: "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
        canonical: "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)"),
    .init(input: "foo  in\t (abc)", canonical: "foo in (abc)"),
    .init(input: "x notin\n (abc)", canonical: "x notin (abc)"),
    .init(input: "x  notin\t\t\t(abc,def)", canonical: "x notin (abc,def)"),
    .init(input: "x in (abc,def)", canonical: "x in (abc,def)"),
    .init(input: "x in (abc,)", canonical: "x in (,abc)"),
    .init(input: "x in ()", canonical: "x in ()"),
    .init(input: "x notin (abc,,def),bar,z in (),w", canonical: "bar,w,x notin (,abc,def),z in ()"),
    .init(input: "x,y in (a)", canonical: "x,y in (a)"),
    .init(input: "x=a", canonical: "x=a"),
    .init(input: "x<7", canonical: "x<7"),
    .init(input: "x=a,y!=b,z in (h,i,j)", canonical: "x=a,y!=b,z in (h,i,j)"),
    .init(input: "x notin ( )", canonical: "x notin ()"),
    .init(input: "x notin (, a)", canonical: "x notin (,a)"),
    .init(input: "a ", canonical: "a"),
    .init(input: "a in (x,y,notin, z,in)", canonical: "a in (in,notin,x,y,z)"),
    // ordering, de-duplication, keywords as identifiers, whitespace
    .init(input: "x in (b,a)", canonical: "x in (a,b)"),
    .init(input: "x in (b,a,b,a)", canonical: "x in (a,b)"),
    .init(input: "x=a,a=x", canonical: "a=x,x=a"),
    .init(input: "in in (in)", canonical: "in in (in)"),
    .init(input: "notin=in", canonical: "notin=in"),
    .init(input: "x==a", canonical: "x==a"),
    .init(input: " \t x = a ,\n y != b ", canonical: "x=a,y!=b"),
    .init(input: "x in (a,,,b)", canonical: "x in (,a,b)"),
    .init(input: "x in (,)", canonical: "x in ()"),
    // requirements on the same key keep their input order
    .init(input: "x notin (b),x in (a),a", canonical: "a,x notin (b),x in (a)"),
    .init(input: "example.com/app=web,example.com/tier", canonical: "example.com/app=web,example.com/tier"),
    .init(input: "x>007", canonical: "x>007"),
    // a NUL where a token would start ends the input, as in upstream's lexer
    .init(input: "x=y \u{0}garbage!!", canonical: "x=y"),
]

extension LabelSelectorTests {
    @Test("parses valid selectors to upstream's canonical string", arguments: validParseCases)
    func parsesValidSelector(_ testCase: ValidParseCase) throws {
        let selector = try LabelSelectorExpression(parsing: testCase.input)
        #expect(selector.description == testCase.canonical)
    }

    @Test("print → parse → print is stable and yields an equal selector", arguments: validParseCases)
    func printedFormRoundTrips(_ testCase: ValidParseCase) throws {
        let parsed = try LabelSelectorExpression(parsing: testCase.input)
        let reparsed = try LabelSelectorExpression(parsing: parsed.description)
        #expect(reparsed == parsed)
        #expect(reparsed.description == parsed.description)
    }

    @Test func parsedRequirementsHaveUpstreamStructure() throws {
        let selector = try LabelSelectorExpression(parsing: "x notin (abc,,def),bar,z in (),w")
        #expect(
            selector.requirements == [
                try LabelRequirement(key: "bar", operator: .exists),
                try LabelRequirement(key: "w", operator: .exists),
                try LabelRequirement(key: "x", operator: .notIn, values: ["", "abc", "def"]),
                try LabelRequirement(key: "z", operator: .in, values: [""]),
            ])
        let keywords = try LabelSelectorExpression(parsing: "a in (x,y,notin, z,in)")
        #expect(keywords.requirements.first?.values == ["in", "notin", "x", "y", "z"])
        let exists = try LabelSelectorExpression(parsing: "!a,b")
        #expect(exists.requirements.map(\.operator) == [.doesNotExist, .exists])
        #expect(exists.requirements.allSatisfy { $0.values.isEmpty })
    }

    @Test func deterministicParse() throws {
        let first = try LabelSelectorExpression(parsing: "x=a,a=x")
        let second = try LabelSelectorExpression(parsing: "a=x,x=a")
        #expect(first == second)
        #expect(first.description == "a=x,x=a")
    }

    @Test func emptySelectorIsEverything() throws {
        for text in ["", "   ", "\t\n"] {
            let selector = try LabelSelectorExpression(parsing: text)
            #expect(selector == .everything)
            #expect(selector.isEmpty)
            #expect(selector.matches([:]))
            #expect(selector.matches(["any": "thing"]))
        }
    }
}

// MARK: - Parsing invalid selectors

extension LabelSelectorTests {
    struct InvalidParseCase: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        /// UTF-8 byte offset of the token where parsing failed.
        var position: Int
        var testDescription: String { input.debugDescription }
    }
}

private let invalidParseCases: [LabelSelectorTests.InvalidParseCase] = [
    // upstream TestSelectorParse bad strings
    // "a||y" is one identifier, rejected as a value before the parser reaches the second "="
    .init(
        input: "x=a||y=b",
        message: "unable to parse requirement: values[0][x]: Invalid value: \"a||y\": " + valueFormat, position: 0),
    .init(input: "x==a==b", message: "found '==', expected: ',' or 'end of string'", position: 4),
    .init(input: "!x=a", message: "found '=', expected: ',' or 'end of string'", position: 2),
    .init(
        input: "x<a",
        message:
            "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
        position: 0),
    // upstream TestSetSelectorParser invalid cases
    .init(input: "x,,y", message: "found ',', expected: identifier after ','", position: 2),
    .init(input: ",x,y", message: "found ',', expected: !, identifier, or 'end of string'", position: 0),
    .init(
        input: "x nott in (y)",
        message: "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt", position: 2),
    .init(input: "a in (xyz),", message: "found '', expected: identifier after ','", position: 11),
    .init(input: "a in (xyz)b notin ()", message: "found 'b', expected: ',' or 'end of string'", position: 10),
    .init(
        input: "a in (xyz abc)", message: "unable to parse requirement: found 'abc', expected: ',' or ')'",
        position: 10),
    .init(
        input: "a notin(", message: "unable to parse requirement: found '', expected: ',', ')' or identifier",
        position: 8),
    .init(
        input: "a (", message: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
        position: 2),
    .init(input: "(", message: "found '(', expected: !, identifier, or 'end of string'", position: 0),
    // more syntax errors
    .init(input: "!", message: "unable to parse requirement: found '', expected: identifier", position: 1),
    .init(input: "!!x", message: "unable to parse requirement: found '!', expected: identifier", position: 1),
    .init(input: "x in a", message: "unable to parse requirement: found 'a' expected: '('", position: 5),
    .init(input: "x in (a", message: "unable to parse requirement: found '', expected: ',' or ')'", position: 7),
    .init(input: "x in (,", message: "unable to parse requirement: found '', expected: ',', or identifier", position: 7),
    .init(
        input: "x in (=)", message: "unable to parse requirement: found '=', expected: ',', ')' or identifier",
        position: 6),
    .init(input: "x=(", message: "unable to parse requirement: found '(', expected: identifier", position: 2),
    .init(input: "x=a b", message: "found 'b', expected: ',' or 'end of string'", position: 4),
    .init(input: "x=a,", message: "found '', expected: identifier after ','", position: 4),
    .init(input: "!x in (a)", message: "found 'in', expected: ',' or 'end of string'", position: 3),
    .init(input: "x>=1", message: "unable to parse requirement: found '=', expected: identifier", position: 2),
    // NUL ending an identifier is swallowed and lexing goes on
    .init(input: "x=y\u{0}garbage", message: "found 'garbage', expected: ',' or 'end of string'", position: 4),
    // invalid keys (upstream reports them against a nil field path)
    .init(
        input: "app: nginx",
        message: "unable to parse requirement: <nil>: Invalid value: \"app:\": " + nameFormat, position: 0),
    .init(
        input: "*bar", message: "unable to parse requirement: <nil>: Invalid value: \"*bar\": " + nameFormat,
        position: 0),
    .init(
        input: "a/b/c ?=? def",
        message: "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": " + tooManySlashes, position: 0),
    .init(
        input: "x, Example.com/abc in (a)",
        message: "unable to parse requirement: <nil>: Invalid value: \"Example.com/abc\": " + prefixFormat,
        position: 3),
    .init(
        input: "é=1", message: "unable to parse requirement: <nil>: Invalid value: \"é\": " + nameFormat,
        position: 0),
    // invalid values and Gt/Lt operands
    .init(
        input: "x>",
        message:
            "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer",
        position: 0),
    .init(
        input: "x>99999999999999999999",
        message:
            "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer",
        position: 0),
    .init(
        input: "y,x>-1",
        message: "unable to parse requirement: values[0][x]: Invalid value: \"-1\": " + valueFormat, position: 2),
    .init(
        input: "x>a_",
        message:
            "unable to parse requirement: [values[0]: Invalid value: \"a_\": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: \"a_\": "
            + valueFormat + "]",
        position: 0),
    .init(
        input: "x in (a_)", message: "unable to parse requirement: values[0][x]: Invalid value: \"a_\": " + valueFormat,
        position: 0),
    .init(
        input: "x in (b_, a_, ok)",
        message: "unable to parse requirement: [values[0][x]: Invalid value: \"a_\": " + valueFormat
            + ", values[1][x]: Invalid value: \"b_\": " + valueFormat + "]",
        position: 0),
    .init(
        input: "x=" + String(repeating: "a", count: 64),
        message: "unable to parse requirement: values[0][x]: Invalid value: \"" + String(repeating: "a", count: 64)
            + "\": must be no more than 63 bytes",
        position: 0),
]

extension LabelSelectorTests {
    @Test("rejects invalid selectors with upstream's message", arguments: invalidParseCases)
    func rejectsInvalidSelector(_ testCase: InvalidParseCase) {
        let error = parseError(testCase.input)
        #expect(error?.message == testCase.message)
        #expect(error?.position == testCase.position)
        #expect(error?.description == testCase.message)
    }
}

// MARK: - Matching

extension LabelSelectorTests {
    struct MatchCase: Sendable, CustomTestStringConvertible {
        var selector: String
        var labels: [String: String]
        var matches: Bool
        var testDescription: String { "\(selector.debugDescription) vs \(labels) → \(matches)" }
    }
}

private let fooBarBazBlah = ["foo": "bar", "baz": "blah"]

private let matchCases: [LabelSelectorTests.MatchCase] = [
    // upstream TestSelectorMatches
    .init(selector: "", labels: ["x": "y"], matches: true),
    .init(selector: "x=y", labels: ["x": "y"], matches: true),
    .init(selector: "x=y,z=w", labels: ["x": "y", "z": "w"], matches: true),
    .init(selector: "x!=y,z!=w", labels: ["x": "z", "z": "a"], matches: true),
    .init(selector: "notin=in", labels: ["notin": "in"], matches: true),
    .init(selector: "x", labels: ["x": "z"], matches: true),
    .init(selector: "!x", labels: ["y": "z"], matches: true),
    .init(selector: "x>1", labels: ["x": "2"], matches: true),
    .init(selector: "x<1", labels: ["x": "0"], matches: true),
    .init(selector: "x=z", labels: [:], matches: false),
    .init(selector: "x=y", labels: ["x": "z"], matches: false),
    .init(selector: "x=y,z=w", labels: ["x": "w", "z": "w"], matches: false),
    .init(selector: "x!=y,z!=w", labels: ["x": "z", "z": "w"], matches: false),
    .init(selector: "x", labels: ["y": "z"], matches: false),
    .init(selector: "!x", labels: ["x": "z"], matches: false),
    .init(selector: "x>1", labels: ["x": "0"], matches: false),
    .init(selector: "x<1", labels: ["x": "2"], matches: false),
    .init(selector: "foo=bar", labels: fooBarBazBlah, matches: true),
    .init(selector: "baz=blah", labels: fooBarBazBlah, matches: true),
    .init(selector: "foo=bar,baz=blah", labels: fooBarBazBlah, matches: true),
    .init(selector: "foo=blah", labels: fooBarBazBlah, matches: false),
    .init(selector: "baz=bar", labels: fooBarBazBlah, matches: false),
    .init(selector: "foo=bar,foobar=bar,baz=blah", labels: fooBarBazBlah, matches: false),
    // upstream TestRequirementSelectorMatching, written as strings
    .init(selector: "x in (foo),y notin (alpha)", labels: ["x": "foo", "y": "baz"], matches: true),
    .init(selector: "x in (foo),y in (alpha)", labels: ["x": "foo", "y": "baz"], matches: false),
    .init(selector: "x notin (),y", labels: ["y": ""], matches: true),
    .init(selector: "!x,y", labels: ["y": ""], matches: true),
    .init(selector: "x notin (),!y", labels: ["y": ""], matches: false),
    .init(selector: "x in ()", labels: ["y": "baz"], matches: false),
    .init(selector: "z>1", labels: ["z": "2"], matches: true),
    .init(selector: "z>1", labels: ["z": "v2"], matches: false),
    // absent keys: != and notin match, = and in do not
    .init(selector: "x!=a", labels: [:], matches: true),
    .init(selector: "x notin (a,b)", labels: [:], matches: true),
    .init(selector: "x notin (a,b)", labels: ["x": "a"], matches: false),
    .init(selector: "x notin (a,b)", labels: ["x": "c"], matches: true),
    .init(selector: "x in (a,b)", labels: [:], matches: false),
    .init(selector: "x in (a,b)", labels: ["x": "b"], matches: true),
    .init(selector: "x==a", labels: ["x": "a"], matches: true),
    // the empty value
    .init(selector: "x=", labels: ["x": ""], matches: true),
    .init(selector: "x=", labels: [:], matches: false),
    .init(selector: "x in ()", labels: ["x": ""], matches: true),
    .init(selector: "x notin ()", labels: ["x": ""], matches: false),
    .init(selector: "x notin ()", labels: ["x": "a"], matches: true),
    // Gt/Lt need an integer label value (Go's ParseInt: sign allowed, no spaces, 64-bit)
    .init(selector: "x>1", labels: [:], matches: false),
    .init(selector: "x<10", labels: ["x": "-5"], matches: true),
    .init(selector: "x>1", labels: ["x": "+5"], matches: true),
    .init(selector: "x>1", labels: ["x": " 5"], matches: false),
    .init(selector: "x>1", labels: ["x": "1"], matches: false),
    .init(selector: "x<2", labels: ["x": "99999999999999999999"], matches: false),
    .init(selector: "x>1", labels: ["x": "9223372036854775807"], matches: true),
    .init(selector: "x<1", labels: ["x": "0x0"], matches: false),
    // conjunction over the same key
    .init(selector: "x in (a,b),x notin (b)", labels: ["x": "a"], matches: true),
    .init(selector: "x in (a,b),x notin (b)", labels: ["x": "b"], matches: false),
    .init(selector: "x,!y", labels: ["x": "1"], matches: true),
    .init(selector: "x,!y", labels: ["x": "1", "y": "2"], matches: false),
]

extension LabelSelectorTests {
    @Test("matches labels with upstream semantics", arguments: matchCases)
    func matchesLabels(_ testCase: MatchCase) throws {
        let selector = try LabelSelectorExpression(parsing: testCase.selector)
        #expect(selector.matches(testCase.labels) == testCase.matches)
    }

    @Test func nothingMatchesNothing() throws {
        let nothing = try LabelSelectorExpression(nil as LabelSelector?)
        #expect(nothing == .nothing)
        #expect(nothing.matchesNothing)
        #expect(!nothing.isEmpty)
        #expect(!nothing.matches([:]))
        #expect(!nothing.matches(["x": "y"]))
        #expect(nothing.description == "")
        #expect(nothing.adding([try LabelRequirement(key: "x", operator: .exists)]) == .nothing)
        #expect(LabelSelectorExpression.everything.matches(["x": "y"]))
        #expect(LabelSelectorExpression.everything.isEmpty)
    }

    @Test func requiresExactMatch() throws {
        let selector = try LabelSelectorExpression(parsing: "a=1,b==2,c in (3),d in (4,5),e!=6,f")
        #expect(selector.requiresExactMatch("a") == "1")
        #expect(selector.requiresExactMatch("b") == "2")
        #expect(selector.requiresExactMatch("c") == "3")
        #expect(selector.requiresExactMatch("d") == nil)
        #expect(selector.requiresExactMatch("e") == nil)
        #expect(selector.requiresExactMatch("f") == nil)
        #expect(selector.requiresExactMatch("zzz") == nil)
        // only the first requirement on the key counts
        let firstWins = try LabelSelectorExpression(parsing: "k!=x,k=y")
        #expect(firstWins.requiresExactMatch("k") == nil)
    }

    @Test func addingSortsByKey() throws {
        let base = try LabelSelectorExpression(parsing: "m=1")
        let added = base.adding([
            try LabelRequirement(key: "z", operator: .exists),
            try LabelRequirement(key: "a", operator: .notIn, values: ["q", "p"]),
        ])
        #expect(added.description == "a notin (p,q),m=1,z")
        #expect(added.requirements.map(\.key) == ["a", "m", "z"])
    }
}

// MARK: - Requirements built in code

extension LabelSelectorTests {
    @Test func requirementConstructorFollowsUpstreamRules() throws {
        // upstream TestRequirementConstructor
        #expect(throws: LabelSelectorError.self) { try LabelRequirement(key: "x", operator: .in) }
        #expect(throws: LabelSelectorError.self) { try LabelRequirement(key: "x", operator: .notIn, values: []) }
        _ = try LabelRequirement(key: "x", operator: .in, values: ["foo"])
        _ = try LabelRequirement(key: "x", operator: .notIn, values: ["foo"])
        _ = try LabelRequirement(key: "x", operator: .exists)
        _ = try LabelRequirement(key: "x", operator: .doesNotExist)
        _ = try LabelRequirement(key: "1foo", operator: .in, values: ["bar"])
        _ = try LabelRequirement(key: "1234", operator: .in, values: ["bar"])
        _ = try LabelRequirement(key: "y", operator: .greaterThan, values: ["1"])
        _ = try LabelRequirement(key: "z", operator: .lessThan, values: ["6"])
        #expect(throws: LabelSelectorError.self) { try LabelRequirement(key: "foo", operator: .greaterThan, values: ["bar"]) }
        #expect(throws: LabelSelectorError.self) { try LabelRequirement(key: "barz", operator: .lessThan, values: ["blah"]) }
        #expect(throws: LabelSelectorError.self) {
            try LabelRequirement(key: String(repeating: "a", count: 254), operator: .exists)
        }
    }

    @Test func requirementConstructorMessages() {
        func message(_ key: String, _ op: LabelRequirement.Operator, _ values: [String]) -> String? {
            do {
                _ = try LabelRequirement(key: key, operator: op, values: values)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message("x", .equals, []) == "values: Invalid value: null: exact-match compatibility requires one single value")
        #expect(
            message("x", .notEquals, ["a", "b"])
                == #"values: Invalid value: ["a","b"]: exact-match compatibility requires one single value"#)
        #expect(
            message("x", .greaterThan, ["1", "2"])
                == #"values: Invalid value: ["1","2"]: for 'Gt', 'Lt' operators, exactly one value is required"#)
        #expect(
            message(String(repeating: "a", count: 254), .exists, [])
                == "key: Invalid value: \"" + String(repeating: "a", count: 254) + "\": name part must be no more than 63 bytes")
        #expect(message("x", .in, ["a"]) == nil)
    }

    @Test func toStringTable() throws {
        // upstream TestToString
        let cases: [([LabelRequirement], String)] = [
            (
                [
                    try LabelRequirement(key: "x", operator: .in, values: ["abc", "def"]),
                    try LabelRequirement(key: "y", operator: .notIn, values: ["jkl"]),
                    try LabelRequirement(key: "z", operator: .exists),
                ], "x in (abc,def),y notin (jkl),z"
            ),
            (
                [
                    try LabelRequirement(key: "x", operator: .notIn, values: ["abc", "def"]),
                    try LabelRequirement(key: "y", operator: .notEquals, values: ["jkl"]),
                    try LabelRequirement(key: "z", operator: .doesNotExist),
                ], "x notin (abc,def),y!=jkl,!z"
            ),
            (
                [
                    try LabelRequirement(key: "x", operator: .notIn, values: ["abc"]),
                    try LabelRequirement(key: "y", operator: .in, values: ["jkl", "mno"]),
                    try LabelRequirement(key: "z", operator: .notIn, values: [""]),
                ], "x notin (abc),y in (jkl,mno),z notin ()"
            ),
            (
                [
                    try LabelRequirement(key: "x", operator: .equals, values: ["abc"]),
                    try LabelRequirement(key: "y", operator: .doubleEquals, values: ["jkl"]),
                    try LabelRequirement(key: "z", operator: .notEquals, values: ["a"]),
                    try LabelRequirement(key: "z", operator: .exists),
                ], "x=abc,y==jkl,z!=a,z"
            ),
            (
                [
                    try LabelRequirement(key: "x", operator: .greaterThan, values: ["2"]),
                    try LabelRequirement(key: "y", operator: .lessThan, values: ["8"]),
                    try LabelRequirement(key: "z", operator: .exists),
                ], "x>2,y<8,z"
            ),
        ]
        for (requirements, expected) in cases {
            #expect(LabelSelectorExpression(requirements: requirements).description == expected)
        }
        // printing sorts values without changing the stored order
        let unsorted = try LabelRequirement(key: "x", operator: .in, values: ["b", "a"])
        #expect(unsorted.description == "x in (a,b)")
        #expect(unsorted.values == ["b", "a"])
    }

    @Test func selectorFromLabelSet() throws {
        let selector = try LabelSelectorExpression(matchingLabels: ["foo": "bar", "baz": "blah"])
        #expect(selector.description == "baz=blah,foo=bar")
        #expect(selector.matches(["foo": "bar", "baz": "blah", "other": "x"]))
        #expect(!selector.matches(["foo": "bar"]))
        #expect(try LabelSelectorExpression(matchingLabels: [:]) == .everything)
        let long = String(repeating: "a", count: 64)
        #expect(throws: LabelSelectorError(
            message: "values[0][Key]: Invalid value: \"\(long)\": must be no more than 63 bytes")) {
            try LabelSelectorExpression(matchingLabels: ["Key": long])
        }
    }
}

// MARK: - metav1 LabelSelector conversion

extension LabelSelectorTests {
    @Test func emptyAndNilLabelSelectors() throws {
        #expect(try LabelSelector().compiled() == .everything)
        #expect(try LabelSelector(matchLabels: [:], matchExpressions: []).compiled() == .everything)
        #expect(try LabelSelector().matches(["anything": "goes"]))
        #expect(try LabelSelector().matches([:]))
        #expect(try LabelSelectorExpression(LabelSelector()) == .everything)
        #expect(try LabelSelectorExpression(nil as LabelSelector?) == .nothing)
        #expect(LabelSelector().isEmpty)
        #expect(!LabelSelector(matchLabels: ["a": "b"]).isEmpty)
    }

    @Test func labelSelectorCompilesToSortedRequirements() throws {
        let selector = LabelSelector(
            matchLabels: ["c": "d", "a": "b"],
            matchExpressions: [
                LabelSelectorRequirement(key: "e", operator: .in, values: ["g", "f"]),
                LabelSelectorRequirement(key: "b", operator: .doesNotExist),
                LabelSelectorRequirement(key: "a", operator: .notIn, values: ["x"]),
                LabelSelectorRequirement(key: "h", operator: .exists, values: []),
            ])
        let compiled = try selector.compiled()
        #expect(compiled.description == "a=b,a notin (x),!b,c=d,e in (f,g),h")
        #expect(try selector.matches(["a": "b", "c": "d", "e": "f", "h": ""]))
        #expect(try !selector.matches(["a": "b", "c": "d", "e": "f", "h": "", "b": "1"]))
        #expect(try !selector.matches(["a": "b", "c": "d", "e": "z", "h": ""]))
        #expect(LabelSelector.format(selector) == "a=b,a notin (x),!b,c=d,e in (f,g),h")
    }

    struct CompileErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var selector: LabelSelector
        var message: String
        var testDescription: String { name }
    }
}

private let compileErrorCases: [LabelSelectorTests.CompileErrorCase] = [
    .init(
        name: "In without values",
        selector: LabelSelector(matchExpressions: [.init(key: "thisns", operator: .in)]),
        message: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
    .init(
        name: "NotIn with empty values",
        selector: LabelSelector(matchExpressions: [.init(key: "x", operator: .notIn, values: [])]),
        message: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
    .init(
        name: "Exists with a value",
        selector: LabelSelector(matchExpressions: [.init(key: "x", operator: .exists, values: ["a"])]),
        message: #"values: Invalid value: ["a"]: values set must be empty for exists and does not exist"#),
    .init(
        name: "DoesNotExist with values",
        selector: LabelSelector(matchExpressions: [.init(key: "x", operator: .doesNotExist, values: ["a", "b"])]),
        message: #"values: Invalid value: ["a","b"]: values set must be empty for exists and does not exist"#),
    .init(
        name: "DoesNotExist with an HTML-ish invalid value",
        selector: LabelSelector(matchExpressions: [.init(key: "x", operator: .doesNotExist, values: ["<a>"])]),
        message: #"[values: Invalid value: ["\u003ca\u003e"]: values set must be empty for exists and does not exist, values[0][x]: Invalid value: "<a>": "#
            + valueFormat + "]"),
    .init(
        name: "invalid expression key",
        selector: LabelSelector(matchExpressions: [.init(key: "a b", operator: .exists)]),
        message: "key: Invalid value: \"a b\": " + nameFormat),
    .init(
        name: "invalid key and missing values",
        selector: LabelSelector(matchExpressions: [.init(key: "-x", operator: .in)]),
        message: "[key: Invalid value: \"-x\": " + nameFormat
            + ", values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]"),
    .init(
        name: "key with quote and control characters is Go-quoted",
        selector: LabelSelector(matchExpressions: [.init(key: "a\"b\u{7F}\t", operator: .exists)]),
        message: #"key: Invalid value: "a\"b\x7f\t": "# + nameFormat),
    .init(
        name: "key with empty prefix and empty name",
        selector: LabelSelector(matchLabels: ["/": "v"]),
        message: "key: Invalid value: \"/\": prefix part must be non-empty; name part must be non-empty; " + nameFormat),
    .init(
        name: "invalid matchLabels value",
        selector: LabelSelector(matchLabels: ["app": "a b"]),
        message: "values[0][app]: Invalid value: \"a b\": " + valueFormat),
    .init(
        name: "invalid matchLabels key",
        selector: LabelSelector(matchLabels: ["ok": "fine", "-app": "x"]),
        message: "key: Invalid value: \"-app\": " + nameFormat),
    .init(
        name: "invalid In value reported at its original index",
        selector: LabelSelector(matchExpressions: [.init(key: "k", operator: .in, values: ["z", "a_"])]),
        message: "values[1][k]: Invalid value: \"a_\": " + valueFormat),
]

extension LabelSelectorTests {
    @Test("rejects invalid metav1 selectors with upstream's message", arguments: compileErrorCases)
    func rejectsInvalidLabelSelector(_ testCase: CompileErrorCase) {
        let error = compileError(testCase.selector)
        #expect(error?.message == testCase.message)
        #expect(error?.position == nil)
        #expect(throws: LabelSelectorError.self) { try testCase.selector.matches([:]) }
        #expect(LabelSelector.format(testCase.selector) == "<error>")
    }

    @Test func formatLabelSelector() {
        #expect(LabelSelector.format(nil) == "<none>")
        #expect(LabelSelector.format(LabelSelector()) == "<none>")
        #expect(LabelSelector.format(LabelSelector(matchLabels: ["app": "web"])) == "app=web")
    }

    @Test func metav1ValuesKeepTheirOrderAndDuplicates() throws {
        // Upstream copies metav1 values as given; only printing sorts them.
        let compiled = try LabelSelector(matchExpressions: [.init(key: "x", operator: .in, values: ["b", "a", "b"])])
            .compiled()
        #expect(compiled.requirements.first?.values == ["b", "a", "b"])
        #expect(compiled.description == "x in (a,b,b)")
        #expect(try LabelSelectorExpression(parsing: compiled.description).description == "x in (a,b)")
    }

    @Test func parsesStringIntoLabelSelector() throws {
        let selector = try LabelSelector(parsing: "a=b,c in (e,d),!f,g,h==i,j notin (k)")
        #expect(
            selector
                == LabelSelector(
                    matchLabels: ["a": "b", "h": "i"],
                    matchExpressions: [
                        LabelSelectorRequirement(key: "c", operator: .in, values: ["d", "e"]),
                        LabelSelectorRequirement(key: "f", operator: .doesNotExist),
                        LabelSelectorRequirement(key: "g", operator: .exists),
                        LabelSelectorRequirement(key: "j", operator: .notIn, values: ["k"]),
                    ]))
        #expect(try LabelSelector(parsing: "") == LabelSelector())
        #expect(try LabelSelector(parsing: "x=a,x=b").matchLabels == ["x": "b"])
    }

    @Test func labelSelectorStringRoundTrip() throws {
        let original = LabelSelector(
            matchLabels: ["app": "web", "example.com/team": "core"],
            matchExpressions: [
                LabelSelectorRequirement(key: "env", operator: .in, values: ["prod", "staging"]),
                LabelSelectorRequirement(key: "canary", operator: .doesNotExist),
                LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["", "cache"]),
                LabelSelectorRequirement(key: "zone", operator: .exists),
            ])
        let text = try original.compiled().description
        #expect(text == "app=web,!canary,env in (prod,staging),example.com/team=core,tier notin (,cache),zone")
        let reparsed = try LabelSelector(parsing: text)
        #expect(reparsed.matchLabels == original.matchLabels)
        #expect(Set(reparsed.matchExpressions ?? []) == Set(original.matchExpressions ?? []))
        #expect(try reparsed.compiled() == original.compiled())
    }

    struct Metav1ParseErrorCase: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var testDescription: String { input.debugDescription }
    }
}

private let metav1ParseErrorCases: [LabelSelectorTests.Metav1ParseErrorCase] = [
    .init(input: "a!=b", message: #""!=" is not a valid label selector operator"#),
    .init(input: "a=b,c>1", message: #""gt" isn't supported in label selectors"#),
    .init(input: "a<1", message: #""lt" isn't supported in label selectors"#),
    .init(
        input: "app: nginx",
        message: #"couldn't parse the selector string "app: nginx": unable to parse requirement: <nil>: Invalid value: "app:": "#
            + nameFormat),
    .init(
        input: "x,,y",
        message: #"couldn't parse the selector string "x,,y": found ',', expected: identifier after ','"#),
]

extension LabelSelectorTests {
    @Test("LabelSelector(parsing:) rejects what metav1 cannot express", arguments: metav1ParseErrorCases)
    func labelSelectorParsingErrors(_ testCase: Metav1ParseErrorCase) {
        #expect(metav1ParseError(testCase.input)?.message == testCase.message)
    }
}

// MARK: - JSON

extension LabelSelectorTests {
    @Test func labelSelectorJSONUsesKubernetesFieldNames() throws {
        let selector = LabelSelector(
            matchLabels: ["app": "web"],
            matchExpressions: [
                LabelSelectorRequirement(key: "tier", operator: .in, values: ["api", "web"]),
                LabelSelectorRequirement(key: "example.com/canary", operator: .doesNotExist),
            ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(selector), as: UTF8.self)
        #expect(
            json
                == #"{"matchExpressions":[{"key":"tier","operator":"In","values":["api","web"]},{"key":"example.com/canary","operator":"DoesNotExist"}],"matchLabels":{"app":"web"}}"#)
        #expect(try JSONDecoder().decode(LabelSelector.self, from: Data(json.utf8)) == selector)
        #expect(String(decoding: try encoder.encode(LabelSelector()), as: UTF8.self) == "{}")
    }

    @Test func labelSelectorDecodesUpstreamJSON() throws {
        let json = """
            {"matchLabels":{"component":"redis"},"matchExpressions":[{"key":"tier","operator":"NotIn","values":["cache"]},{"key":"environment","operator":"Exists"}]}
            """
        let selector = try JSONDecoder().decode(LabelSelector.self, from: Data(json.utf8))
        #expect(selector.matchLabels == ["component": "redis"])
        #expect(
            selector.matchExpressions == [
                LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["cache"]),
                LabelSelectorRequirement(key: "environment", operator: .exists),
            ])
        #expect(try selector.compiled().description == "component=redis,environment,tier notin (cache)")
        #expect(try selector.matches(["component": "redis", "environment": "dev"]))
        #expect(try !selector.matches(["component": "redis", "environment": "dev", "tier": "cache"]))
        #expect(try JSONDecoder().decode(LabelSelector.self, from: Data("{}".utf8)) == LabelSelector())
    }

    @Test func unknownOperatorIsADecodingError() {
        let json = #"{"matchExpressions":[{"key":"name","operator":"Seriously"}]}"#
        do {
            _ = try JSONDecoder().decode(LabelSelector.self, from: Data(json.utf8))
            Issue.record("decoding an unknown operator should fail")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription == #""Seriously" is not a valid label selector operator"#)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func operatorRawValuesAreKubernetesSpellings() {
        #expect(LabelSelectorOperator.allCases.map(\.rawValue) == ["In", "NotIn", "Exists", "DoesNotExist"])
        #expect(LabelRequirement.Operator.allCases.map(\.rawValue) == ["in", "notin", "=", "==", "!=", "exists", "!", "gt", "lt"])
    }
}

// MARK: - Key and value validation

extension LabelSelectorTests {
    @Test(
        "valid label keys",
        arguments: [
            "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
            "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple",
            "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123",
            "requests.storage-foo", String(repeating: "a", count: 63),
            String(repeating: "a", count: 253) + "/" + String(repeating: "b", count: 63),
        ])
    func validLabelKey(_ key: String) {
        #expect(LabelValidation.isQualifiedName(key) == [])
    }

    struct ValidationCase: Sendable, CustomTestStringConvertible {
        var input: String
        var problems: [String]
        var testDescription: String { input.debugDescription }
    }
}

private let invalidKeyCases: [LabelSelectorTests.ValidationCase] = [
    .init(input: "nospecialchars%^=@", problems: [nameFormat]),
    .init(input: "cantendwithadash-", problems: [nameFormat]),
    .init(input: "-cantstartwithadash-", problems: [nameFormat]),
    .init(input: "only/one/slash", problems: [tooManySlashes]),
    .init(input: "Example.com/abc", problems: [prefixFormat]),
    .init(input: "example_com/abc", problems: [prefixFormat]),
    .init(input: "example.com/", problems: ["name part must be non-empty", nameFormat]),
    .init(input: "/simple", problems: ["prefix part must be non-empty"]),
    .init(input: "", problems: ["name part must be non-empty", nameFormat]),
    .init(input: String(repeating: "a", count: 64), problems: ["name part must be no more than 63 bytes"]),
    .init(
        input: String(repeating: "a", count: 254) + "/abc", problems: ["prefix part must be no more than 253 bytes"]),
    .init(
        input: "-" + String(repeating: "a", count: 63),
        problems: ["name part must be no more than 63 bytes", nameFormat]),
    .init(input: "a-.b/c", problems: [prefixFormat]),
    .init(input: "ключ", problems: [nameFormat]),
]

extension LabelSelectorTests {
    @Test("invalid label keys report upstream's messages", arguments: invalidKeyCases)
    func invalidLabelKey(_ testCase: ValidationCase) {
        #expect(LabelValidation.isQualifiedName(testCase.input) == testCase.problems)
    }

    @Test(
        "valid label values",
        arguments: ["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", String(repeating: "a", count: 63), "", "a.b_c-d"])
    func validLabelValue(_ value: String) {
        #expect(LabelValidation.isValidLabelValue(value) == [])
    }
}

private let invalidValueCases: [LabelSelectorTests.ValidationCase] = [
    .init(input: "nospecialchars%^=@", problems: [valueFormat]),
    .init(input: "Tama-nui-te-rā.is.Māori.sun", problems: [valueFormat]),
    .init(input: "\\backslashes\\are\\bad", problems: [valueFormat]),
    .init(input: "-starts-with-dash", problems: [valueFormat]),
    .init(input: "ends-with-dash-", problems: [valueFormat]),
    .init(input: ".starts.with.dot", problems: [valueFormat]),
    .init(input: "ends.with.dot.", problems: [valueFormat]),
    .init(input: String(repeating: "a", count: 64), problems: ["must be no more than 63 bytes"]),
    // 32 two-byte characters are 64 bytes: too long, and not alphanumeric ASCII
    .init(input: String(repeating: "é", count: 32), problems: ["must be no more than 63 bytes", valueFormat]),
]

extension LabelSelectorTests {
    @Test("invalid label values report upstream's messages", arguments: invalidValueCases)
    func invalidLabelValue(_ testCase: ValidationCase) {
        #expect(LabelValidation.isValidLabelValue(testCase.input) == testCase.problems)
    }

    @Test func dns1123Subdomain() {
        let format =
            #"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#
        for valid in ["example.com", "a", "0", "a-b.c-d", "1.2.3.4", "x--y"] {
            #expect(LabelValidation.isDNS1123Subdomain(valid) == [], "\(valid)")
        }
        for invalid in ["", "A", "a..b", ".a", "a.", "-a", "a-", "a-.b", "a_b", "a b"] {
            #expect(LabelValidation.isDNS1123Subdomain(invalid) == [format], "\(invalid)")
        }
        #expect(
            LabelValidation.isDNS1123Subdomain(String(repeating: "a", count: 254))
                == ["must be no more than 253 bytes"])
    }
}
