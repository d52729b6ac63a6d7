/// A line and column in a source file, both counted from 1.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where each part of a parsed document stands in its file, so that a problem found at a field
/// path (by the decoder or by validation) can be reported at `file:line:column`.
public enum SourceNode: Sendable {
    /// A scalar starting at a position.
    case scalar(SourcePosition)
    /// A sequence starting at a position, with its elements.
    case sequence(SourcePosition, [SourceNode])
    /// A mapping starting at a position, with the position of each key and its value, in
    /// document order (looked up only when a problem is reported, so a list is enough).
    case mapping(SourcePosition, [SourceMember])

    /// Where this node starts.
    public var position: SourcePosition {
        switch self {
        case .scalar(let position), .sequence(let position, _), .mapping(let position, _): position
        }
    }

    /// The best position for a field path: the key of the last member named by the path (so an
    /// error about `spec.zones` points at `zones:`), an array element's start, or — when the path
    /// does not exist in the source, as for a missing field — the closest ancestor that does.
    public func position(of path: FieldPath) -> SourcePosition {
        var node = self
        var best = position
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(_, let members)):
                guard let member = members.first(where: { $0.key == key }) else { return best }
                best = member.keyPosition
                node = member.value
            case (.index(let index), .sequence(_, let elements)):
                guard elements.indices.contains(index) else { return best }
                node = elements[index]
                best = node.position
            default:
                return best
            }
        }
        return best
    }

    /// The position of the value (not the key) at a path, when the path exists.
    public func valuePosition(of path: FieldPath) -> SourcePosition? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(_, let members)):
                guard let member = members.first(where: { $0.key == key }) else { return nil }
                node = member.value
            case (.index(let index), .sequence(_, let elements)):
                guard elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node.position
    }
}

/// A mapping member's key, key position and value.
public struct SourceMember: Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: SourceNode

    public init(key: String, keyPosition: SourcePosition, value: SourceNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// One document read from a file: its value and where its parts stand.
public struct SourceDocument: Sendable {
    /// The file it came from, as the user named it; `nil` for standard input or memory.
    public var file: String?
    /// Zero-based position among the documents of its file.
    public var index: Int
    /// The document's content.
    public var value: JSONValue
    /// Positions of the content's parts, when the format records them.
    public var source: SourceNode?

    public init(file: String?, index: Int, value: JSONValue, source: SourceNode?) {
        self.file = file
        self.index = index
        self.value = value
        self.source = source
    }

    /// Where a field path stands in the file (the document's start when unknown).
    public func position(of path: FieldPath) -> SourcePosition? {
        source?.position(of: path)
    }
}
