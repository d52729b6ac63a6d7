import Foundation

/// Why a JSON patch (RFC 6902) could not be applied.
public struct JSONPatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A message a person can act on.
    public var message: String
    /// Whether the failure was a `test` operation that did not match (as opposed to a malformed patch).
    public var isTestFailure: Bool

    public init(_ message: String, isTestFailure: Bool = false) {
        self.message = message
        self.isTestFailure = isTestFailure
    }

    public var description: String { message }
}

/// JSON patch (RFC 6902) with JSON pointers (RFC 6901): `add`, `remove`, `replace`, `move`,
/// `copy` and `test`, as `kubectl patch --type json` sends it. Pure; all or nothing.
public enum JSONPatch {
    /// The result of applying every operation of `patch` (a JSON array) to `target`, in order.
    public static func apply(_ patch: JSONValue, to target: JSONValue) throws(JSONPatchError) -> JSONValue {
        guard case .array(let operations) = patch else {
            throw JSONPatchError("a JSON patch must be an array of operations")
        }
        var document = target
        for (index, operation) in operations.enumerated() {
            guard case .object(let op) = operation else {
                throw JSONPatchError("operation \(index) is not an object")
            }
            guard let name = op["op"]?.stringValue else { throw JSONPatchError("operation \(index) has no \"op\"") }
            guard let pathText = op["path"]?.stringValue else {
                throw JSONPatchError("operation \(index) (\(name)) has no \"path\"")
            }
            let path = try pointer(pathText)
            switch name {
            case "add":
                guard let value = op["value"] else { throw JSONPatchError("add operation does not contain \"value\"") }
                document = try add(value, at: path, in: document)
            case "remove":
                document = try remove(at: path, in: document).document
            case "replace":
                guard let value = op["value"] else { throw JSONPatchError("replace operation does not contain \"value\"") }
                _ = try get(path, in: document)
                document = try remove(at: path, in: document).document
                document = try add(value, at: path, in: document)
            case "move":
                guard let fromText = op["from"]?.stringValue else { throw JSONPatchError("move operation does not contain \"from\"") }
                let from = try pointer(fromText)
                if from.count < path.count, Array(path.prefix(from.count)) == from {
                    throw JSONPatchError("cannot move \(fromText) into its own child \(pathText)")
                }
                let removed = try remove(at: from, in: document)
                document = try add(removed.value, at: path, in: removed.document)
            case "copy":
                guard let fromText = op["from"]?.stringValue else { throw JSONPatchError("copy operation does not contain \"from\"") }
                let value = try get(try pointer(fromText), in: document)
                document = try add(value, at: path, in: document)
            case "test":
                guard let expected = op["value"] else { throw JSONPatchError("test operation does not contain \"value\"") }
                let actual = try get(path, in: document)
                if !equivalent(actual, expected) {
                    throw JSONPatchError("testing value \(pathText) failed", isTestFailure: true)
                }
            default:
                throw JSONPatchError("unexpected kind of operation: \(name)")
            }
        }
        return document
    }

    /// The reference tokens of a JSON pointer (`/a/b~1c/0` → `["a", "b/c", "0"]`).
    public static func pointer(_ text: String) throws(JSONPatchError) -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw JSONPatchError("JSON pointer \"\(text)\" does not start with \"/\"") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func equivalent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .double(let y)), (.double(let y), .integer(let x)): return Double(x) == y
        default: return a == b
        }
    }

    static func display(_ path: [String]) -> String { path.isEmpty ? "" : "/" + path.joined(separator: "/") }

    static func arrayIndex(_ token: String, count: Int, allowEnd: Bool) throws(JSONPatchError) -> Int {
        if allowEnd && token == "-" { return count }
        guard let index = Int(token), index >= 0, String(index) == token || token == "0" else {
            throw JSONPatchError("invalid array index \"\(token)\"")
        }
        guard index < count || (allowEnd && index == count) else {
            throw JSONPatchError("array index \(index) is out of bounds (length \(count))")
        }
        return index
    }

    static func get(_ path: [String], in document: JSONValue) throws(JSONPatchError) -> JSONValue {
        var current = document
        for token in path {
            switch current {
            case .object(let object):
                guard let next = object[token] else { throw JSONPatchError("path \(display(path)) does not exist") }
                current = next
            case .array(let array):
                current = array[try arrayIndex(token, count: array.count, allowEnd: false)]
            default:
                throw JSONPatchError("path \(display(path)) does not exist")
            }
        }
        return current
    }

    static func add(_ value: JSONValue, at path: [String], in document: JSONValue) throws(JSONPatchError) -> JSONValue {
        guard let token = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard let child = object[token] else { throw JSONPatchError("path \(display(path)) does not exist: missing \(token)") }
                object[token] = try add(value, at: rest, in: child)
            }
            return .object(object)
        case .array(var array):
            if rest.isEmpty {
                array.insert(value, at: try arrayIndex(token, count: array.count, allowEnd: true))
            } else {
                let index = try arrayIndex(token, count: array.count, allowEnd: false)
                array[index] = try add(value, at: rest, in: array[index])
            }
            return .array(array)
        default:
            throw JSONPatchError("cannot add at \(display(path)): parent is a \(document.typeName)")
        }
    }

    static func remove(at path: [String], in document: JSONValue) throws(JSONPatchError) -> (document: JSONValue, value: JSONValue) {
        guard let token = path.first else { throw JSONPatchError("cannot remove the whole document") }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var object):
            guard let child = object[token] else { throw JSONPatchError("unable to remove nonexistent key: \(token)") }
            if rest.isEmpty {
                object[token] = nil
                return (.object(object), child)
            }
            let removed = try remove(at: rest, in: child)
            object[token] = removed.document
            return (.object(object), removed.value)
        case .array(var array):
            let index = try arrayIndex(token, count: array.count, allowEnd: false)
            if rest.isEmpty {
                let value = array.remove(at: index)
                return (.array(array), value)
            }
            let removed = try remove(at: rest, in: array[index])
            array[index] = removed.document
            return (.array(array), removed.value)
        default:
            throw JSONPatchError("cannot remove \(display(path)): parent is a \(document.typeName)")
        }
    }
}
