import ContainModel
import Foundation
import Testing

@Suite("JSON reader and writer")
struct JSONCodecTests {
    @Test func keepsIntegersAndDoublesApart() throws {
        let value = try JSONReader.value(#"{"a": 1, "b": 1.0, "c": -7, "d": 2.5e3, "e": 9223372036854775807}"#)
        #expect(value["a"] == .integer(1))
        #expect(value["b"] == .double(1.0))
        #expect(value["c"] == .integer(-7))
        #expect(value["d"] == .double(2500))
        #expect(value["e"] == .integer(Int64.max))
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONReader.value(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(JSONWriter.compact(value) == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test func decodesEscapes() throws {
        let value = try JSONReader.value(#""tab\there \"q\" \u00e9 \ud83d\ude00 \/""#)
        #expect(value == .string("tab\there \"q\" é 😀 /"))
    }

    @Test func recordsPositionsOfKeysAndElements() throws {
        let text = "{\n  \"spec\": {\n    \"zones\": [\"a\",\n      \"b\"]\n  }\n}"
        let document = try #require(try JSONReader.documents(text, file: "c.json").first)
        #expect(document.position(of: FieldPath("spec", "zones")) == SourcePosition(line: 3, column: 5))
        #expect(document.position(of: FieldPath("spec", "zones").index(1)) == SourcePosition(line: 4, column: 7))
        // A missing field points at its closest ancestor that exists.
        #expect(document.position(of: FieldPath("spec", "tier")) == SourcePosition(line: 2, column: 3))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a string for an object member name"),
        ("{\"a\": tru}", 1, 7, "invalid literal, expected true"),
        ("[1, 2", 1, 6, "unexpected end of JSON input in array"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate field \"a\""),
        ("{\"a\": 01}", 1, 7, "invalid number: leading zero"),
        ("\n\n  @", 3, 3, "invalid character '@' looking for beginning of value"),
        ("{\"a\": \"x\ny\"}", 1, 9, "invalid control character in string literal"),
    ])
    func reportsSyntaxErrorsWithPositions(text: String, line: Int, column: Int, message: String) {
        #expect(throws: SyntaxError(file: "f.json", position: SourcePosition(line: line, column: column), message: message)) {
            try JSONReader.documents(text, file: "f.json")
        }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: SyntaxError.self) { try JSONReader.value(text) }
    }

    @Test func writesPrettyJSONLikeKubectl() {
        let value: JSONValue = ["kind": "Tenant", "spec": ["owners": [["name": "a"]], "empty": [:], "list": []]]
        #expect(JSONWriter.pretty(value) == """
            {
                "kind": "Tenant",
                "spec": {
                    "owners": [
                        {
                            "name": "a"
                        }
                    ],
                    "empty": {},
                    "list": []
                }
            }
            """)
    }

    @Test func formatsNumbersAsGoDoes() {
        #expect(JSONWriter.compact(.double(1000)) == "1000")
        #expect(JSONWriter.compact(.double(0.25)) == "0.25")
        #expect(JSONWriter.compact(.integer(-3)) == "-3")
        #expect(JSONWriter.compact(.string("a\"b\\c\n\u{01}")) == #""a\"b\\c\n\u0001""#)
    }
}

@Suite("YAML reader and writer")
struct YAMLCodecTests {
    @Test(arguments: [
        ("yes", JSONValue.bool(true)), ("No", .bool(false)), ("on", .bool(true)), ("OFF", .bool(false)),
        ("true", .bool(true)), ("y", .bool(true)), ("~", .null), ("null", .null), ("", .null),
        ("42", .integer(42)), ("-7", .integer(-7)), ("+3", .integer(3)), ("0x1F", .integer(31)), ("017", .integer(15)),
        ("0o17", .integer(15)), ("0b101", .integer(5)), ("1_000", .integer(1000)), ("1.5", .double(1.5)),
        ("1e3", .double(1000)), (".5", .double(0.5)), ("1.0", .double(1.0)), ("12Gi", .string("12Gi")),
        ("500m", .string("500m")), (".inf", .string(".inf")), ("1.2.3", .string("1.2.3")),
        ("2026-01-02", .string("2026-01-02")), ("hello world", .string("hello world")),
        ("99999999999999999999", .double(1e20)),
    ])
    func resolvesPlainScalarsAsKubernetesDoes(text: String, expected: JSONValue) throws {
        let value = try YAMLReader.value("v: \(text)\n")
        #expect(value["v"] == expected)
    }

    @Test func quotedScalarsAreStrings() throws {
        let value = try YAMLReader.value("a: \"yes\"\nb: '1.0'\nc: !!str 12\n")
        #expect(value["a"] == .string("yes"))
        #expect(value["b"] == .string("1.0"))
        #expect(value["c"] == .string("12"))
    }

    @Test func readsMultipleDocumentsAndSkipsEmptyOnes() throws {
        let text = "---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n---\nc: 3\n"
        let documents = try YAMLReader.documents(text, file: "m.yaml")
        #expect(documents.map(\.value) == [["a": 1], ["b": 2], ["c": 3]])
        #expect(documents.map { $0.source?.position.line } == [2, 6, 9])
    }

    @Test func recordsKeyPositions() throws {
        let text = "spec:\n  nodePools:\n  - name: a\n  - {name: b, vcpu: 4}\n"
        let document = try #require(try YAMLReader.documents(text).first)
        #expect(document.position(of: FieldPath("spec", "nodePools")) == SourcePosition(line: 2, column: 3))
        #expect(document.position(of: FieldPath("spec", "nodePools").index(1).child("vcpu")) == SourcePosition(line: 4, column: 15))
        #expect(document.source?.valuePosition(of: FieldPath("spec", "nodePools").index(0).child("name"))
            == SourcePosition(line: 3, column: 11))
    }

    @Test func refusesDuplicateKeys() {
        #expect(throws: SyntaxError(file: "d.yaml", position: SourcePosition(line: 1, column: 1),
                                    message: "duplicate field \"a\": a mapping key may appear only once")) {
            try YAMLReader.documents("a: 1\na: 2\n", file: "d.yaml")
        }
    }

    @Test func expandsAliasesButNotWithoutLimit() throws {
        let value = try YAMLReader.value("base: &b {x: 1}\ncopy: *b\n")
        #expect(value["copy"] == ["x": 1])
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            bomb += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect(throws: SyntaxError.self) { try YAMLReader.documents(bomb) }
    }

    static let trickyStrings = [
        "yes", "no", "on", "off", "y", "n", "true", "null", "~", "", "1", "-1", "1.0", "0x1F", "017", "1e3", "1_000",
        ".inf", " leading", "trailing ", "a: b", "a:b", "#hash", "a #b", "- dash", "-", "?", ":", "key:", "[x]", "{y}",
        "*star", "&amp", "!bang", "%pct", "@at", "`tick", "'single'", "\"double\"", "multi\nline", "multi\nline\n",
        "  indented\nblock", "trailing space \nline", "tab\there", "unicode é ✓", "2001-12-14", "<<", "=", "a,b", "|", ">",
        "line\r\nwindows", "\u{7}bell",
    ]

    @Test("YAML strings survive a write and a read", arguments: trickyStrings)
    func roundTripsTrickyStrings(text: String) throws {
        let value: JSONValue = ["v": .string(text), .init(stringLiteral: text.isEmpty ? "empty" : text): ["nested": .string(text)]]
        let yaml = YAMLWriter.document(value)
        #expect(try YAMLReader.value(yaml) == value, "written as:\n\(yaml)")
    }

    @Test func writesBlockStyleLikeKubectl() {
        let value: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": "p", "labels": ["app": "web"]],
            "spec": ["containers": [["name": "a", "args": ["--x", "yes"], "ports": [["containerPort": 80]]]],
                     "volumes": [], "nodeSelector": [:]],
        ]
        #expect(YAMLWriter.document(value) == """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels:
                app: web
            spec:
              containers:
              - name: a
                args:
                - --x
                - 'yes'
                ports:
                - containerPort: 80
              volumes: []
              nodeSelector: {}

            """)
    }

    @Test func writesMultilineStringsAsLiteralBlocks() throws {
        let value: JSONValue = ["script": "echo one\necho two\n"]
        let yaml = YAMLWriter.document(value)
        #expect(yaml == "script: |\n  echo one\n  echo two\n")
        #expect(try YAMLReader.value(yaml) == value)
    }

    @Test func reportsSyntaxErrorsWithPositions() {
        #expect(throws: SyntaxError.self) { try YAMLReader.documents("a: [1, 2\nb: 3\n", file: "s.yaml") }
        do {
            _ = try YAMLReader.documents("a:\n  b: 1\n c: 2\n", file: "s.yaml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.file == "s.yaml")
            #expect(error.position.line == 3)
            #expect(error.message.hasPrefix("invalid YAML: "))
        }
    }
}
