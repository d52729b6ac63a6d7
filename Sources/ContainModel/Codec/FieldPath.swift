/// The path to a field inside an object, printed the way Kubernetes prints field paths:
/// `spec.nodePools[1].vcpu`, `metadata.labels[app.kubernetes.io/name]`.
public struct FieldPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step of a path: a member name or an array index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// A path from these steps.
    public init(_ components: [Component] = []) { self.components = components }

    /// A path of member names, as in `FieldPath("spec", "zones")`.
    public init(_ keys: String...) { self.components = keys.map(Component.key) }

    /// The root of an object.
    public static let root = FieldPath()

    /// This path with a member name appended.
    public func child(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

    /// This path with an array index appended.
    public func index(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// The path one step up, or `nil` at the root.
    public var parent: FieldPath? { components.isEmpty ? nil : FieldPath(Array(components.dropLast())) }

    /// Whether `other` is this path or lies below it.
    public func isPrefix(of other: FieldPath) -> Bool {
        other.components.count >= components.count && Array(other.components.prefix(components.count)) == components
    }

    /// Builds a path from Swift `Codable` coding keys.
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let indexKey = key as? IndexCodingKey { return .index(indexKey.index) }
            return .key(key.stringValue)
        }
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if Self.isPlainName(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\(key)]"
                }
            }
        }
        return text
    }

    private static func isPlainName(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            switch (left, right) {
            case (.index(let a), .index(let b)): return a < b
            case (.key(let a), .key(let b)): return a < b
            case (.index, .key): return true
            case (.key, .index): return false
            }
        }
        return lhs.components.count < rhs.components.count
    }
}

/// The coding key of an array element in `ValueEncoder` and `ValueDecoder` coding paths.
public struct IndexCodingKey: CodingKey, Sendable {
    /// The element's position.
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public init?(intValue: Int) { self.index = intValue }
    public init?(stringValue: String) { nil }
    public var intValue: Int? { index }
    public var stringValue: String { "Index \(index)" }
}
