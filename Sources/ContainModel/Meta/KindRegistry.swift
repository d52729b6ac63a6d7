/// The typed kinds this build knows, looked up by `apiVersion` and `kind`. Anything else is read
/// as an `UnstructuredObject`.
public struct KindRegistry: Sendable {
    private let types: [String: any KubeObject.Type]

    /// A registry of these kinds.
    public init(_ kinds: [any KubeObject.Type]) {
        var types: [String: any KubeObject.Type] = [:]
        for kind in kinds { types[Self.key(kind.resourceType.apiVersion, kind.resourceType.kind)] = kind }
        self.types = types
    }

    /// Every kind Contain defines or reads: its own platform kinds and the core kinds it produces or checks.
    public static let standard = KindRegistry(platformKinds + coreKinds)

    /// Contain's own kinds, group `platform.contain.dev`.
    public static let platformKinds: [any KubeObject.Type] = [Platform.self, Cluster.self, Tenant.self]

    /// The typed kind for an `apiVersion` and `kind`, if any.
    public func type(apiVersion: String, kind: String) -> (any KubeObject.Type)? {
        types[Self.key(apiVersion, kind)]
    }

    /// All registered kinds, sorted by API version and kind.
    public var allTypes: [any KubeObject.Type] {
        types.keys.sorted().compactMap { types[$0] }
    }

    /// The kinds of one API group (empty string for the core group).
    public func kinds(inGroup group: String) -> [any KubeObject.Type] {
        allTypes.filter { $0.resourceType.group == group }
    }

    private static func key(_ apiVersion: String, _ kind: String) -> String { apiVersion + "\u{0}" + kind }
}
