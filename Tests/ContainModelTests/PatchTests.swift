import ContainModel
import Testing

@Suite("JSON merge patch and JSON patch")
struct PatchTests {
    func json(_ text: String) throws -> JSONValue { try JSONReader.value(text) }

    @Test func mergePatchFollowsRFC7386() throws {
        let target = try json(#"{"a":"b","c":{"d":"e","f":"g"},"l":[1,2]}"#)
        let patch = try json(#"{"a":"z","c":{"f":null},"l":[3],"n":{"x":null,"y":1}}"#)
        #expect(JSONMergePatch.apply(patch, to: target) == (try json(#"{"a":"z","c":{"d":"e"},"l":[3],"n":{"y":1}}"#)))
        #expect(JSONMergePatch.apply(try json("[1]"), to: target) == (try json("[1]")))
        #expect(JSONMergePatch.apply(try json(#"{"a":{"b":1}}"#), to: try json(#"{"a":"s"}"#)) == (try json(#"{"a":{"b":1}}"#)))
    }

    @Test func jsonPatchOperations() throws {
        let target = try json(#"{"spec":{"list":["a","b"],"x":1},"m":{"k~/":2}}"#)
        let patch = try json("""
            [{"op":"add","path":"/spec/list/1","value":"z"},
             {"op":"add","path":"/spec/list/-","value":"end"},
             {"op":"remove","path":"/spec/x"},
             {"op":"replace","path":"/m/k~0~1","value":3},
             {"op":"copy","from":"/m","path":"/copied"},
             {"op":"move","from":"/copied","path":"/moved"},
             {"op":"test","path":"/moved/k~0~1","value":3}]
            """)
        let result = try JSONPatch.apply(patch, to: target)
        #expect(result == (try json(#"{"spec":{"list":["a","z","b","end"]},"m":{"k~/":3},"moved":{"k~/":3}}"#)))
    }

    @Test func jsonPatchFailuresAreErrorsNotCrashes() throws {
        let target = try json(#"{"a":[1]}"#)
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(try json(#"[{"op":"remove","path":"/nope"}]"#), to: target) }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(try json(#"[{"op":"add","path":"/a/5","value":1}]"#), to: target) }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(try json(#"[{"op":"replace","path":"/a/-1","value":1}]"#), to: target) }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(try json(#"[{"op":"frob","path":"/a"}]"#), to: target) }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(try json(#"{"op":"add"}"#), to: target) }
        let failingTest = try json(#"[{"op":"test","path":"/a/0","value":2}]"#)
        do {
            _ = try JSONPatch.apply(failingTest, to: target)
            Issue.record("test operation should fail")
        } catch {
            #expect(error.isTestFailure)
        }
    }
}
