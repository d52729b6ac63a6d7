import ContainModel

/// The small template language of the component catalog, evaluated against a context object:
///
/// - a string that is exactly `${a.b}` becomes the value at `a.b` (any JSON type);
/// - `${a.b}` inside a longer string is replaced by the scalar's text;
/// - an object `{$forEach: a.b, $key: "…", $value: …}` becomes an object with one member per
///   entry of the map (or array) at `a.b`, with `item.key` and `item.value` in scope.
///
/// A path that does not resolve is an error naming it, never an empty string.
enum ValueTemplate {
    /// A template path that did not resolve.
    struct MissingValue: Error, Sendable {
        var path: String
    }

    static func render(_ value: JSONValue, context: JSONValue) throws(MissingValue) -> JSONValue {
        switch value {
        case .string(let text):
            return try renderString(text, context: context)
        case .array(let items):
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for item in items { result.append(try render(item, context: context)) }
            return .array(result)
        case .object(let object):
            if let path = object["$forEach"]?.stringValue {
                return try forEach(path: path, object: object, context: context)
            }
            var result = JSONObject()
            for (key, member) in object { result[key] = try render(member, context: context) }
            return .object(result)
        default:
            return value
        }
    }

    /// The value at a dotted path, or `nil`.
    static func lookup(_ path: String, in context: JSONValue) -> JSONValue? {
        var current = context
        for key in path.split(separator: ".") {
            guard let next = current[String(key)] else { return nil }
            current = next
        }
        return current
    }

    /// Whether a `when:` path holds something: set, not null, false, empty string, list or map.
    static func isSet(_ path: String, in context: JSONValue) -> Bool {
        switch lookup(path, in: context) {
        case nil, .null?, .bool(false)?: false
        case .string(let s)?: !s.isEmpty
        case .array(let a)?: !a.isEmpty
        case .object(let o)?: !o.isEmpty
        default: true
        }
    }

    /// `overlay` merged into `base`: objects member by member, anything else replaced.
    static func merge(_ base: JSONValue, _ overlay: JSONValue) -> JSONValue {
        guard case .object(var merged) = base, case .object(let top) = overlay else { return overlay }
        for (key, value) in top {
            merged[key] = merged[key].map { merge($0, value) } ?? value
        }
        return .object(merged)
    }

    private static func renderString(_ text: String, context: JSONValue) throws(MissingValue) -> JSONValue {
        guard text.contains("${") else { return .string(text) }
        if text.hasPrefix("${"), text.hasSuffix("}"), text.dropFirst(2).firstIndex(of: "}") == text.index(before: text.endIndex) {
            let path = String(text.dropFirst(2).dropLast())
            guard let value = lookup(path, in: context), !value.isNull else { throw MissingValue(path: path) }
            return value
        }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            guard let end = afterStart.firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                rest = ""
                break
            }
            let path = String(afterStart[..<end])
            guard let value = lookup(path, in: context) else { throw MissingValue(path: path) }
            switch value {
            case .string(let s): output += s
            case .integer(let i): output += String(i)
            case .bool(let b): output += String(b)
            case .double(let d): output += String(d)
            default: throw MissingValue(path: path)
            }
            rest = afterStart[afterStart.index(after: end)...]
        }
        output += rest
        return .string(output)
    }

    private static func forEach(path: String, object: JSONObject, context: JSONValue) throws(MissingValue) -> JSONValue {
        guard let source = lookup(path, in: context) else { throw MissingValue(path: path) }
        let keyTemplate = object["$key"] ?? .string("${item.key}")
        let valueTemplate = object["$value"] ?? .string("${item.value}")
        var entries: [(String, JSONValue)] = []
        switch source {
        case .object(let map):
            for key in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                entries.append((key, map[key] ?? .null))
            }
        case .array(let items):
            entries = items.enumerated().map { (String($0.offset), $0.element) }
        default:
            break
        }
        var result = JSONObject()
        for (key, value) in entries {
            guard case .object(var scope) = context else { break }
            scope["item"] = .object(["key": .string(key), "value": value])
            let scoped = JSONValue.object(scope)
            let renderedKey = try render(keyTemplate, context: scoped)
            result[renderedKey.stringValue ?? key] = try render(valueTemplate, context: scoped)
        }
        return .object(result)
    }
}
