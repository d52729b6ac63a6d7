import ContainModel

/// A policy's grants flattened for decisions: subjects and namespaces are numbered, each
/// subject's grants are a contiguous range of one array (cluster-wide ones by subject number,
/// namespaced ones by namespace and subject number), and every grant points at its compiled
/// rules. A decision hashes the user's name, each group and the namespace once, and the
/// request's strings once (`ResolvedRequest`); the rest compares integers.
///
/// The order of grants is the order of `GrantIndex` (binding order per subject), and subjects
/// are tried as before (the user, then each group in order; cluster-wide grants before the
/// namespace's), so the grant named in a decision's reason is the one it always was.
struct CompiledGrants: Sendable {
    struct Grant: Sendable {
        var rules: PoolRange
        /// The union of the rules' verb masks: a grant none of whose rules names the verb is skipped.
        var verbMask: UInt64
        /// A rule with `*` or a verb numbered 64 or more: the mask cannot rule the grant out.
        var anyVerb: Bool
        /// Index in `sources`.
        var source: Int32
    }

    private(set) var rules = CompiledRules()
    private var grants: [Grant] = []
    private var sources: [String] = []
    private var userIDs: [String: Int32] = [:]
    private var groupIDs: [String: Int32] = [:]
    /// Ranges of `grants`, by subject number.
    private var clusterLists: [PoolRange] = []
    private var namespaceIDs: [String: Int32] = [:]
    /// Ranges of `grants`, by `namespace << 32 | subject`.
    private var namespacedLists: [Int64: PoolRange] = [:]

    init(cluster: GrantIndex, namespaced: [String: GrantIndex]) {
        let indexes = [cluster] + namespaced.values
        for name in Set(indexes.flatMap(\.users.keys)).sorted() { userIDs[name] = Int32(userIDs.count) }
        for name in Set(indexes.flatMap(\.groups.keys)).sorted() { groupIDs[name] = Int32(userIDs.count + groupIDs.count) }
        clusterLists = Array(repeating: .empty, count: userIDs.count + groupIDs.count)
        for (subject, list) in entries(cluster) { clusterLists[Int(subject)] = append(list) }
        for (namespace, index) in namespaced.sorted(by: { $0.key < $1.key }) {
            let namespaceID = Int64(namespaceIDs.count)
            namespaceIDs[namespace] = Int32(namespaceID)
            for (subject, list) in entries(index) { namespacedLists[namespaceID << 32 | Int64(subject)] = append(list) }
        }
    }

    private func entries(_ index: GrantIndex) -> [(Int32, [PolicyGrant])] {
        let users = index.users.map { (userIDs[$0.key]!, $0.value) }
        let groups = index.groups.map { (groupIDs[$0.key]!, $0.value) }
        return (users + groups).sorted { $0.0 < $1.0 }
    }

    private mutating func append(_ list: [PolicyGrant]) -> PoolRange {
        let start = Int32(grants.count)
        for grant in list {
            let range = rules.add(grant.rules)
            var mask: UInt64 = 0
            var anyVerb = false
            for index in Int(range.start)..<Int(range.end) {
                let rule = rules.rules[index]
                mask |= rule.verbMask
                if rule.flags.contains(.allVerbs) || !rule.otherVerbs.isEmpty { anyVerb = true }
            }
            sources.append(grant.source)
            grants.append(Grant(rules: range, verbMask: mask, anyVerb: anyVerb, source: Int32(sources.count - 1)))
        }
        return PoolRange(start: start, end: Int32(grants.count))
    }

    /// Number of (subject, grant) pairs indexed.
    var count: Int { grants.count }

    /// The source of the first grant of `user` (or one of its groups) that allows `request`:
    /// cluster-wide grants first, then those of the request's namespace.
    func firstAllowing(_ user: UserInfo, _ request: RequestAttributes) -> String? {
        let resolved = ResolvedRequest(request, rules.symbols)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: user.groups.count + 1) { subjects -> String? in
            subjects[0] = userIDs[user.name] ?? -1
            for (offset, group) in user.groups.enumerated() { subjects[offset + 1] = groupIDs[group] ?? -1 }
            for subject in subjects where subject >= 0 {
                if let source = firstAllowing(in: clusterLists[Int(subject)], resolved) { return sources[Int(source)] }
            }
            guard !request.namespace.isEmpty, let namespace = namespaceIDs[request.namespace] else { return nil }
            for subject in subjects where subject >= 0 {
                guard let list = namespacedLists[Int64(namespace) << 32 | Int64(subject)] else { continue }
                if let source = firstAllowing(in: list, resolved) { return sources[Int(source)] }
            }
            return nil
        }
    }

    @inline(__always)
    private func firstAllowing(in list: PoolRange, _ request: ResolvedRequest) -> Int32? {
        var index = Int(list.start)
        while index < Int(list.end) {
            let grant = grants[index]
            index += 1
            guard grant.anyVerb || grant.verbMask & request.verbBit != 0 else { continue }
            for rule in Int(grant.rules.start)..<Int(grant.rules.end) where rules.allows(rule, request) { return grant.source }
        }
        return nil
    }

    /// Every rule (as written) granted to `user` cluster-wide and, when `namespace` is not
    /// empty, in `namespace`, in decision order; repeated rules included.
    func writtenRules(for user: UserInfo, namespace: String) -> [PolicyRule] {
        let subjects = [userIDs[user.name]] + user.groups.map { groupIDs[$0] }
        var lists = subjects.compactMap { $0 }.map { clusterLists[Int($0)] }
        if !namespace.isEmpty, let namespaceID = namespaceIDs[namespace] {
            lists += subjects.compactMap { $0 }.compactMap { namespacedLists[Int64(namespaceID) << 32 | Int64($0)] }
        }
        var result: [PolicyRule] = []
        for list in lists {
            for grant in grants[Int(list.start)..<Int(list.end)] {
                for rule in rules.rules[Int(grant.rules.start)..<Int(grant.rules.end)] { result.append(rules.written[Int(rule.written)]) }
            }
        }
        return result
    }
}
