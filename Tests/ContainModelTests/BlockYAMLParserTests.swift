import Foundation
import Testing

@testable import ContainModel

/// The fast block-YAML reader must agree exactly — values and positions — with libyaml on
/// everything it accepts, and hand everything else to libyaml.
@Suite("Fast YAML reader agrees with libyaml")
struct BlockYAMLParserTests {
    static func sameSource(_ a: SourceNode?, _ b: SourceNode?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (.scalar(let x)?, .scalar(let y)?): return x == y
        case (.sequence(let x, let xs)?, .sequence(let y, let ys)?):
            return x == y && xs.count == ys.count && zip(xs, ys).allSatisfy { sameSource($0, $1) }
        case (.mapping(let x, let xs)?, .mapping(let y, let ys)?):
            return x == y && xs.count == ys.count
                && zip(xs, ys).allSatisfy { $0.key == $1.key && $0.keyPosition == $1.keyPosition && sameSource($0.value, $1.value) }
        default: return false
        }
    }

    /// Checks one text; returns whether the fast path took it.
    @discardableResult
    static func check(_ text: String, _ name: String) -> Bool {
        guard let fast = BlockYAMLParser.documents(text, file: name) else { return false }
        guard let slow = try? YAMLReader.documentsWithLibYAML(text, file: name) else {
            Issue.record("\(name): the fast reader accepted text libyaml refuses")
            return true
        }
        #expect(fast.count == slow.count, "\(name): document count")
        for (f, s) in zip(fast, slow) {
            #expect(f.index == s.index, "\(name): document index")
            #expect(f.value == s.value, "\(name): value of document \(s.index)")
            #expect(sameSource(f.source, s.source), "\(name): positions of document \(s.index)")
        }
        return true
    }

    static func yamlFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    @Test func examplesTakeTheFastPathAndAgree() throws {
        let files = Self.yamlFiles(under: repositoryRoot.appendingPathComponent("examples"))
        #expect(files.count > 40)
        var fast = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            if Self.check(text, file.lastPathComponent) { fast += 1 }
        }
        // Only the deliberately broken YAML file needs libyaml.
        #expect(fast == files.count - 1)
    }

    @Test func podSecurityCorpusAgrees() throws {
        let corpus = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/pod-security/testdata")
        let files = Self.yamlFiles(under: corpus)
        #expect(files.count > 4000, "the Pod Security corpus should be beside the repository")
        var fast = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            if Self.check(text, file.path) { fast += 1 }
        }
        print("fast YAML reader: \(fast) of \(files.count) corpus files on the fast path")
        #expect(fast > files.count / 2)
    }

    @Test func syntheticPlatformAgrees() {
        #expect(Self.check(SyntheticPlatform.yaml(objects: 300), "synthetic.yaml"))
    }

    @Test func writerOutputAgrees() throws {
        let manifests = ManifestLoader().load(SyntheticPlatform.yaml(objects: 60), file: "s.yaml").manifests
        for manifest in manifests {
            #expect(Self.check(YAMLWriter.document(manifest.document.value), manifest.reference))
        }
        for text in YAMLCodecTests.trickyStrings {
            let value: JSONValue = ["v": .string(text), "list": [.string(text), ["k": .string(text)]]]
            Self.check(YAMLWriter.document(value), "tricky \(text.debugDescription)")
        }
    }

    static let snippets: [String] = [
        "a: 1\nb: two\nc: 'three'\nd: \"four\\n\"\n",
        "a:\n  b:\n    c: [1, 2, {x: y, z: [a, b]}]\n  d: {}\n  e: []\n",
        "list:\n- a\n- b: 1\n  c: 2\n- - nested\n",
        "list:\n  - a\n  -\n    b: 1\n",
        "key: value # comment\n# full line\nother: x#not-comment\n",
        "---\na: 1\n---\n# empty\n---\nb: 2\n...\n",
        "a: |\n  line one\n  line two\nb: |-\n  stripped\nc: x\n",
        "a: |\n  one\n\n  two\n\n\nb: 1\n",
        "script: |\n  #!/bin/sh\n  echo hi\n",
        "a: >\n  folded\n  text\n",
        "a: &anchor 1\nb: *anchor\n",
        "a: multi\n  line plain\n",
        "a: 'multi\n  line quoted'\n",
        "\"quoted key\": 1\n'single': 2\nkey with spaces: 3\n",
        "a:\n",
        "- a\n-\n- c\n",
        "a: 1\na: 2\n",
        "a: [1, 2,]\n",
        "a: {b: 1, b: 2}\n",
        "unicode: héllo wörld\nkey: ✓ done\n",
        "emptyvalue:\nnext: 1\n",
        "a: b: c\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "- {name: a, value: \"x, y\"}\n- {name: 'b', value: '[z]'}\n",
        "k: -1\nj: -x\nl: --flag\nm: ':x'\n",
        "a: 1\n  b: 2\n",
        "a:\n  - 1\n - 2\n",
        "args: [\"--a=1\", '--b', c]\nenv: [{name: X, value: \"1\"}]\n",
        "nested:\n  deeper:\n    - name: x\n      ports:\n      - containerPort: 80\n        protocol: TCP\n    - name: y\n",
        "%YAML 1.1\n---\na: 1\n",
        "--- a: 1\n",
        "a: !!str 1\n",
        "? complex\n: value\n",
    ]

    @Test(arguments: snippets)
    func snippetsAgreeOrFallBack(text: String) {
        Self.check(text, "snippet")
        // Whatever path is taken, the public reader gives libyaml's answer.
        let viaPublic = try? YAMLReader.documents(text, file: "snippet")
        let viaLibYAML = try? YAMLReader.documentsWithLibYAML(text, file: "snippet")
        #expect(viaPublic?.map(\.value) == viaLibYAML?.map(\.value))
    }

    @Test func commonShapesTakeTheFastPath() {
        for text in [Self.snippets[0], Self.snippets[1], Self.snippets[3], Self.snippets[5], Self.snippets[6], Self.snippets[28], Self.snippets[29]] {
            #expect(BlockYAMLParser.documents(text, file: nil) != nil, "\(text.debugDescription)")
        }
    }
}
