import ContainModel

/// A namespace as NetworkPolicy sees it: a name and labels.
public struct NetworkNamespace: Sendable, Hashable {
    /// The label the API server sets on every namespace (Kubernetes 1.22+): its own name.
    public static let nameLabel = "kubernetes.io/metadata.name"

    /// The namespace's name.
    public var name: String
    /// The declared labels, without the automatic name label.
    public var declaredLabels: [String: String]

    /// Creates a namespace.
    public init(name: String, labels: [String: String] = [:]) {
        self.name = name
        self.declaredLabels = labels
    }

    /// The labels `namespaceSelector`s match: the declared ones plus the automatic
    /// `kubernetes.io/metadata.name: <name>`, which always wins (the API server forces it).
    public var labels: [String: String] {
        var result = declaredLabels
        result[Self.nameLabel] = name
        return result
    }

    /// The namespace of a `Namespace` object.
    public init(_ namespace: Namespace) {
        self.init(name: namespace.metadata.name ?? "", labels: namespace.metadata.labels ?? [:])
    }
}
