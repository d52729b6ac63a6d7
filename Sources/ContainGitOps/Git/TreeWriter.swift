import Foundation

/// Writes a rendered tree to a directory: files whose bytes changed are rewritten, new ones
/// created, and files under the render's own roots (`clusters/`) that the render no longer
/// produces are removed. Returns the relative paths it touched, by kind of change.
public enum TreeWriter {
    /// What writing changed, as relative paths in byte order.
    public struct Changes: Sendable, Hashable {
        public var added: [String] = []
        public var modified: [String] = []
        public var removed: [String] = []

        public init() {}

        /// Whether nothing changed.
        public var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
        /// Every touched path.
        public var all: [String] { (added + modified + removed).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }

    /// Writes `tree` under `directory`; the top-level directories of the tree's paths are owned
    /// by the render (stale files in them are removed), everything else is left alone.
    @discardableResult
    public static func write(_ tree: GitOpsTree, to directory: URL) throws -> Changes {
        let fileManager = FileManager.default
        var changes = Changes()
        let roots = Set(tree.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        for root in roots.sorted() {
            let rootURL = directory.appendingPathComponent(root)
            guard let enumerator = fileManager.enumerator(atPath: rootURL.path) else { continue }
            var stale: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory),
                   !isDirectory.boolValue, tree.files[path] == nil {
                    stale.append(path)
                }
            }
            for path in stale {
                try fileManager.removeItem(at: directory.appendingPathComponent(path))
                changes.removed.append(path)
            }
            try removeEmptyDirectories(under: rootURL)
        }
        for path in tree.paths {
            guard let bytes = tree.files[path] else { continue }
            let url = directory.appendingPathComponent(path)
            if let existing = fileManager.contents(atPath: url.path) {
                if existing.elementsEqual(bytes) { continue }
                changes.modified.append(path)
            } else {
                changes.added.append(path)
            }
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        }
        changes.removed.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return changes
    }

    private static func removeEmptyDirectories(under url: URL) throws {
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: url.path) else { return }
        for entry in entries {
            let child = url.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try removeEmptyDirectories(under: child)
                if (try? fileManager.contentsOfDirectory(atPath: child.path))?.isEmpty == true {
                    try fileManager.removeItem(at: child)
                }
            }
        }
    }
}
