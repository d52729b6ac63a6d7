/// What a request path names, before any resource lookup: the pure first step of routing.
public enum APIPath: Sendable, Hashable {
    /// `/version`.
    case version
    /// `/healthz`, `/readyz`, `/livez` (and their sub-checks).
    case health
    /// `/api`: the core group's versions.
    case coreGroup
    /// `/apis`: every other group.
    case groups
    /// `/apis/{group}`: one group.
    case group(String)
    /// `/api/v1` or `/apis/{group}/{version}`: the resources of a group version.
    case groupVersion(group: String, version: String)
    /// `/openapi/v3`: the index of per-group-version documents.
    case openAPIIndex
    /// `/openapi/v3/api/v1` or `/openapi/v3/apis/{group}/{version}`.
    case openAPIDocument(group: String, version: String)
    /// A collection, an object, or an object's subresource.
    case resource(ResourcePath)
    /// `/metrics` (Prometheus text format).
    case metrics

    /// Parses a path (without its query). `nil` when nothing is served there.
    public init?(_ path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        switch segments.first {
        case "version" where segments.count == 1:
            self = .version
        case "metrics" where segments.count == 1:
            self = .metrics
        case "healthz", "readyz", "livez":
            self = .health
        case "openapi":
            guard segments.count >= 2, segments[1] == "v3" else { return nil }
            let rest = Array(segments.dropFirst(2))
            if rest.isEmpty {
                self = .openAPIIndex
            } else if rest == ["api", "v1"] {
                self = .openAPIDocument(group: "", version: "v1")
            } else if rest.count == 3, rest[0] == "apis" {
                self = .openAPIDocument(group: rest[1], version: rest[2])
            } else {
                return nil
            }
        case "api":
            if segments.count == 1 {
                self = .coreGroup
            } else if segments.count == 2 {
                self = .groupVersion(group: "", version: segments[1])
            } else {
                guard let resource = ResourcePath(group: "", version: segments[1], rest: Array(segments.dropFirst(2))) else {
                    return nil
                }
                self = .resource(resource)
            }
        case "apis":
            switch segments.count {
            case 1: self = .groups
            case 2: self = .group(segments[1])
            case 3: self = .groupVersion(group: segments[1], version: segments[2])
            default:
                guard let resource = ResourcePath(group: segments[1], version: segments[2], rest: Array(segments.dropFirst(3))) else {
                    return nil
                }
                self = .resource(resource)
            }
        default:
            return nil
        }
    }
}

/// `…/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]`.
public struct ResourcePath: Sendable, Hashable {
    public var group: String
    public var version: String
    /// The namespace from the URL; `nil` for cluster-scoped requests and all-namespaces lists.
    public var namespace: String?
    public var plural: String
    public var name: String?
    public var subresource: String?

    public init(group: String, version: String, namespace: String? = nil, plural: String, name: String? = nil,
                subresource: String? = nil) {
        self.group = group
        self.version = version
        self.namespace = namespace
        self.plural = plural
        self.name = name
        self.subresource = subresource
    }

    /// Parses the segments after the group version.
    init?(group: String, version: String, rest: [String]) {
        var rest = rest[...]
        var namespace: String?
        // `/namespaces/{ns}/{plural}…` is a namespaced request; `/namespaces` and
        // `/namespaces/{ns}[/status|finalize]` name Namespace objects themselves.
        if rest.count >= 3, rest.first == "namespaces", !(group.isEmpty && ["status", "finalize"].contains(rest[rest.startIndex + 2]) && rest.count == 3) {
            namespace = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let plural = rest.first, rest.count <= 3 else { return nil }
        let remaining = Array(rest.dropFirst())
        self.init(group: group, version: version, namespace: namespace, plural: plural,
                  name: remaining.first, subresource: remaining.count > 1 ? remaining[1] : nil)
    }
}
