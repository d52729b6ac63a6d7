/// A file that is not well-formed YAML or JSON, with the place the parser gave up.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when known.
    public var file: String?
    /// Where the problem was found.
    public var position: SourcePosition
    /// What is wrong, in the parser's words.
    public var message: String

    public init(file: String?, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String {
        "\(file ?? "<input>"):\(position.line):\(position.column): \(message)"
    }
}
