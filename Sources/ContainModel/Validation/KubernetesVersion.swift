/// A Kubernetes version as clusters name it: `1.33` or `1.33.4` (a leading `v` is accepted).
public struct KubernetesVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int?

    public init(major: Int, minor: Int, patch: Int? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `1.33`, `v1.33`, `1.33.4`; `nil` for anything else.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.first == "v" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) else { return nil }
            if part.count > 1 && part.first == "0" { return nil }
            return Int(part)
        }
        guard let major = number(parts[0]), let minor = number(parts[1]) else { return nil }
        self.major = major
        self.minor = minor
        if parts.count == 3 {
            guard let patch = number(parts[2]) else { return nil }
            self.patch = patch
        }
    }

    /// `major.minor`.
    public var minorVersion: String { "\(major).\(minor)" }

    public var description: String { patch.map { "\(major).\(minor).\($0)" } ?? minorVersion }

    public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? -1) < (rhs.major, rhs.minor, rhs.patch ?? -1)
    }
}

extension KubernetesSupportWindow {
    /// The supported minors, oldest first (`["1.32", "1.33", "1.34"]`); empty when `newest` is malformed.
    public var supportedVersions: [String] {
        guard let newest = KubernetesVersion(newest) else { return [] }
        let count = max(1, supportedMinors ?? 3)
        return (0..<count).reversed().compactMap { offset in
            let minor = newest.minor - offset
            return minor >= 0 ? "\(newest.major).\(minor)" : nil
        }
    }

    /// Whether a version's minor lies in the window.
    public func supports(_ version: KubernetesVersion) -> Bool {
        supportedVersions.contains(version.minorVersion)
    }
}
