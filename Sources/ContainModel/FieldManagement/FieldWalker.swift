/// The structural operations server-side apply needs over objects, knowing which lists are
/// atomic, sets or keyed maps: the field set of an object, what changed between two objects,
/// merging an applied configuration, and removing a set of fields. Pure.
public struct FieldWalker: Sendable {
    public let rules: ListMergeRules

    public init(rules: ListMergeRules) { self.rules = rules }

    // MARK: Elements

    /// The path element naming a list item: `k:{…}` for keyed maps, `v:…` for sets, `i:N` otherwise.
    func element(of item: JSONValue, at index: Int, rule: ListMergeRule) -> String {
        switch rule {
        case .set:
            return "v:" + JSONWriter.compact(item)
        case .map(let keys, _):
            guard case .object(let object) = item else { return "i:\(index)" }
            var key = JSONObject()
            for name in keys.sorted() { if let value = object[name] { key[name] = value } }
            return key.isEmpty ? "i:\(index)" : "k:" + JSONWriter.compact(.object(key))
        case .atomic:
            return "i:\(index)"
        }
    }

    /// List items by element, in order; `nil` for atomic lists.
    func elements(of items: [JSONValue], path: [String]) -> [(element: String, value: JSONValue)]? {
        let rule = rules.rule(at: path)
        if case .atomic = rule { return nil }
        return items.enumerated().map { (element(of: $0.element, at: $0.offset, rule: rule), $0.element) }
    }

    // MARK: Field sets

    /// Every field of an object (the object itself is not a member).
    public func fields(of object: JSONObject, path: [String] = []) -> FieldSet {
        var set = FieldSet()
        for (name, value) in object.members {
            set.children["f:" + name] = fields(ofValue: value, path: path + [name])
        }
        return set
    }

    /// The fields of one value: a leaf for scalars, atomic lists and empty containers.
    func fields(ofValue value: JSONValue, path: [String]) -> FieldSet {
        switch value {
        case .object(let object) where !object.isEmpty:
            return fields(of: object, path: path)
        case .array(let items) where !items.isEmpty:
            guard let elements = elements(of: items, path: path) else { return FieldSet(isMember: true) }
            var set = FieldSet()
            for (element, item) in elements {
                var node = FieldSet(isMember: true)
                if case .object(let object) = item { node.children = fields(of: object, path: path).children }
                set.children[element] = node
            }
            return set
        default:
            return FieldSet(isMember: true)
        }
    }

    // MARK: Comparison

    /// What changed from `old` to `new`, as field sets.
    public struct Changes: Sendable {
        public var added = FieldSet()
        public var modified = FieldSet()
        public var removed = FieldSet()
    }

    /// The fields added, changed and removed from `old` to `new`.
    public func compare(_ old: JSONObject, _ new: JSONObject) -> Changes {
        var changes = Changes()
        compareObjects(old, new, path: [], into: &changes, at: [])
        return changes
    }

    private func compareObjects(_ old: JSONObject, _ new: JSONObject, path: [String], into changes: inout Changes, at setPath: [String]) {
        for (name, value) in new.members {
            let element = "f:" + name
            if let before = old[name] {
                compareValues(before, value, path: path + [name], into: &changes, at: setPath + [element])
            } else {
                graft(fields(ofValue: value, path: path + [name]), at: setPath + [element], into: &changes.added)
            }
        }
        for (name, value) in old.members where new[name] == nil {
            graft(fields(ofValue: value, path: path + [name]), at: setPath + ["f:" + name], into: &changes.removed)
        }
    }

    private func compareValues(_ old: JSONValue, _ new: JSONValue, path: [String], into changes: inout Changes, at setPath: [String]) {
        if old == new { return }
        switch (old, new) {
        case (.object(let a), .object(let b)) where !a.isEmpty && !b.isEmpty:
            compareObjects(a, b, path: path, into: &changes, at: setPath)
            return
        case (.array(let a), .array(let b)) where !a.isEmpty && !b.isEmpty:
            if let before = elements(of: a, path: path), let after = elements(of: b, path: path) {
                var oldByElement: [String: JSONValue] = [:]
                for (element, value) in before { oldByElement[element] = value }
                var seen = Set<String>()
                for (element, value) in after {
                    seen.insert(element)
                    if let previous = oldByElement[element] {
                        if case .object(let a) = previous, case .object(let b) = value {
                            compareObjects(a, b, path: path, into: &changes, at: setPath + [element])
                        }
                    } else {
                        var node = FieldSet(isMember: true)
                        if case .object(let object) = value { node.children = fields(of: object, path: path).children }
                        graft(node, at: setPath + [element], into: &changes.added)
                    }
                }
                for (element, value) in before where !seen.contains(element) {
                    var node = FieldSet(isMember: true)
                    if case .object(let object) = value { node.children = fields(of: object, path: path).children }
                    graft(node, at: setPath + [element], into: &changes.removed)
                }
                return
            }
        default:
            break
        }
        let before = fields(ofValue: old, path: path), after = fields(ofValue: new, path: path)
        if before.isMember && after.isMember && before.children.isEmpty && after.children.isEmpty {
            graft(FieldSet(isMember: true), at: setPath, into: &changes.modified)
        } else {
            graft(before.subtracting(after), at: setPath, into: &changes.removed)
            graft(after.subtracting(before), at: setPath, into: &changes.added)
            graft(after.intersection(before), at: setPath, into: &changes.modified)
        }
    }

    private func graft(_ node: FieldSet, at path: [String], into set: inout FieldSet) {
        guard !node.isEmpty else { return }
        guard let first = path.first else {
            set = set.union(node)
            return
        }
        var child = set.children[first] ?? FieldSet()
        graft(node, at: Array(path.dropFirst()), into: &child)
        set.children[first] = child
    }

    // MARK: Merge and removal

    /// `applied` laid over `live`: objects merge member by member, keyed lists item by item,
    /// sets by union; scalars and atomic lists are replaced.
    public func merge(_ live: JSONValue, _ applied: JSONValue, path: [String] = []) -> JSONValue {
        switch (live, applied) {
        case (.object(let l), .object(let a)):
            var result = l
            for (name, value) in a.members {
                result[name] = l[name].map { merge($0, value, path: path + [name]) } ?? value
            }
            return .object(result)
        case (.array(let l), .array(let a)):
            guard let liveElements = elements(of: l, path: path), let appliedElements = elements(of: a, path: path) else {
                return applied
            }
            var result = l
            var positions: [String: Int] = [:]
            for (index, entry) in liveElements.enumerated() { positions[entry.element] = index }
            for (element, value) in appliedElements {
                if let index = positions[element] {
                    result[index] = merge(result[index], value, path: path)
                } else {
                    positions[element] = result.count
                    result.append(value)
                }
            }
            return .array(result)
        default:
            return applied
        }
    }

    /// `value` without the fields of `set`; `nil` when the value itself is removed. Objects left
    /// empty by a removal are removed too.
    public func removing(_ set: FieldSet, from value: JSONValue, path: [String] = []) -> JSONValue? {
        if set.isMember { return nil }
        if set.children.isEmpty { return value }
        switch value {
        case .object(let object):
            var result = object
            var removedSomething = false
            for (element, child) in set.children where element.hasPrefix("f:") {
                let name = String(element.dropFirst(2))
                guard let member = result[name] else { continue }
                let remaining = removing(child, from: member, path: path + [name])
                if remaining != member { removedSomething = true }
                result[name] = remaining
            }
            return removedSomething && result.isEmpty && !object.isEmpty ? nil : .object(result)
        case .array(let items):
            guard let entries = elements(of: items, path: path) else { return value }
            var result: [JSONValue] = []
            for (element, item) in entries {
                if let child = set.children[element] {
                    if let remaining = removing(child, from: item, path: path) { result.append(remaining) }
                } else {
                    result.append(item)
                }
            }
            return .array(result)
        default:
            return value
        }
    }
}
