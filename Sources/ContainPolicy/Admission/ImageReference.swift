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
    /// search runs over the UTF-8 bytes (no grapheme breaking), and the parts are cut from `text`
    /// at the byte offsets found.
    public init?(_ text: String) {
        guard let parts = text.utf8.withContiguousStorageIfAvailable(Self.split) ?? Array(text.utf8).withUnsafeBufferPointer(Self.split)
        else { return nil }
        let utf8 = text.utf8
        func cut(_ range: Range<Int>) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        registry = parts.registry.map(cut) ?? "docker.io"
        repository = cut(parts.repository)
        digest = parts.digest.map(cut)
        if registry.utf8.elementsEqual("docker.io".utf8) && !repository.utf8.contains(UInt8(ascii: "/")) {
            repository = "library/" + repository
        }
    }

    /// Byte ranges of the registry (nil for Docker Hub), the repository and the digest.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> (registry: Range<Int>?, repository: Range<Int>, digest: Range<Int>?)? {
        guard !bytes.isEmpty else { return nil }
        var nameEnd = bytes.count
        var digest: Range<Int>?
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            digest = (at + 1)..<bytes.count
            nameEnd = at
        }
        var registry: Range<Int>?
        var nameStart = 0
        if let slash = bytes[..<nameEnd].firstIndex(of: UInt8(ascii: "/")) {
            let first = bytes[..<slash]
            if first.contains(UInt8(ascii: ".")) || first.contains(UInt8(ascii: ":")) || first.elementsEqual("localhost".utf8) {
                registry = 0..<slash
                nameStart = slash + 1
            }
        }
        // Drop the tag: a colon after the last slash.
        let name = bytes[nameStart..<nameEnd]
        let lastSlash = name.lastIndex(of: UInt8(ascii: "/"))
        if let colon = name.lastIndex(of: UInt8(ascii: ":")), lastSlash.map({ colon > $0 }) ?? true {
            nameEnd = colon
        }
        guard nameEnd > nameStart else { return nil }
        return (registry, nameStart..<nameEnd, digest)
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
