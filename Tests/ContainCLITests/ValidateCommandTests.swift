import ContainModel
import Foundation
import Testing

/// Runs the built `contain` binary, as a user would.
struct ContainProcess {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `contain` executable next to the test bundle in the build directory.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("contain")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/contain")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("contain validate (end to end)")
struct ValidateCommandTests {
    @Test func examplePlatformIsValid() throws {
        let result = try ContainProcess.run(["validate", "examples/platform.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == "12 objects in 1 file: valid\n")
    }

    static var invalidFiles: [String] {
        let directory = ContainProcess.repositoryRoot.appendingPathComponent("examples/invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test("every invalid example exits 1 with its expected messages", arguments: invalidFiles)
    func invalidExampleFails(file: String) throws {
        let path = "examples/invalid/\(file)"
        let text = try String(contentsOf: ContainProcess.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let expected = text.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }
            .map { "\(path):" + $0.dropFirst("# expect: ".count) }
        let result = try ContainProcess.run(["validate", path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.dropLast()).sorted() == expected.sorted())
        #expect(lines.last?.hasSuffix("error\(expected.count == 1 ? "" : "s")") == true)
    }

    @Test func directoriesAreSearchedAndReportedTogether() throws {
        let result = try ContainProcess.run(["validate", "examples/"])
        #expect(result.status == 1)
        // Every file below the directory is read, and together they form one platform: the
        // example platform's clusters clash with those the invalid examples define.
        #expect(result.stdout.contains("examples/invalid/cluster-production-zones.yaml:"))
        #expect(result.stdout.contains(
            "examples/platform.yaml:30:3: metadata.name: Duplicate value: \"dev\": another Cluster with this name is defined at examples/invalid/cluster-devtest-control-plane.yaml:4\n"))
        #expect(result.stdout.hasSuffix("objects in \(Self.invalidFiles.count + 1) files: \(result.stdout.split(separator: "\n").count - 1) errors\n"))
    }

    @Test func jsonReportIsMachineReadable() throws {
        let result = try ContainProcess.run(["validate", "--output", "json", "examples/invalid/tenant-unknown-cluster.yaml"])
        #expect(result.status == 1)
        let report = try ValueDecoder().decode(ValidationReport.self, from: try JSONReader.value(result.stdout))
        #expect(report.errors == 1)
        #expect(report.files == 1)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.field == "spec.clusters[1]")
        #expect(diagnostic.object == "Tenant/web")
        #expect(diagnostic.line == 24)
        #expect(diagnostic.message == "Not found: \"qa\": no Cluster of this name in the platform")
    }

    @Test func missingFilesAreErrors() throws {
        let result = try ContainProcess.run(["validate", "no/such/file.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("no/such/file.yaml: no such file or directory\n"))
    }

    @Test func unreadableInputDoesNotCrash() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: directory.appendingPathComponent("binary.yaml"))
        try Data("{\"apiVersion\": \"v1\", \"kind\":".utf8).write(to: directory.appendingPathComponent("cut.json"))
        try Data("- just\n- a list\n".utf8).write(to: directory.appendingPathComponent("list.yml"))
        let result = try ContainProcess.run(["validate", directory.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("binary.yaml: not UTF-8 text"))
        #expect(result.stdout.contains("cut.json:1:29: unexpected end of JSON input"))
        #expect(result.stdout.contains("list.yml:1:1: expected an object with apiVersion and kind, got array"))
    }

    @Test func usageErrorsExitWithUsageStatus() throws {
        let result = try ContainProcess.run(["validate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<paths> ...'"))
    }

    @Test func versionAndHelp() throws {
        let version = try ContainProcess.run(["version"])
        #expect(version.status == 0)
        #expect(version.stdout == "contain \(ContainVersion.current) (API platform.contain.dev/v1alpha1)\n")
        let help = try ContainProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
        #expect(help.stdout.contains("bench"))
    }
}
