import ContainModel

/// Discovery documents: aggregated (`apidiscovery.k8s.io/v2`) and legacy
/// (`APIVersions`, `APIGroupList`, `APIGroup`, `APIResourceList`).
public struct Discovery: Sendable {
    public var registry: ResourceRegistry
    /// Resources that are not stored and only answer `create` (the access reviews), listed
    /// after the registry's.
    public var createOnly: [ResourceType]

    public init(registry: ResourceRegistry, createOnly: [ResourceType] = []) {
        self.registry = registry
        self.createOnly = createOnly
    }

    /// The access reviews of authorization.k8s.io/v1, served when the API authorises requests.
    public static let accessReviews: [ResourceType] = [
        ResourceType(group: "authorization.k8s.io", version: "v1", kind: "LocalSubjectAccessReview", plural: "localsubjectaccessreviews",
                     namespaced: true),
        ResourceType(group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews",
                     namespaced: false),
        ResourceType(group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectRulesReview", plural: "selfsubjectrulesreviews",
                     namespaced: false),
        ResourceType(group: "authorization.k8s.io", version: "v1", kind: "SubjectAccessReview", plural: "subjectaccessreviews",
                     namespaced: false),
    ]

    /// One resource as discovery lists it.
    struct Entry {
        var type: ResourceType
        var verbs: [String]
        var hasStatusSubresource: Bool
    }

    static let createVerbs = ["create"]

    /// API groups: the registry's, then those only `createOnly` resources have.
    var groups: [String] {
        var groups = registry.groups
        for type in createOnly where !groups.contains(type.group) { groups.append(type.group) }
        return groups
    }

    func versions(of group: String) -> [String] {
        var versions = registry.versions(of: group)
        for type in createOnly where type.group == group && !versions.contains(type.version) { versions.append(type.version) }
        return versions
    }

    /// The resources of one group version, sorted by plural.
    func entries(group: String, version: String) -> [Entry] {
        let stored = registry.resources(group: group, version: version).map {
            Entry(type: $0.type, verbs: APIResource.verbs, hasStatusSubresource: $0.hasStatusSubresource)
        }
        let reviews = createOnly.filter { $0.group == group && $0.version == version }.map {
            Entry(type: $0, verbs: Self.createVerbs, hasStatusSubresource: false)
        }
        return (stored + reviews).sorted { $0.type.plural < $1.type.plural }
    }

    /// The content type that makes client-go treat a reply as aggregated discovery.
    public static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// Whether an Accept header asks for aggregated discovery v2.
    public static func wantsAggregated(_ accept: String) -> Bool {
        accept.split(separator: ",").contains { part in
            let params = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return params.contains("g=apidiscovery.k8s.io") && params.contains("v=v2") && params.contains("as=APIGroupDiscoveryList")
        }
    }

    static let statusVerbs: [JSONValue] = ["get", "patch", "update"]

    static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    /// `APIGroupDiscoveryList` of the core group (`/api`) or every other group (`/apis`).
    public func aggregated(core: Bool) -> JSONValue {
        let groups = self.groups.filter { core ? $0.isEmpty : !$0.isEmpty }
        let items: [JSONValue] = groups.map { group in
            let versions: [JSONValue] = self.versions(of: group).map { version in
                let resources: [JSONValue] = entries(group: group, version: version).map { resource in
                    let type = resource.type
                    let kind: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
                    var entry: JSONObject = [
                        "resource": .string(type.plural), "responseKind": kind,
                        "scope": .string(type.namespaced ? "Namespaced" : "Cluster"),
                        "singularResource": .string(type.singular), "verbs": Self.strings(resource.verbs),
                    ]
                    if !type.shortNames.isEmpty { entry["shortNames"] = Self.strings(type.shortNames) }
                    if !type.categories.isEmpty { entry["categories"] = Self.strings(type.categories) }
                    if resource.hasStatusSubresource {
                        entry["subresources"] = [["subresource": "status", "responseKind": kind, "verbs": .array(Self.statusVerbs)]]
                    }
                    return .object(entry)
                }
                return ["version": .string(version), "freshness": "Current", "resources": .array(resources)]
            }
            return ["metadata": ["name": .string(group), "creationTimestamp": .null], "versions": .array(versions)]
        }
        return ["kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": [:], "items": .array(items)]
    }

    /// `/api`: `APIVersions`.
    public func apiVersions(serverAddress: String) -> JSONValue {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
    }

    func groupValue(_ group: String) -> JSONValue {
        let versions: [JSONValue] = self.versions(of: group).map {
            ["groupVersion": .string("\(group)/\($0)"), "version": .string($0)]
        }
        return ["name": .string(group), "versions": .array(versions), "preferredVersion": versions.first ?? .null]
    }

    /// `/apis`: `APIGroupList`.
    public func groupList() -> JSONValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups.filter { !$0.isEmpty }.map(groupValue))]
    }

    /// `/apis/{group}`: `APIGroup`, or nil when not served.
    public func group(_ group: String) -> JSONValue? {
        guard !group.isEmpty, groups.contains(group), case .object(var value) = groupValue(group) else { return nil }
        value["kind"] = "APIGroup"
        value["apiVersion"] = "v1"
        return .object(value)
    }

    /// `/api/v1` or `/apis/{group}/{version}`: `APIResourceList`, or nil when not served.
    public func resourceList(group: String, version: String) -> JSONValue? {
        let resources = entries(group: group, version: version)
        guard !resources.isEmpty else { return nil }
        var entries: [JSONValue] = []
        for resource in resources {
            let type = resource.type
            var entry: JSONObject = [
                "name": .string(type.plural), "singularName": .string(type.singular), "namespaced": .bool(type.namespaced),
                "kind": .string(type.kind), "verbs": Self.strings(resource.verbs),
            ]
            if !type.shortNames.isEmpty { entry["shortNames"] = Self.strings(type.shortNames) }
            if !type.categories.isEmpty { entry["categories"] = Self.strings(type.categories) }
            entries.append(.object(entry))
            if resource.hasStatusSubresource {
                entries.append(["name": .string(type.plural + "/status"), "singularName": "", "namespaced": .bool(type.namespaced),
                                "kind": .string(type.kind), "verbs": .array(Self.statusVerbs)])
            }
        }
        return ["kind": "APIResourceList", "apiVersion": "v1",
                "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .array(entries)]
    }
}
