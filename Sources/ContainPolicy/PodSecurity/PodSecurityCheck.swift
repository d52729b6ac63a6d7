import ContainModel

/// One Pod Security Standards check, as upstream registers it: an ID, the level it belongs to,
/// and revisions that each apply from a minimum policy version on.
public struct PodSecurityCheck: Sendable {
    /// Evaluates a pod: `nil` when allowed, the reason and detail when forbidden.
    public typealias Evaluate = @Sendable (_ metadata: ObjectMeta?, _ spec: PodSpec) -> PodSecurityFinding?

    /// One revision of a check.
    public struct Revision: Sendable {
        /// The first policy minor version (`v1.N`) the revision applies to.
        public let minimumMinor: Int
        /// Baseline check IDs this restricted revision replaces when restricted is enforced.
        public let overrides: [String]
        /// The rule.
        public let evaluate: Evaluate

        /// A revision applying from `v1.<minimumMinor>` on.
        public init(from minimumMinor: Int, overrides: [String] = [], _ evaluate: @escaping Evaluate) {
            self.minimumMinor = minimumMinor
            self.overrides = overrides
            self.evaluate = evaluate
        }
    }

    /// Upstream's check ID, such as `allowPrivilegeEscalation`.
    public let id: String
    /// `baseline` or `restricted`: baseline checks apply at both levels.
    public let level: PodSecurityLevel
    /// Revisions in strictly increasing minimum version.
    public let revisions: [Revision]

    /// A check with its revisions (in increasing minimum version).
    public init(id: String, level: PodSecurityLevel, revisions: [Revision]) {
        self.id = id
        self.level = level
        self.revisions = revisions
    }

    /// The revision in force at policy minor version `minor`, if the check applies yet.
    public func revision(atMinor minor: Int) -> Revision? {
        var found: Revision?
        for revision in revisions where revision.minimumMinor <= minor { found = revision }
        return found
    }
}

/// Every check of the Pod Security Standards, in upstream's terms.
public enum PodSecurityChecks {
    /// All checks, baseline and restricted.
    public static let all: [PodSecurityCheck] = [
        allowPrivilegeEscalation,
        appArmorProfile,
        capabilities_baseline,
        capabilities_restricted,
        hostNamespaces,
        hostPathVolumes,
        hostPorts,
        hostProbesAndHostLifecycle,
        privileged,
        procMount,
        procMount_restricted,
        restrictedVolumes,
        runAsNonRoot,
        runAsUser,
        seLinuxOptions,
        seccompProfile_baseline,
        seccompProfile_restricted,
        sysctls,
        windowsHostProcess,
    ]

    /// The newest minor version any check revision starts at; `latest` and newer pinned
    /// versions evaluate at this one.
    public static let newestMinor: Int = all.reduce(0) { max($0, $1.revisions.last?.minimumMinor ?? 0) }
}
