import ContainModel

/// A `PolicyRule` prepared for fast matching: sets instead of arrays, wildcards as flags.
/// Matching follows kube-apiserver's `rbac.RuleAllows` exactly.
public struct CompiledRule: Sendable, Hashable {
    /// The rule as written.
    public let rule: PolicyRule
    let allVerbs: Bool
    let verbs: Set<String>
    let allGroups: Bool
    let groups: Set<String>
    let allResources: Bool
    let resources: Set<String>
    /// Subresources matched for any resource (`*/scale` → `scale`).
    let anyResourceSubresources: Set<String>
    let names: Set<String>
    let allURLs: Bool
    let urls: Set<String>
    /// Prefixes of `nonResourceURLs` ending in `*`.
    let urlPrefixes: [String]

    public init(_ rule: PolicyRule) {
        self.rule = rule
        verbs = Set(rule.verbs)
        allVerbs = verbs.contains("*")
        groups = Set(rule.apiGroups ?? [])
        allGroups = groups.contains("*")
        let resourceList = rule.resources ?? []
        resources = Set(resourceList)
        allResources = resources.contains("*")
        anyResourceSubresources = Set(resourceList.filter { $0.hasPrefix("*/") }.map { String($0.dropFirst(2)) })
        names = Set(rule.resourceNames ?? [])
        let urlList = rule.nonResourceURLs ?? []
        urls = Set(urlList)
        allURLs = urls.contains("*")
        urlPrefixes = urlList.filter { $0.hasSuffix("*") && $0 != "*" }.map { String($0.dropLast()) }
    }

    /// Whether this rule allows the request.
    public func allows(_ request: RequestAttributes) -> Bool {
        guard allVerbs || verbs.contains(request.verb) else { return false }
        if request.isResourceRequest {
            return matchesGroup(request.apiGroup) && matchesResource(request.resource, request.subresource)
                && matchesName(request.name)
        }
        return matchesURL(request.path)
    }

    func matchesGroup(_ group: String) -> Bool { allGroups || groups.contains(group) }

    func matchesResource(_ resource: String, _ subresource: String) -> Bool {
        if allResources { return true }
        if subresource.isEmpty { return resources.contains(resource) }
        return resources.contains(resource + "/" + subresource) || anyResourceSubresources.contains(subresource)
    }

    /// An empty `resourceNames` allows every name; otherwise the request must name one of them
    /// (so list, watch of a collection and create, which carry no name, are not allowed).
    func matchesName(_ name: String) -> Bool { names.isEmpty || names.contains(name) }

    func matchesURL(_ path: String) -> Bool {
        if allURLs || urls.contains(path) { return true }
        return urlPrefixes.contains { path.hasPrefix($0) }
    }
}
