/// A pod of the network model, named by namespace and name.
///
/// For pods that come from a workload's template, `name` is the workload's name (one
/// representative pod per workload).
public struct PodRef: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's (or its workload's) name.
    public var name: String

    /// Creates a reference to `namespace/name`.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// `namespace/name`.
    public var description: String { "\(namespace)/\(name)" }

    /// Orders by namespace, then name.
    public static func < (lhs: PodRef, rhs: PodRef) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
