import ContainModel
import ContainPolicy
import Foundation
import Testing

/// Runs upstream's Pod Security fixture corpus (`<repo>/../shared/conformance/pod-security/testdata`):
/// every `pass` fixture must be allowed, every `fail` fixture denied, at its directory's level
/// and version.
@Suite struct PodSecurityConformanceTests {
    static var corpusURL: URL {
        // <repo>/Tests/ContainPolicyTests/<this file> → <repo>/../shared/…
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/conformance/pod-security/testdata")
    }

    struct Fixture {
        let path: String
        let level: PodSecurityLevel
        let version: PodSecurityVersion
        let expectAllowed: Bool
    }

    static func fixtures() throws -> [Fixture] {
        let fm = FileManager.default
        let root = corpusURL
        var result: [Fixture] = []
        for levelName in try fm.contentsOfDirectory(atPath: root.path).sorted() {
            guard let level = PodSecurityLevel(rawValue: levelName) else { continue }
            let levelURL = root.appendingPathComponent(levelName)
            for versionName in try fm.contentsOfDirectory(atPath: levelURL.path).sorted() {
                guard let version = PodSecurityVersion(versionName) else { continue }
                for outcome in ["pass", "fail"] {
                    let dir = levelURL.appendingPathComponent(versionName).appendingPathComponent(outcome)
                    guard let files = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
                    for file in files.sorted() where file.hasSuffix(".yaml") {
                        result.append(Fixture(path: dir.appendingPathComponent(file).path, level: level,
                                              version: version, expectAllowed: outcome == "pass"))
                    }
                }
            }
        }
        return result
    }

    /// The check a fixture is about: its file name without the index and `.yaml`
    /// (`capabilities_baseline3.yaml` → `capabilities_baseline`).
    static func checkStem(of path: String) -> String {
        var name = Substring(path.split(separator: "/").last ?? "")
        if name.hasSuffix(".yaml") { name = name.dropLast(5) }
        while let last = name.last, last.isNumber { name = name.dropLast() }
        return String(name)
    }

    /// Upstream's `expectErrorSubstring` per fixture generator (lowercased check ID → substring);
    /// checks not listed expect their own ID.
    static let expectedErrorSubstring: [String: String] = [
        "allowprivilegeescalation": "allowPrivilegeEscalation",
        "apparmorprofile": "forbidden AppArmor profile",
        "capabilities_baseline": "capabilities",
        "capabilities_restricted": "unrestricted capabilities",
        "hostnamespaces": "host namespaces",
        "hostpathvolumes": "hostPath",
        "hostports": "hostPort",
        "hostprobesandhostlifecycle": "probe or lifecycle host",
        "privileged": "privileged",
        "procmount": "procMount",
        "procmount_restricted": "procMount",
        "restrictedvolumes": "restricted volume types",
        "runasnonroot": "runAsNonRoot",
        "runasuser": "runAsUser",
        "selinuxoptions": "seLinuxOptions",
        "seccompprofile_baseline": "seccompProfile",
        "seccompprofile_restricted": "seccompProfile",
        "sysctls": "forbidden sysctl",
        "windowshostprocess": "hostProcess",
    ]

    @Test func corpusAgreesWithUpstream() throws {
        let root = Self.corpusURL
        var isDirectory: ObjCBool = false
        let found = FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory)
        #expect(found && isDirectory.boolValue, "pod-security corpus not found at \(root.path)")
        guard found else { return }

        let fixtures = try Self.fixtures()
        var agree = 0
        var disagreements: [String] = []
        var decodeFailures: [String] = []
        var wrongReason: [String] = []
        let decoder = ValueDecoder()
        for fixture in fixtures {
            let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
            let pod: Pod
            do {
                let documents = try YAMLReader.documents(text, file: fixture.path)
                guard documents.count == 1, let document = documents.first else {
                    decodeFailures.append("\(fixture.path): expected one document, found \(documents.count)")
                    continue
                }
                pod = try decoder.decode(Pod.self, from: document.value)
            } catch {
                decodeFailures.append("\(fixture.path): \(error)")
                continue
            }
            let policy = PodSecurityPolicy(level: fixture.level, version: fixture.version)
            let result = PodSecurityEvaluator.evaluate(podSpec: pod.spec, metadata: pod.metadata, policy: policy)
            if result.allowed == fixture.expectAllowed {
                agree += 1
                if !fixture.expectAllowed {
                    // Upstream's fixtures also require the denial to name the fixture's check
                    // (`expectErrorSubstring` in test/fixtures_*.go, defaulting to the check ID).
                    let stem = Self.checkStem(of: fixture.path)
                    let expected = Self.expectedErrorSubstring[stem] ?? stem
                    let message = result.message(policy: policy) ?? ""
                    if !message.contains(expected) {
                        wrongReason.append("\(fixture.path): denial lacks \"\(expected)\": \(message)")
                    }
                }
            } else {
                let what = result.message(policy: policy) ?? "allowed"
                disagreements.append(
                    "\(fixture.path): expected \(fixture.expectAllowed ? "allowed" : "denied"), got \(what)")
            }
        }
        print("pod-security conformance: \(fixtures.count) fixtures, \(agree) agree")
        for line in decodeFailures { print("  decode failure: \(line)") }
        for line in disagreements { print("  disagreement: \(line)") }
        for line in wrongReason { print("  wrong reason: \(line)") }
        #expect(fixtures.count == 4537)
        #expect(decodeFailures.isEmpty, "\(decodeFailures.count) fixtures failed to decode")
        #expect(disagreements.isEmpty, "\(disagreements.count) fixtures disagree")
        #expect(agree == fixtures.count)
        #expect(wrongReason.isEmpty, "\(wrongReason.count) denials do not name the fixture's check")
    }
}
