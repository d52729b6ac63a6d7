import ContainModel

/// Reads the inputs of `contain netpol`: manifests (Namespaces, Pods, workloads with pod
/// templates, NetworkPolicies) and what-if `workloads` files, into one `NetworkModel`, with
/// every problem as a `file:line` diagnostic. No I/O: the caller reads the files.
public struct NetworkInputs: Sendable {
    /// The manifests read (typed or not).
    public var manifests: [LoadedManifest]
    /// The model: manifests first, then the what-if pods and namespaces.
    public var model: NetworkModel
    /// Every problem found while reading; errors make the inputs unusable.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads `sources` as manifests and `workloads` as what-if files (`NetworkWorkloads`).
    public init(sources: [ManifestSource], workloads: [ManifestSource] = [], loader: ManifestLoader = ManifestLoader()) {
        var set = ManifestSet()
        for source in sources { set.append(loader.load(source.text, file: source.path)) }
        manifests = set.manifests
        diagnostics = set.diagnostics
        var model = NetworkModel(manifests: set.manifests)
        for source in workloads {
            do {
                let form = try NetworkWorkloads(yaml: source.text, file: source.path)
                for namespace in form.networkNamespaces { model.add(namespace) }
                for pod in form.networkPods { model.add(pod) }
            } catch {
                diagnostics.append(Diagnostic(file: source.path, line: nil, column: nil, message: error.description))
            }
        }
        self.model = model
    }

    /// Compiles the model.
    /// - Throws: a diagnostic at the policy's `file:line` for a policy the API would reject.
    public func engine(selfTrafficAlwaysAllowed: Bool = true) throws(InputDiagnostic) -> ReachabilityEngine {
        do {
            return try ReachabilityEngine(model: model, selfTrafficAlwaysAllowed: selfTrafficAlwaysAllowed)
        } catch {
            throw InputDiagnostic(diagnostic: error.diagnostic(in: manifests))
        }
    }

    /// A `Diagnostic` as an error.
    public struct InputDiagnostic: Error, Sendable {
        public var diagnostic: Diagnostic
    }
}

extension NetworkInputError {
    /// This error as a diagnostic, placed at the offending policy's field when the policy came
    /// from one of `manifests` (otherwise without a file).
    public func diagnostic(in manifests: [LoadedManifest]) -> Diagnostic {
        let policy: String, field: String?, message: String
        switch self {
        case .invalidSelector(let name, let path, let text):
            (policy, field, message) = (name, path, "invalid selector: \(text)")
        case .invalidCIDR(let name, let cidr):
            (policy, field, message) = (name, nil, "invalid CIDR \"\(cidr)\"")
        case .syntax, .documentCount, .decoding:
            return Diagnostic(file: nil, line: nil, column: nil, message: description)
        }
        let object = "NetworkPolicy/\(policy)"
        guard let manifest = manifests.first(where: { $0.kind == "NetworkPolicy" && Self.reference(of: $0) == policy }) else {
            return Diagnostic(file: nil, line: nil, column: nil, object: object, field: field, message: "\(object): \(message)")
        }
        let path = field.map(FieldPath.init(parsing:)) ?? FieldPath("metadata", "name")
        let position = manifest.document.position(of: path)
        return Diagnostic(
            file: manifest.document.file, line: position?.line, column: position?.column, object: object, field: field,
            message: field == nil ? "\(object): \(message)" : message)
    }

    private static func reference(of manifest: LoadedManifest) -> String {
        let namespace = manifest.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return "\(namespace)/\(manifest.name)"
    }
}

extension FieldPath {
    /// Parses the printed form `spec.ingress[0].from[1].podSelector` (keys without dots).
    init(parsing text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                components.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { components.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.init(components)
    }
}
