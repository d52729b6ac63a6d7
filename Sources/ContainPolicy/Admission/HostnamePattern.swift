/// A hostname a tenant claims: an exact name, or `*.domain` covering every name below the domain.
public struct HostnamePattern: Sendable, Hashable, CustomStringConvertible {
    /// The name, or the domain after `*.`, lower-cased.
    public let base: String
    public let isWildcard: Bool

    /// Parses `www.example.com` or `*.example.com`.
    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("*.") {
            isWildcard = true
            base = String(lower.dropFirst(2))
        } else {
            isWildcard = false
            base = lower
        }
    }

    public var description: String { isWildcard ? "*." + base : base }

    /// Whether `host` (itself possibly `*.`-prefixed) lies inside this pattern.
    public func covers(_ host: HostnamePattern) -> Bool {
        if !isWildcard { return !host.isWildcard && host.base == base }
        // `*.a.com` covers `x.a.com`, `y.x.a.com` and `*.x.a.com`, and the wildcard `*.a.com` itself.
        if host.isWildcard && host.base == base { return true }
        return host.base.count > base.count && host.base.hasSuffix("." + base)
    }

    /// How specific the pattern is: exact names beat wildcards, longer domains beat shorter ones.
    var specificity: Int { isWildcard ? base.count : Int.max / 2 + base.count }
}
