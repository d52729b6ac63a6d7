import Foundation
import ContainModel

/// A resource collection as URLs name it: group, version, plural and scope (plus the kind, for
/// objects the client builds). Standard protocol paths: `/api/v1/...` for the core group,
/// `/apis/GROUP/VERSION/...` otherwise.
public struct KubeResource: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var plural: String
    public var kind: String
    public var namespaced: Bool

    public init(group: String, version: String, plural: String, kind: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.plural = plural
        self.kind = kind
        self.namespaced = namespaced
    }

    /// The resource of a typed kind.
    public init(_ type: ResourceType) {
        self.init(group: type.group, version: type.version, plural: type.plural, kind: type.kind, namespaced: type.namespaced)
    }

    /// The resource of a typed kind.
    public static func of<T: KubeObject>(_: T.Type) -> KubeResource { KubeResource(T.resourceType) }

    /// `group/version`, or `version` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }

    /// The URL path of the collection (in `namespace` when namespaced and given) or of one object.
    public func path(namespace: String? = nil, name: String? = nil, subresource: String? = nil) -> String {
        var path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace, !namespace.isEmpty { path += "/namespaces/\(Self.escape(namespace))" }
        path += "/\(plural)"
        if let name { path += "/\(Self.escape(name))" }
        if let subresource { path += "/\(subresource)" }
        return path
    }

    private static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? segment
    }

    // Common resources.
    public static let namespaces = KubeResource(group: "", version: "v1", plural: "namespaces", kind: "Namespace", namespaced: false)
    public static let leases = KubeResource(group: "coordination.k8s.io", version: "v1", plural: "leases", kind: "Lease", namespaced: true)
}
