import Foundation

/// Publishes a render into a git repository with the real `git`: writes the tree, and commits
/// only when a file changed, with a message that says what changed on each cluster.
public struct GitPublisher: Sendable {
    /// The working tree of the repository.
    public var repository: URL
    /// The `git` executable.
    public var git: String

    public init(repository: URL, git: String = "/usr/bin/git") {
        self.repository = repository
        self.git = git
    }

    /// What publishing did.
    public enum Outcome: Sendable, Hashable {
        /// Nothing changed; no commit was made.
        case unchanged
        /// A commit was made.
        case committed(commit: String, message: String)
    }

    /// A git command that failed.
    public struct GitFailure: Error, Sendable, CustomStringConvertible {
        public var command: String
        public var output: String
        public var description: String { "git \(command) failed: \(output)" }
    }

    /// Writes `tree` and commits if anything changed.
    public func publish(_ tree: GitOpsTree) throws -> Outcome {
        guard FileManager.default.fileExists(atPath: repository.appendingPathComponent(".git").path) else {
            throw GitFailure(command: "rev-parse", output: "\(repository.path) is not a git working tree (run git init first)")
        }
        let changes = try TreeWriter.write(tree, to: repository)
        guard !changes.isEmpty else { return .unchanged }
        let paths = changes.all
        // `git add -A -- <paths>` stages additions, modifications and removals of exactly the
        // render's paths; anything else in the working tree is left alone.
        for chunk in stride(from: 0, to: paths.count, by: 500) {
            try run(["add", "-A", "--"] + paths[chunk..<min(chunk + 500, paths.count)])
        }
        let staged = try run(["diff", "--cached", "--name-only"])
        guard !staged.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .unchanged }
        let message = Self.message(for: changes)
        var identity: [String] = []
        if (try? run(["config", "user.email"]))?.isEmpty ?? true {
            identity = ["-c", "user.name=contain", "-c", "user.email=contain@localhost"]
        }
        try run(identity + ["commit", "--quiet", "--no-verify", "-m", message])
        let commit = try run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return .committed(commit: commit, message: message)
    }

    /// The commit message: a subject naming the clusters changed, then one line per cluster
    /// with counts and the first few paths.
    public static func message(for changes: TreeWriter.Changes) -> String {
        var byCluster: [String: (added: Int, modified: Int, removed: Int, paths: [String])] = [:]
        func note(_ path: String, _ update: (inout (added: Int, modified: Int, removed: Int, paths: [String])) -> Void) {
            let parts = path.split(separator: "/")
            let cluster = parts.count > 2 && parts[0] == "clusters" ? String(parts[1]) : Self.repositoryWide
            var entry = byCluster[cluster] ?? (0, 0, 0, [])
            update(&entry)
            if parts.count > 2 { entry.paths.append(parts.dropFirst(2).joined(separator: "/")) } else { entry.paths.append(path) }
            byCluster[cluster] = entry
        }
        for path in changes.added { note(path) { $0.added += 1 } }
        for path in changes.modified { note(path) { $0.modified += 1 } }
        for path in changes.removed { note(path) { $0.removed += 1 } }
        let clusters = byCluster.keys.sorted()
        let named = clusters.filter { $0 != Self.repositoryWide }
        var lines = ["contain render: \((named.isEmpty ? clusters : named).joined(separator: ", "))", ""]
        for cluster in clusters {
            guard let entry = byCluster[cluster] else { continue }
            var counts: [String] = []
            if entry.added > 0 { counts.append("\(entry.added) added") }
            if entry.modified > 0 { counts.append("\(entry.modified) modified") }
            if entry.removed > 0 { counts.append("\(entry.removed) removed") }
            let shown = entry.paths.sorted().prefix(5).joined(separator: ", ")
            let more = entry.paths.count > 5 ? ", …" : ""
            lines.append("\(cluster): \(counts.joined(separator: ", ")) (\(shown)\(more))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The group of changes outside any one cluster's directory.
    static let repositoryWide = "(repository)"

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-C", repository.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw GitFailure(command: arguments.joined(separator: " "), output: text)
        }
        return text
    }
}
