import ContainModel
import Foundation
import Testing

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Each file in `examples/invalid/` breaks one rule and lists, in `# expect:` comment lines, the
/// exact diagnostics (`line:column: field: message`) validation must produce for it — no more,
/// no fewer.
@Suite("examples/invalid")
struct InvalidExamplesTests {
    static let directory = repositoryRoot.appendingPathComponent("examples/invalid")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func everyRuleHasAnExample() {
        #expect(Self.files.count >= 35)
    }

    @Test("reports exactly the expected diagnostics", arguments: files)
    func reportsExpectedDiagnostics(file: String) throws {
        let path = "examples/invalid/\(file)"
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        let expected = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("# expect: ") else { return nil }
            return String(line.dropFirst("# expect: ".count))
        }
        #expect(!expected.isEmpty, "\(file) states no expected diagnostic")
        let report = PlatformCheck().run([ManifestSource(path: path, text: text)])
        let actual = report.diagnostics.map { diagnostic in
            String(diagnostic.description.dropFirst(path.count + 1))
        }
        #expect(actual.sorted() == expected.sorted())
        #expect(!report.isValid)
        #expect(report.diagnostics.allSatisfy { $0.file == path && $0.line != nil && $0.column != nil })
    }

    @Test func examplePlatformIsValid() throws {
        let path = "examples/platform.yaml"
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let report = PlatformCheck().run([ManifestSource(path: path, text: text)])
        #expect(report.diagnostics == [])
        #expect(report.isValid)
        #expect(report.objects == 12)
    }
}
