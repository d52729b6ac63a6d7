/// Strategic merge patch, as `kubectl apply` and `kubectl patch` send it for built-in kinds: a
/// merge patch whose lists of objects merge by their `patchMergeKey` (containers by `name`),
/// whose merge-strategy scalar lists (finalizers) take the union, and which understands the
/// directives `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/<list>` and
/// `$deleteFromPrimitiveList/<list>`. Pure.
public struct StrategicMergePatch: Sendable {
    public let rules: ListMergeRules

    public init(rules: ListMergeRules) { self.rules = rules }

    /// `patch` applied to `target`.
    public func apply(_ patch: JSONValue, to target: JSONValue) throws(JSONPatchError) -> JSONValue {
        guard case .object(let patchObject) = patch else { throw JSONPatchError("a strategic merge patch must be a JSON object") }
        let original = target.objectValue ?? JSONObject()
        return try mergeObject(original, patchObject, path: []) ?? .object(JSONObject())
    }

    /// The merged object; `nil` when the patch deletes it (`$patch: delete`).
    func mergeObject(_ original: JSONObject, _ patch: JSONObject, path: [String]) throws(JSONPatchError) -> JSONValue? {
        switch patch["$patch"]?.stringValue {
        case "delete"?:
            return nil
        case "replace"?:
            return .object(stripDirectives(patch))
        case nil, "merge"?:
            break
        case let other?:
            throw JSONPatchError("unknown patch type \(other) at \(describe(path))")
        }
        var result = original
        var orders: [(String, [JSONValue])] = []
        for (key, value) in patch.members {
            if key == "$patch" || key == "$retainKeys" { continue }
            if key.hasPrefix("$setElementOrder/") {
                orders.append((String(key.dropFirst("$setElementOrder/".count)), value.arrayValue ?? []))
                continue
            }
            if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let doomed = value.arrayValue ?? []
                if let items = result[field]?.arrayValue {
                    result[field] = .array(items.filter { !doomed.contains($0) })
                }
                continue
            }
            if key.hasPrefix("$") { throw JSONPatchError("unknown directive \(key) at \(describe(path))") }
            let childPath = path + [key]
            switch value {
            case .null:
                result[key] = nil
            case .object(let child):
                let existing = result[key]?.objectValue ?? JSONObject()
                result[key] = try mergeObject(existing, child, path: childPath)
            case .array(let items):
                result[key] = try mergeList(result[key]?.arrayValue, items, path: childPath)
            default:
                result[key] = value
            }
        }
        for (field, order) in orders {
            if let items = result[field]?.arrayValue {
                result[field] = .array(reorder(items, by: order, path: path + [field]))
            }
        }
        if let retained = patch["$retainKeys"]?.arrayValue {
            let keep = Set(retained.compactMap(\.stringValue))
            result = JSONObject(result.members.filter { keep.contains($0.key) })
        }
        return .object(result)
    }

    /// A list after the patch's list: merged by key, unioned, or replaced, per the list's rule.
    func mergeList(_ original: [JSONValue]?, _ patch: [JSONValue], path: [String]) throws(JSONPatchError) -> JSONValue {
        switch rules.rule(at: path) {
        case .atomic:
            return .array(patch.map(stripDirectives))
        case .set:
            var result = original ?? []
            for item in patch where !result.contains(item) { result.append(item) }
            return .array(result)
        case .map(_, let key):
            if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
                return .array(patch.filter { $0["$patch"]?.stringValue != "replace" }.map(stripDirectives))
            }
            var result = original ?? []
            for item in patch {
                guard case .object(let patchItem) = item else {
                    throw JSONPatchError("the items of \(describe(path)) must be objects")
                }
                guard let keyValue = patchItem[key] else {
                    throw JSONPatchError("map: \(describe(path)) item does not contain the merge key \(key)")
                }
                let index = result.firstIndex { $0[key] == keyValue }
                if patchItem["$patch"]?.stringValue == "delete" {
                    if let index { result.remove(at: index) }
                    continue
                }
                if let index {
                    let merged = try mergeObject(result[index].objectValue ?? JSONObject(), patchItem, path: path)
                    if let merged { result[index] = merged } else { result.remove(at: index) }
                } else {
                    result.append(.object(stripDirectives(patchItem)))
                }
            }
            return .array(result)
        }
    }

    /// Items ordered as `$setElementOrder` lists them; items it does not name keep their place after.
    func reorder(_ items: [JSONValue], by order: [JSONValue], path: [String]) -> [JSONValue] {
        let key: String? = if case .map(_, let patchKey) = rules.rule(at: path) { patchKey } else { nil }
        func identity(_ item: JSONValue) -> JSONValue { key.flatMap { item[$0] } ?? item }
        var remaining = items
        var result: [JSONValue] = []
        for wanted in order {
            let id = identity(wanted)
            if let index = remaining.firstIndex(where: { identity($0) == id }) {
                result.append(remaining.remove(at: index))
            }
        }
        return result + remaining
    }

    func stripDirectives(_ object: JSONObject) -> JSONObject {
        JSONObject(object.members.filter { !$0.key.hasPrefix("$") }.map { ($0.key, stripDirectives($0.value)) })
    }

    func stripDirectives(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(stripDirectives(object))
        case .array(let items): .array(items.map(stripDirectives))
        default: value
        }
    }

    func describe(_ path: [String]) -> String { path.isEmpty ? "the object" : path.joined(separator: ".") }
}
