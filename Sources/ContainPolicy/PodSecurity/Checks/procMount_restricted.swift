import ContainModel

extension PodSecurityChecks {
    /// `procMount_restricted` (restricted, v1.35+; replaces `procMount`): `procMount` must be
    /// unset or `Default`, even in a user namespace.
    public static let procMount_restricted = PodSecurityCheck(
        id: "procMount_restricted", level: .restricted,
        revisions: [.init(from: 35, overrides: ["procMount"]) { _, spec in procMountV1Dot0(spec) }])
}
