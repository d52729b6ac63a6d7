import ContainModel
import ContainPolicy
import Foundation

/// Decodes one object of kind `T` from YAML with ContainModel's strict decoder.
func decodeYAML<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> T {
    let documents = try YAMLReader.documents(yaml)
    guard let document = documents.first else { throw TestSupportError.noDocument }
    return try ValueDecoder().decode(T.self, from: document.value)
}

/// A pod from the YAML of its `spec` (indented under `spec:`) and optional annotations.
func pod(spec: String, annotations: [String: String] = [:]) throws -> Pod {
    var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
    if !annotations.isEmpty {
        yaml += "  annotations:\n"
        for (key, value) in annotations.sorted(by: { $0.key < $1.key }) {
            yaml += "    \(key): '\(value.replacingOccurrences(of: "'", with: "''"))'\n"
        }
    }
    yaml += "spec:\n"
    for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
        yaml += "  \(line)\n"
    }
    return try decodeYAML(Pod.self, yaml)
}

enum TestSupportError: Error { case noDocument, noRevision }

/// Runs one check's revision at `minor` directly.
func run(_ check: PodSecurityCheck, minor: Int = 37, _ pod: Pod) throws -> PodSecurityFinding? {
    guard let revision = check.revision(atMinor: minor) else { throw TestSupportError.noRevision }
    return revision.evaluate(pod.metadata, pod.spec)
}
