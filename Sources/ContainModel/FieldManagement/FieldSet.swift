/// A set of field paths, as server-side apply records who manages what: a tree whose edges are
/// path elements in the `FieldsV1` spelling (`f:name` a field, `k:{"name":"app"}` a keyed list
/// item, `v:"x"` a set value, `i:0` a list position) and whose nodes say whether the path itself
/// is in the set.
public struct FieldSet: Sendable, Hashable {
    /// Whether the path leading to this node is a member.
    public var isMember: Bool
    /// Children by path element.
    public var children: [String: FieldSet]

    public init(isMember: Bool = false, children: [String: FieldSet] = [:]) {
        self.isMember = isMember
        self.children = children
    }

    /// The empty set.
    public static let empty = FieldSet()

    /// Whether no path is a member.
    public var isEmpty: Bool {
        !isMember && children.values.allSatisfy(\.isEmpty)
    }

    /// Adds `path`.
    public mutating func insert(_ path: [String]) {
        guard let first = path.first else {
            isMember = true
            return
        }
        children[first, default: FieldSet()].insert(Array(path.dropFirst()))
    }

    /// Whether `path` is a member.
    public func contains(_ path: [String]) -> Bool {
        guard let first = path.first else { return isMember }
        return children[first]?.contains(Array(path.dropFirst())) ?? false
    }

    /// Paths in either set.
    public func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.isMember = isMember || other.isMember
        for (element, child) in other.children {
            result.children[element] = result.children[element].map { $0.union(child) } ?? child
        }
        return result
    }

    /// Paths in both sets.
    public func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && other.isMember)
        for (element, child) in children {
            guard let theirs = other.children[element] else { continue }
            let common = child.intersection(theirs)
            if !common.isEmpty { result.children[element] = common }
        }
        return result
    }

    /// Paths in this set and not in `other`.
    public func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(isMember: isMember && !other.isMember)
        for (element, child) in children {
            let remaining = other.children[element].map { child.subtracting($0) } ?? child
            if !remaining.isEmpty { result.children[element] = remaining }
        }
        return result
    }

    /// Every member path, in sorted element order.
    public var paths: [[String]] {
        var result: [[String]] = []
        collect(prefix: [], into: &result)
        return result
    }

    private func collect(prefix: [String], into result: inout [[String]]) {
        if isMember { result.append(prefix) }
        for element in children.keys.sorted() {
            children[element]?.collect(prefix: prefix + [element], into: &result)
        }
    }

    // MARK: FieldsV1

    /// The `fieldsV1` JSON form: `{"f:spec":{"f:replicas":{}}}`, with `"."` marking a member
    /// node that also has children.
    public var fieldsV1: JSONValue {
        var object = JSONObject()
        if isMember && !children.isEmpty { object["."] = .object(JSONObject()) }
        for element in children.keys.sorted() {
            guard let child = children[element], !child.isEmpty else { continue }
            object[element] = child.fieldsV1
        }
        return .object(object)
    }

    /// Reads the `fieldsV1` JSON form; `nil` when it is not one.
    public init?(fieldsV1 value: JSONValue) {
        guard case .object(let object) = value else { return nil }
        self.init(isMember: false)
        for (element, child) in object.members {
            if element == "." {
                isMember = true
                continue
            }
            guard var node = FieldSet(fieldsV1: child) else { return nil }
            if child.objectValue?.isEmpty == true { node.isMember = true }
            children[element] = node
        }
    }

    // MARK: Readable paths

    /// A path as conflict messages print it: `.spec.containers[name="app"].image`.
    public static func describe(_ path: [String]) -> String {
        var text = ""
        for element in path {
            let body = String(element.dropFirst(2))
            switch element.prefix(2) {
            case "f:":
                text += "." + body
            case "k:":
                if case .object(let key)? = try? JSONReader.value(body) {
                    text += "[" + key.members.map { "\($0.key)=\(JSONWriter.compact($0.value))" }.joined(separator: ",") + "]"
                } else {
                    text += "[" + body + "]"
                }
            case "v:":
                text += "[=" + body + "]"
            case "i:":
                text += "[" + body + "]"
            default:
                text += "." + element
            }
        }
        return text
    }
}
