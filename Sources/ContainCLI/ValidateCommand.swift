import ArgumentParser
import ContainModel
import Foundation

/// `contain validate FILE|DIR ...`: strict decoding and platform rules, reported as
/// `file:line:col: field: message`; exit status 1 when anything is wrong.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check platform manifests (clusters, tenants, any Kubernetes object) for errors.",
        discussion: """
            Every file and directory given is read as one platform: YAML (.yaml, .yml) and JSON (.json) \
            files, directories searched recursively. Exit status: 0 when valid, 1 when any error is found.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Manifest files or directories.")
    var paths: [String]

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() throws {
        let (sources, problems) = ManifestFiles.read(paths)
        let report = PlatformCheck().run(sources, extraDiagnostics: problems)
        switch output {
        case .text: FileHandle.standardOutput.write(Data(report.text.utf8))
        case .json: FileHandle.standardOutput.write(Data(report.json.utf8))
        }
        if !report.isValid { throw ExitCode(1) }
    }
}

/// Finds and reads manifest files named on the command line.
enum ManifestFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The files named, and those found below named directories (sorted, hidden entries
    /// skipped), read as UTF-8; problems (missing paths, unreadable files) as diagnostics.
    static func read(_ paths: [String]) -> ([ManifestSource], [Diagnostic]) {
        var sources: [ManifestSource] = []
        var problems: [Diagnostic] = []
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: path, line: nil, column: nil, message: "no such file or directory"))
                continue
            }
            let files = isDirectory.boolValue ? manifests(under: path) : [path]
            for file in files {
                guard let data = fileManager.contents(atPath: file) else {
                    problems.append(Diagnostic(file: file, line: nil, column: nil, message: "cannot read file"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(file: file, line: nil, column: nil, message: "not UTF-8 text"))
                    continue
                }
                sources.append(ManifestSource(path: file, text: text))
            }
        }
        return (sources, problems)
    }

    private static func manifests(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if extensions.contains((name as NSString).pathExtension.lowercased()) {
                let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(full)
                }
            }
        }
        return files.sorted()
    }
}
