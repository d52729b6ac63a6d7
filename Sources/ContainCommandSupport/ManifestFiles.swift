import ContainModel
import Foundation

/// Finds and reads manifest files named on the command line.
public enum ManifestFiles {
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// The files named, and those found below named directories (sorted, hidden entries
    /// skipped), read as UTF-8; problems (missing paths, unreadable files) as diagnostics.
    public static func read(_ paths: [String]) -> ([ManifestSource], [Diagnostic]) {
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
