/// The parts of a container image reference that guardrails judge, parsed as the container
/// runtime resolves them: `nginx` is `docker.io/library/nginx`, a first component with a dot, a
/// colon or `localhost` is a registry host.
public struct ImageReference: Sendable, Hashable {
    /// `registry.example.com`, `docker.io`, `localhost:5000`.
    public var registry: Substring
    /// `team/app`, `library/nginx`.
    public var repository: Substring
    /// `sha256:…` when referenced by digest.
    public var digest: Substring?

    /// Parses `text`; nil when it is empty or has no repository. The separators are ASCII, so the
    /// search runs over UTF-8 bytes (no grapheme breaking), and their indices cut the string.
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        var name = Substring(text)
        if let at = name.utf8.firstIndex(of: UInt8(ascii: "@")) {
            digest = name[name.utf8.index(after: at)...]
            name = name[..<at]
        } else {
            digest = nil
        }
        if let slash = name.utf8.firstIndex(of: UInt8(ascii: "/")) {
            let first = name[..<slash]
            if first.utf8.contains(UInt8(ascii: ".")) || first.utf8.contains(UInt8(ascii: ":")) || first == "localhost" {
                registry = first
                name = name[name.utf8.index(after: slash)...]
            } else {
                registry = "docker.io"
            }
        } else {
            registry = "docker.io"
        }
        // Drop the tag: a colon after the last slash.
        let lastSlash = name.utf8.lastIndex(of: UInt8(ascii: "/"))
        if let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")), lastSlash.map({ colon > $0 }) ?? true {
            name = name[..<colon]
        }
        guard !name.isEmpty else { return nil }
        repository = name
        if registry == "docker.io" && !name.utf8.contains(UInt8(ascii: "/")) {
            repository = "library/" + name
        }
    }

    /// Whether the image is referenced by a well-formed digest (`sha256:` and 64 hex digits, or
    /// `sha512:` and 128).
    public var hasValidDigest: Bool {
        guard let digest else { return false }
        let utf8 = digest.utf8
        let expected: Int
        if utf8.starts(with: "sha256:".utf8) { expected = 64 } else if utf8.starts(with: "sha512:".utf8) { expected = 128 } else { return false }
        let hex = utf8.dropFirst(7)
        return hex.count == expected && hex.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Whether the image lies under `prefix` (`registry.example.com` or `registry.example.com/team`).
    public func isUnder(_ prefix: RegistryPrefix) -> Bool {
        guard registry == prefix.host else { return false }
        guard let path = prefix.path else { return true }
        return repository == path
            || (repository.utf8.starts(with: path.utf8) && repository.utf8.dropFirst(path.utf8.count).first == UInt8(ascii: "/"))
    }
}

/// An allowed registry: a host and an optional repository path prefix.
public struct RegistryPrefix: Sendable, Hashable, CustomStringConvertible {
    public var host: Substring
    public var path: Substring?
    public let description: String

    /// `registry.example.com/team` → host `registry.example.com`, path `team`.
    public init(_ text: String) {
        description = text
        if let slash = text.firstIndex(of: "/") {
            host = text[..<slash]
            path = text[text.index(after: slash)...]
        } else {
            host = Substring(text)
            path = nil
        }
        if host == "index.docker.io" || host == "registry-1.docker.io" { host = "docker.io" }
    }
}
