/// This build's version, printed by `contain version` and served at `/version`.
public enum ContainVersion {
    /// Semantic version of the release.
    public static let current = "0.1.0"
    /// The API group-version of Contain's kinds.
    public static let apiVersion = PlatformGroup.apiVersion
}
