import ContainModel

/// One JSON Patch (RFC 6902) operation produced by mutation: `add` or `replace` of a value.
public struct PatchOperation: Sendable, Hashable {
    public enum Op: String, Sendable, Hashable {
        case add
        case replace
    }

    public var op: Op
    /// A JSON pointer into the object (`/spec/runtimeClassName`).
    public var path: String
    public var value: JSONValue

    /// An operation setting `value` at `path`.
    public init(_ op: Op, _ path: String, _ value: JSONValue) {
        self.op = op
        self.path = path
        self.value = value
    }

    /// `{"op": …, "path": …, "value": …}`.
    public var jsonValue: JSONValue {
        .object(["op": .string(op.rawValue), "path": .string(path), "value": value])
    }

    /// A patch document (a JSON array) of `operations`.
    public static func document(_ operations: [PatchOperation]) -> JSONValue {
        .array(operations.map(\.jsonValue))
    }

    /// The JSON pointer of a field path (`spec.containers[0]` → `/spec/containers/0`).
    public static func pointer(_ path: FieldPath) -> String {
        var out = ""
        for component in path.components {
            out += "/"
            switch component {
            case .key(let key): out += key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index): out += String(index)
            }
        }
        return out
    }

    /// `key` escaped for a JSON pointer.
    static func escape(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
