import ContainModel

/// The compact what-if input: namespaces and pods without full manifests.
///
/// ```yaml
/// namespaces:
///   shop: {labels: {team: a}}
///   db: {}
/// pods:
///   - namespace: shop
///     name: web
///     labels: {app: web}
///     ports: [{name: http, port: 8080, protocol: TCP}]
/// ```
///
/// Decoded strictly (unknown fields are errors) with `ValueDecoder`. `labels` and `ports`
/// may be omitted; a port's `protocol` defaults to `TCP`.
public struct NetworkWorkloads: Sendable, Hashable, Codable {
    /// One namespace of the what-if form.
    public struct NamespaceEntry: Sendable, Hashable, Codable {
        /// Declared labels (the automatic `kubernetes.io/metadata.name` is added for you).
        public var labels: [String: String]?

        /// Creates a namespace entry.
        public init(labels: [String: String]? = nil) { self.labels = labels }
    }

    /// One pod of the what-if form.
    public struct PodEntry: Sendable, Hashable, Codable {
        /// Defaults to `default`.
        public var namespace: String?
        public var name: String
        public var labels: [String: String]?
        public var ports: [NetworkPodPort]?

        /// Creates a pod entry.
        public init(
            namespace: String? = nil, name: String, labels: [String: String]? = nil, ports: [NetworkPodPort]? = nil
        ) {
            self.namespace = namespace
            self.name = name
            self.labels = labels
            self.ports = ports
        }
    }

    /// Namespaces by name.
    public var namespaces: [String: NamespaceEntry]?
    /// The pods.
    public var pods: [PodEntry]?

    /// Creates the form.
    public init(namespaces: [String: NamespaceEntry]? = nil, pods: [PodEntry]? = nil) {
        self.namespaces = namespaces
        self.pods = pods
    }

    /// Decodes the form from a JSON value, rejecting unknown fields.
    public init(value: JSONValue) throws(DecodingFailure) {
        self = try ValueDecoder(rejectsUnknownFields: true).decode(NetworkWorkloads.self, from: value)
    }

    /// Decodes the form from YAML (or JSON) text: its single document.
    public init(yaml text: String, file: String? = nil) throws(NetworkInputError) {
        let documents: [SourceDocument]
        do {
            documents = try YAMLReader.documents(text, file: file)
        } catch {
            throw NetworkInputError.syntax(String(describing: error))
        }
        guard documents.count == 1, let document = documents.first else {
            throw NetworkInputError.documentCount(documents.count)
        }
        do {
            self = try NetworkWorkloads(value: document.value)
        } catch {
            throw NetworkInputError.decoding(error)
        }
    }

    /// The namespaces, sorted by name.
    public var networkNamespaces: [NetworkNamespace] {
        (namespaces ?? [:]).keys.sorted().map { name in
            NetworkNamespace(name: name, labels: namespaces?[name]?.labels ?? [:])
        }
    }

    /// The pods, in order.
    public var networkPods: [NetworkPod] {
        (pods ?? []).map { entry in
            NetworkPod(
                namespace: entry.namespace ?? "default", name: entry.name, labels: entry.labels ?? [:],
                ports: entry.ports ?? [])
        }
    }
}
