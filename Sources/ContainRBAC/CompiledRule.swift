import ContainModel

/// A `PolicyRule` prepared for fast matching. Matching follows kube-apiserver's
/// `rbac.RuleAllows` exactly; only the representation differs: strings are numbers of the
/// policy's `PolicySymbols`, lists are ranges of the policy's shared pool of numbers, and verbs
/// are a bit mask. The struct holds no references, so walking thousands of rules per decision
/// neither retains nor releases anything.
struct CompiledRule: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let allVerbs = Flags(rawValue: 1 << 0)
        static let allGroups = Flags(rawValue: 1 << 1)
        static let allResources = Flags(rawValue: 1 << 2)
    }

    /// Bit `n` set when the rule names the verb numbered `n` (numbers below 64).
    var verbMask: UInt64
    /// Verbs numbered 64 or more (a policy with that many distinct verbs is unusual).
    var otherVerbs: PoolRange
    var groups: PoolRange
    /// Resources as written (`pods`, `pods/status`, `*/scale`), compared with the request's
    /// `resource/subresource`.
    var resources: PoolRange
    /// Subresources matched for any resource (`*/scale` → `scale`).
    var anyResourceSubresources: PoolRange
    /// Empty: every name.
    var names: PoolRange
    var flags: Flags
    /// Index of the rule's `nonResourceURLs` in `CompiledRules.urlRules`, or -1 when it has none.
    var urlRule: Int32
    /// Index of the rule as written in `CompiledRules.written`.
    var written: Int32
}

/// A half-open range of indices into a pool array, stored in 8 bytes.
struct PoolRange: Sendable {
    var start: Int32
    var end: Int32
    static let empty = PoolRange(start: 0, end: 0)
    var isEmpty: Bool { start == end }
    var count: Int { Int(end - start) }
}

/// The `nonResourceURLs` part of a rule.
struct URLRule: Sendable {
    let all: Bool
    let urls: Set<String>
    /// Prefixes of `nonResourceURLs` ending in `*`, every trailing `*` removed (as Go's
    /// `strings.TrimRight(url, "*")` in kube-apiserver's `NonResourceURLMatches`).
    let prefixes: [String]

    init(_ list: [String]) {
        urls = Set(list)
        all = urls.contains("*")
        prefixes = list.filter { $0.hasSuffix("*") && $0 != "*" }.map { url in
            var prefix = Substring(url)
            while prefix.last == "*" { prefix = prefix.dropLast() }
            return String(prefix)
        }
    }

    func matches(_ path: String) -> Bool {
        if all || urls.contains(path) { return true }
        return prefixes.contains { path.hasPrefix($0) }
    }
}

/// A request's strings as numbers of a policy's symbols, looked up once per decision.
struct ResolvedRequest {
    let isResourceRequest: Bool
    let verb: Int32
    /// `1 << verb` for verbs numbered below 64, else 0.
    let verbBit: UInt64
    let group: Int32
    /// The number of `resource/subresource` (or `resource` alone).
    let resource: Int32
    /// The number of the subresource, `absent` when the request has none.
    let subresource: Int32
    let name: Int32
    let path: String

    init(_ request: RequestAttributes, _ symbols: PolicySymbols) {
        isResourceRequest = request.isResourceRequest
        verb = symbols.verb(request.verb)
        verbBit = verb >= 0 && verb < 64 ? 1 << UInt64(verb) : 0
        path = request.path
        guard request.isResourceRequest else {
            group = PolicySymbols.absent
            resource = PolicySymbols.absent
            subresource = PolicySymbols.absent
            name = PolicySymbols.absent
            return
        }
        group = symbols.word(request.apiGroup)
        if request.subresource.isEmpty {
            resource = symbols.word(request.resource)
            subresource = PolicySymbols.absent
        } else {
            resource = symbols.word(request.resource + "/" + request.subresource)
            subresource = symbols.word(request.subresource)
        }
        name = symbols.word(request.name)
    }
}

/// Every rule of a policy, compiled once (rules shared by many bindings are compiled once too),
/// with the pool their lists point into.
struct CompiledRules: Sendable {
    private(set) var symbols = PolicySymbols()
    private(set) var rules: [CompiledRule] = []
    private(set) var pool: [Int32] = []
    private(set) var urlRules: [URLRule] = []
    /// The rules as written, for rules reviews and escalation checks.
    private(set) var written: [PolicyRule] = []
    private var ranges: [[PolicyRule]: PoolRange] = [:]

    /// The range of `rules` holding `list` compiled, compiling it on first use.
    mutating func add(_ list: [PolicyRule]) -> PoolRange {
        if let range = ranges[list] { return range }
        let start = Int32(rules.count)
        for rule in list { rules.append(compile(rule)) }
        let range = PoolRange(start: start, end: Int32(rules.count))
        ranges[list] = range
        return range
    }

    private mutating func compile(_ rule: PolicyRule) -> CompiledRule {
        var flags: CompiledRule.Flags = []
        var mask: UInt64 = 0
        var otherVerbs: [Int32] = []
        for verb in rule.verbs {
            if verb == "*" { flags.insert(.allVerbs) }
            let id = symbols.internVerb(verb)
            if id < 64 { mask |= 1 << UInt64(id) } else { otherVerbs.append(id) }
        }
        let groupList = rule.apiGroups ?? []
        if groupList.contains("*") { flags.insert(.allGroups) }
        let resourceList = rule.resources ?? []
        if resourceList.contains("*") { flags.insert(.allResources) }
        let anySubresources = resourceList.filter { $0.hasPrefix("*/") }.map { String($0.dropFirst(2)) }
        let urlList = rule.nonResourceURLs ?? []
        var urlRule: Int32 = -1
        if !urlList.isEmpty {
            urlRule = Int32(urlRules.count)
            urlRules.append(URLRule(urlList))
        }
        written.append(rule)
        return CompiledRule(
            verbMask: mask, otherVerbs: store(otherVerbs), groups: store(groupList.map { symbols.internWord($0) }),
            resources: store(resourceList.map { symbols.internWord($0) }),
            anyResourceSubresources: store(anySubresources.map { symbols.internWord($0) }),
            names: store((rule.resourceNames ?? []).map { symbols.internWord($0) }),
            flags: flags, urlRule: urlRule, written: Int32(written.count - 1))
    }

    private mutating func store(_ ids: [Int32]) -> PoolRange {
        let start = Int32(pool.count)
        pool.append(contentsOf: ids)
        return PoolRange(start: start, end: Int32(pool.count))
    }

    @inline(__always)
    private func poolContains(_ range: PoolRange, _ id: Int32) -> Bool {
        var index = Int(range.start)
        let end = Int(range.end)
        while index < end {
            if pool[index] == id { return true }
            index += 1
        }
        return false
    }

    /// Whether the rule at `index` allows `request`.
    @inline(__always)
    func allows(_ index: Int, _ request: ResolvedRequest) -> Bool {
        let rule = rules[index]
        if !rule.flags.contains(.allVerbs) && rule.verbMask & request.verbBit == 0 {
            // A verb numbered 64 or more, or one no rule names (which then cannot match).
            guard request.verbBit == 0, request.verb >= 0, poolContains(rule.otherVerbs, request.verb) else { return false }
        }
        guard request.isResourceRequest else {
            return rule.urlRule >= 0 && urlRules[Int(rule.urlRule)].matches(request.path)
        }
        guard rule.flags.contains(.allGroups) || poolContains(rule.groups, request.group) else { return false }
        guard rule.flags.contains(.allResources) || poolContains(rule.resources, request.resource)
            || (request.subresource != PolicySymbols.absent && poolContains(rule.anyResourceSubresources, request.subresource))
        else { return false }
        // An empty `resourceNames` allows every name; otherwise the request must name one of them
        // (so list, watch of a collection and create, which carry no name, are not allowed).
        return rule.names.isEmpty || poolContains(rule.names, request.name)
    }
}
