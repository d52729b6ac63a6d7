import ContainModel
import Testing

private struct Sample: Codable, Hashable {
    struct Inner: Codable, Hashable {
        var port: Int
        var name: String?
    }

    var name: String
    var replicas: Int?
    var ratio: Double?
    var enabled: Bool?
    var inner: Inner?
    var items: [Inner]?
    var labels: [String: String]?
    var values: JSONValue?
}

@Suite("Strict value decoder and deterministic encoder")
struct ValueCoderTests {
    @Test func decodesAValue() throws {
        let value: JSONValue = ["name": "a", "replicas": 3, "ratio": 2, "inner": ["port": 80], "labels": ["x": "y"]]
        let sample = try ValueDecoder().decode(Sample.self, from: value)
        #expect(sample == Sample(name: "a", replicas: 3, ratio: 2, inner: .init(port: 80), labels: ["x": "y"]))
    }

    @Test func rejectsUnknownFieldsAndSuggestsTheNearestName() {
        let value: JSONValue = ["name": "a", "replcas": 3, "items": [["port": 1], ["port": 2, "nmae": "x"]]]
        #expect(throws: DecodingFailure(problems: [
            DecodingProblem(path: FieldPath("items").index(1).child("nmae"), kind: .unknownField,
                            message: "unknown field \"nmae\" (did you mean \"name\"?)"),
            DecodingProblem(path: FieldPath("replcas"), kind: .unknownField,
                            message: "unknown field \"replcas\" (did you mean \"replicas\"?)"),
        ])) {
            try ValueDecoder().decode(Sample.self, from: value)
        }
    }

    @Test func ignoresUnknownFieldsWhenAsked() throws {
        let value: JSONValue = ["name": "a", "extra": true]
        #expect(try ValueDecoder(rejectsUnknownFields: false).decode(Sample.self, from: value).name == "a")
    }

    @Test func reportsEveryProblemInOnePass() {
        let value: JSONValue = ["replicas": "three", "enabled": "yes", "inner": ["port": 1.5], "other": 1]
        do {
            _ = try ValueDecoder().decode(Sample.self, from: value)
            Issue.record("expected a failure")
        } catch {
            #expect(error.problems.map(\.description) == [
                "enabled: expected boolean, got string \"yes\"",
                "inner.port: expected integer, got number 1.5",
                "name: Required value",
                "other: unknown field \"other\"",
                "replicas: expected integer, got string \"three\"",
            ])
        }
    }

    @Test func freeFormValuesAreNotCheckedForUnknownFields() throws {
        let value: JSONValue = ["name": "a", "values": ["anything": ["goes": [1, 2]]]]
        let sample = try ValueDecoder().decode(Sample.self, from: value)
        #expect(sample.values == ["anything": ["goes": [1, 2]]])
    }

    @Test func rejectsIntegersOutOfRange() {
        struct Small: Codable { var b: Int8 }
        #expect(throws: DecodingFailure.self) { try ValueDecoder().decode(Small.self, from: ["b": 300]) }
    }

    @Test func encodesStructsInDeclarationOrderAndMapsSorted() throws {
        let sample = Sample(name: "n", replicas: 2, labels: ["zeta": "1", "alpha": "2", "mid": "3"])
        let value = try ValueEncoder().encode(sample)
        #expect(value.objectValue?.keys == ["name", "replicas", "labels"])
        #expect(value["labels"]?.objectValue?.keys == ["alpha", "mid", "zeta"])
        #expect(JSONWriter.compact(value) == #"{"name":"n","replicas":2,"labels":{"alpha":"2","mid":"3","zeta":"1"}}"#)
    }

    @Test(arguments: [
        (FieldPath("spec", "nodePools").index(1).child("vcpu"), "spec.nodePools[1].vcpu"),
        (FieldPath("metadata", "labels", "app.kubernetes.io/name"), "metadata.labels[app.kubernetes.io/name]"),
        (FieldPath("spec", "quota", "migDevices", "1g.10gb"), "spec.quota.migDevices[1g.10gb]"),
        (FieldPath(), ""),
    ])
    func printsFieldPathsAsKubernetesDoes(path: FieldPath, text: String) {
        #expect(path.description == text)
    }
}

@Suite("Unstructured objects")
struct UnstructuredObjectTests {
    static let manifest = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
          namespace: team-a
          labels: {app: web}
        spec:
          zeta: 1
          alpha: {deep: [1, "two", null, true]}
          ratio: 0.5
        status:
          whatever: x
        """

    @Test func keepsUnknownFieldsAndOrderThroughYAMLAndJSON() throws {
        let set = ManifestLoader().load(Self.manifest, file: "w.yaml")
        #expect(set.diagnostics.isEmpty)
        let manifest = try #require(set.manifests.first)
        guard case .unstructured(let object) = manifest.object else {
            Issue.record("expected an unstructured object")
            return
        }
        #expect(object.kind == "Widget")
        #expect(object.name == "w")
        #expect(object.namespace == "team-a")
        #expect(object.labels == ["app": "web"])
        #expect(object.metadata?.labels == ["app": "web"])
        let yaml = YAMLWriter.document(object.value)
        #expect(try YAMLReader.value(yaml) == object.value)
        #expect(yaml.contains("spec:\n  zeta: 1\n  alpha:"))
        let json = JSONWriter.pretty(object.value)
        #expect(try JSONReader.value(json) == object.value)
        #expect(try ValueDecoder().decode(UnstructuredObject.self, from: object.value) == object)
    }

    @Test func expandsListsIntoTheirItems() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: example.com/v1, kind: Widget, metadata: {name: a}}
            - apiVersion: example.com/v1
              kind: Widget
              metadata: {name: b}
            """
        let set = ManifestLoader().load(text, file: "l.yaml")
        #expect(set.manifests.map(\.name) == ["a", "b"])
        #expect(set.manifests.map { $0.document.source?.position.line } == [4, 5])
    }

    @Test func objectsWithoutApiVersionOrKindAreReported() {
        let set = ManifestLoader().load("metadata: {name: x}\n", file: "n.yaml")
        #expect(set.diagnostics.map(\.description) == [
            "n.yaml:1:1: apiVersion: Required value: every object names its apiVersion",
            "n.yaml:1:1: kind: Required value: every object names its kind",
        ])
    }
}

@Suite("JSONObject")
struct JSONObjectTests {
    @Test(arguments: [3, 8, 9, 40])
    func keepsOrderAndFindsMembersAtAnySize(count: Int) {
        var object = JSONObject()
        for index in (0..<count).reversed() { object["k\(index)"] = .integer(Int64(index)) }
        #expect(object.count == count)
        #expect(object.keys.first == "k\(count - 1)")
        #expect(object["k0"] == .integer(0))
        object["k0"] = "replaced"
        #expect(object["k0"] == "replaced")
        #expect(object.keys.last == "k0")
        object["k1"] = nil
        #expect(object["k1"] == nil)
        #expect(object.count == count - 1)
        #expect(object["k2"] == .integer(2))
        #expect(object.position(of: "k2") == object.keys.firstIndex(of: "k2"))
    }

    @Test func equalityAndHashIgnoreOrder() {
        let forward = JSONObject((0..<12).map { ("k\($0)", JSONValue.integer(Int64($0))) })
        let backward = JSONObject((0..<12).reversed().map { ("k\($0)", JSONValue.integer(Int64($0))) })
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(forward != JSONObject((0..<11).map { ("k\($0)", JSONValue.integer(Int64($0))) }))
    }

    @Test func readersRefuseDuplicatesInLargeObjects() {
        let members = (0..<20).map { "\"k\($0)\": \($0)" } + ["\"k5\": 0"]
        #expect(throws: SyntaxError.self) { try JSONReader.value("{" + members.joined(separator: ", ") + "}") }
        let yaml = (0..<20).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk5: 0\n"
        #expect(throws: SyntaxError.self) { try YAMLReader.documents(yaml) }
    }

    @Test func unknownMembersPastSixtyFourAreFound() {
        struct Wide: Codable { var known: Int? }
        var members: [(String, JSONValue)] = [("known", 1)]
        for index in 0..<70 { members.append(("extra\(index)", .integer(Int64(index)))) }
        do {
            _ = try ValueDecoder().decode(Wide.self, from: .object(JSONObject(members)))
            Issue.record("expected unknown fields")
        } catch {
            #expect(error.problems.count == 70)
            #expect(error.problems.allSatisfy { $0.kind == .unknownField })
        }
    }
}
