/// An object read from a manifest: typed when its kind is registered, otherwise kept as is.
public enum ManifestObject: Sendable {
    case typed(any KubeObject)
    case unstructured(UnstructuredObject)

    /// The typed object, when it is of type `T`.
    public func typed<T: KubeObject>(as type: T.Type) -> T? {
        if case .typed(let object) = self { return object as? T }
        return nil
    }
}

/// One object of a manifest file together with the document it came from.
public struct LoadedManifest: Sendable {
    public var document: SourceDocument
    public var apiVersion: String
    public var kind: String
    public var object: ManifestObject

    public init(document: SourceDocument, apiVersion: String, kind: String, object: ManifestObject) {
        self.document = document
        self.apiVersion = apiVersion
        self.kind = kind
        self.object = object
    }

    /// `metadata.name`, or empty.
    public var name: String { document.value["metadata"]?["name"]?.stringValue ?? "" }

    /// `metadata.namespace`, when set.
    public var namespace: String? { document.value["metadata"]?["namespace"]?.stringValue }

    /// `Kind/name` (or `Kind/namespace/name`).
    public var reference: String {
        if let namespace, !namespace.isEmpty { return "\(kind)/\(namespace)/\(name)" }
        return "\(kind)/\(name)"
    }
}

/// What reading some manifests produced: the objects that could be read and every problem.
public struct ManifestSet: Sendable {
    public var manifests: [LoadedManifest] = []
    public var diagnostics: [Diagnostic] = []
    public init() {}

    /// Adds another set's objects and problems.
    public mutating func append(_ other: ManifestSet) {
        manifests += other.manifests
        diagnostics += other.diagnostics
    }
}

/// Reads YAML or JSON manifests into typed objects, strictly: a document whose kind is
/// registered must decode without unknown fields, wrong types or missing required fields, and
/// each problem is reported at its `file:line:column`.
public struct ManifestLoader: Sendable {
    public var registry: KindRegistry

    public init(registry: KindRegistry = .standard) { self.registry = registry }

    /// Reads every object of a text; JSON when the file ends in `.json` or the text starts with
    /// `{` or `[`, YAML otherwise. A `kind: List` document contributes its items.
    public func load(_ text: String, file: String?) -> ManifestSet {
        var result = ManifestSet()
        let documents: [SourceDocument]
        do {
            documents = Self.isJSON(text, file: file)
                ? try JSONReader.documents(text, file: file) : try YAMLReader.documents(text, file: file)
        } catch {
            result.diagnostics.append(Diagnostic(error))
            return result
        }
        for document in documents {
            for item in Self.expandLists(document) {
                load(item, into: &result)
            }
        }
        return result
    }

    static func isJSON(_ text: String, file: String?) -> Bool {
        if let file, file.hasSuffix(".json") { return true }
        let first = text.utf8.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return first == UInt8(ascii: "{")
    }

    /// The items of a `v1 List` (or any `…List` kind with `items`), each as its own document.
    static func expandLists(_ document: SourceDocument) -> [SourceDocument] {
        guard let kind = document.value["kind"]?.stringValue, kind.hasSuffix("List"),
            let items = document.value["items"]?.arrayValue
        else { return [document] }
        var sourceItems: [SourceNode] = []
        if case .mapping(_, let members) = document.source, case .sequence(_, let nodes) = members.first(where: { $0.key == "items" })?.value {
            sourceItems = nodes
        }
        return items.enumerated().map { index, item in
            SourceDocument(file: document.file, index: document.index, value: item,
                           source: sourceItems.indices.contains(index) ? sourceItems[index] : nil)
        }
    }

    private func load(_ document: SourceDocument, into result: inout ManifestSet) {
        guard case .object(let content) = document.value else {
            result.diagnostics.append(Diagnostic(
                FieldIssue(path: .root, message: "expected an object with apiVersion and kind, got \(document.value.typeName)"),
                in: document, object: nil))
            return
        }
        var problems: [FieldIssue] = []
        let apiVersion = content["apiVersion"]?.stringValue ?? ""
        let kind = content["kind"]?.stringValue ?? ""
        if apiVersion.isEmpty { problems.append(.required(FieldPath("apiVersion"), "every object names its apiVersion")) }
        if kind.isEmpty { problems.append(.required(FieldPath("kind"), "every object names its kind")) }
        guard problems.isEmpty else {
            result.diagnostics += problems.map { Diagnostic($0, in: document, object: nil) }
            return
        }
        let reference = "\(kind)/\(content["metadata"]?["name"]?.stringValue ?? "")"
        guard let type = registry.type(apiVersion: apiVersion, kind: kind) else {
            if apiVersion.hasPrefix(PlatformGroup.name + "/") {
                let known = registry.kinds(inGroup: PlatformGroup.name)
                    .filter { $0.resourceType.apiVersion == apiVersion }.map { $0.resourceType.kind }
                let issue: FieldIssue = known.isEmpty
                    ? FieldIssue(path: FieldPath("apiVersion"),
                                 message: "Unsupported value: \"\(apiVersion)\": supported values: \"\(PlatformGroup.apiVersion)\"")
                    : FieldIssue(path: FieldPath("kind"), message: "Unsupported value: \"\(kind)\": supported values: "
                        + known.map { "\"\($0)\"" }.joined(separator: ", "))
                result.diagnostics.append(Diagnostic(issue, in: document, object: reference))
                return
            }
            result.manifests.append(LoadedManifest(document: document, apiVersion: apiVersion, kind: kind,
                                                   object: .unstructured(UnstructuredObject(content))))
            return
        }
        do {
            let object = try Self.decode(type, from: document.value)
            result.manifests.append(LoadedManifest(document: document, apiVersion: apiVersion, kind: kind, object: .typed(object)))
        } catch {
            for problem in error.problems {
                result.diagnostics.append(Diagnostic(problem, in: document, object: reference))
            }
        }
    }

    private static func decode<T: KubeObject>(_ type: T.Type, from value: JSONValue) throws(DecodingFailure) -> any KubeObject {
        try ValueDecoder().decode(type, from: value)
    }
}

extension Diagnostic {
    /// A diagnostic for a decoding problem; a missing field is reported where its parent object starts.
    public init(_ problem: DecodingProblem, in document: SourceDocument, object: String?) {
        let position = document.position(of: problem.path)
        self.init(file: document.file, line: position?.line, column: position?.column, object: object,
                  field: problem.path.description, message: problem.message)
    }
}
