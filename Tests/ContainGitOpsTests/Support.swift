import ContainGitOps
import ContainModel
import Foundation

/// Paths and helpers shared by the GitOps tests.
enum Support {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The example platform, read and validated as `contain render` reads it.
    static func exampleInput() throws -> GitOpsInput {
        let path = repositoryRoot.appendingPathComponent("examples/platform.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (input, diagnostics) = GitOpsInput.read([ManifestSource(path: "examples/platform.yaml", text: text)])
        guard let input else { throw RenderError(message: diagnostics.map(\.description).joined(separator: "\n")) }
        return input
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("contain-gitops-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The real kubectl's kustomize build of a directory, with a fresh cache directory.
    static func kustomize(_ directory: URL, cache: URL) throws -> Output {
        try run("/usr/bin/kubectl", ["--cache-dir", cache.path, "kustomize", directory.path])
    }
}
