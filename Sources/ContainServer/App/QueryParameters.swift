import Foundation

/// Query parameters decoded as Go's `url.ParseQuery` does (`+` is a space), first value wins.
public struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    /// Parses a raw query string (without `?`).
    public init(_ query: String?) {
        guard let query else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[key] == nil { values[key] = value }
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public subscript(_ key: String) -> String? { values[key] }

    /// `true`, `1` (and `True`) are true, as Go's strconv.ParseBool reads them.
    public func flag(_ key: String) -> Bool {
        guard let value = values[key] else { return false }
        return ["true", "1", "t", "True", "TRUE"].contains(value)
    }
}
