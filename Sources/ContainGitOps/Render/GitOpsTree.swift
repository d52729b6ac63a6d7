import ContainModel

/// A rendered repository: file paths (relative, `/`-separated) to bytes. Every directory holds
/// a `kustomization.yaml` naming the files and subdirectories it builds.
public struct GitOpsTree: Sendable, Hashable {
    /// The files, by path.
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]] = [:]) { self.files = files }

    /// Paths in byte order.
    public var paths: [String] { files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// The text of a file, when it exists.
    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}

/// Collects one directory's files, then writes them and its `kustomization.yaml`.
struct DirectoryBuilder {
    let path: String
    private(set) var resources: [String] = []
    private var contents: [(String, String)] = []

    init(_ path: String) { self.path = path }

    /// Adds a YAML file of objects (skipped when empty) and lists it as a resource.
    mutating func add(_ name: String, objects: [JSONValue]) {
        guard !objects.isEmpty else { return }
        contents.append((name, YAMLWriter.documents(objects)))
        resources.append(name)
    }

    /// Lists a subdirectory (built from its own `kustomization.yaml`) as a resource.
    mutating func include(_ subdirectory: String) { resources.append(subdirectory) }

    /// Writes the files and the `kustomization.yaml` into `tree`.
    func write(into tree: inout GitOpsTree) {
        for (name, text) in contents { tree.files[path + "/" + name] = Array(text.utf8) }
        let kustomization: JSONValue = [
            "apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
            "resources": .array(resources.map(JSONValue.string)),
        ]
        tree.files[path + "/kustomization.yaml"] = Array(YAMLWriter.document(kustomization).utf8)
    }
}
