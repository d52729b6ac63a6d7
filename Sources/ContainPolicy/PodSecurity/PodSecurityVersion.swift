import ContainModel

/// A Pod Security Standards policy version: `latest`, or `v1.N` for a pinned minor version.
///
/// Versions order by minor number; `latest` is newer than every numbered version, including
/// versions newer than the newest check revision (those evaluate like the newest one).
public struct PodSecurityVersion: Sendable, Hashable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    /// The minor version, or `nil` for `latest`.
    public let minor: Int?

    /// The newest policy, whatever the newest check revision is.
    public static let latest = PodSecurityVersion(minor: nil)

    private init(minor: Int?) { self.minor = minor }

    /// The pinned version `v1.<minor>`; `nil` when `minor` is negative.
    public static func v1(_ minor: Int) -> PodSecurityVersion? {
        minor >= 0 ? PodSecurityVersion(minor: minor) : nil
    }

    /// Whether this is `latest`.
    public var isLatest: Bool { minor == nil }

    /// `latest` or `v1.N`.
    public var description: String {
        guard let minor else { return "latest" }
        return "v1.\(minor)"
    }

    /// Parses `latest` or `v1.N` (N without leading zeros), as the
    /// `pod-security.kubernetes.io/*-version` namespace labels spell them; `nil` otherwise.
    public init?(_ description: String) {
        guard let version = try? PodSecurityVersion.parse(description) else { return nil }
        self = version
    }

    /// Parses `latest` or `v1.N` (N without leading zeros), throwing what a namespace label
    /// validation would report otherwise.
    public static func parse(_ text: String) throws(PodSecurityVersionError) -> PodSecurityVersion {
        if text == "latest" { return .latest }
        let utf8 = text.utf8
        let prefix: [UInt8] = [UInt8(ascii: "v"), UInt8(ascii: "1"), UInt8(ascii: ".")]
        guard utf8.count > prefix.count, utf8.starts(with: prefix) else {
            throw PodSecurityVersionError(text: text)
        }
        let digits = utf8.dropFirst(prefix.count)
        guard digits.count <= 9,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              digits.count == 1 || digits.first != UInt8(ascii: "0")
        else { throw PodSecurityVersionError(text: text) }
        var value = 0
        for digit in digits { value = value * 10 + Int(digit - UInt8(ascii: "0")) }
        return PodSecurityVersion(minor: value)
    }

    /// `latest` sorts after every numbered version.
    public static func < (lhs: PodSecurityVersion, rhs: PodSecurityVersion) -> Bool {
        switch (lhs.minor, rhs.minor) {
        case let (l?, r?): l < r
        case (_?, nil): true
        case (nil, _): false
        }
    }
}

/// A policy version string that is neither `latest` nor `v1.N`.
public struct PodSecurityVersionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rejected text.
    public let text: String
    /// Upstream's wording: `must be "latest" or "v1.x"`.
    public var description: String { "invalid Pod Security version \"\(text)\": must be \"latest\" or \"v1.x\"" }
}

/// A level and version to enforce, such as `restricted:latest` or `baseline:v1.29`.
public struct PodSecurityPolicy: Sendable, Hashable, CustomStringConvertible {
    /// The standard: privileged, baseline or restricted.
    public var level: PodSecurityLevel
    /// The policy version the checks are taken from.
    public var version: PodSecurityVersion

    /// A policy at `level` and `version` (default `latest`).
    public init(level: PodSecurityLevel, version: PodSecurityVersion = .latest) {
        self.level = level
        self.version = version
    }

    /// `level:version`, as kube-apiserver quotes it in denials (`restricted:latest`).
    public var description: String { "\(level.rawValue):\(version)" }
}
