import ContainModel

/// `/version`: the Kubernetes version kubectl compares with its own (it must be semver).
public enum VersionInfo {
    /// The Kubernetes API level served.
    public static let kubernetesMinor = "32"

    public static var current: JSONValue {
        [
            "major": "1", "minor": .string(kubernetesMinor),
            "gitVersion": .string("v1.\(kubernetesMinor).0-contain.\(ContainVersion.current)"),
            "gitCommit": "", "gitTreeState": "clean", "buildDate": "1970-01-01T00:00:00Z",
            "goVersion": "swift6", "compiler": "swift", "platform": "linux/amd64",
        ]
    }
}
