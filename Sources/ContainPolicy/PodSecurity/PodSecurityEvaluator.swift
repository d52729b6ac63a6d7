import ContainModel

/// A failed check: its ID, and what it reports.
public struct PodSecurityViolation: Sendable, Hashable {
    /// Upstream's check ID, such as `runAsNonRoot`.
    public var checkID: String
    /// The succinct reason, such as `runAsNonRoot != true`.
    public var reason: String
    /// The specifics; may be empty.
    public var detail: String

    /// A violation of check `checkID`.
    public init(checkID: String, reason: String, detail: String) {
        self.checkID = checkID
        self.reason = reason
        self.detail = detail
    }
}

/// The outcome of evaluating a pod against a policy.
public struct PodSecurityResult: Sendable, Hashable {
    /// Failed checks, in upstream's order (baseline checks by ID, then restricted checks by ID).
    public var violations: [PodSecurityViolation]

    /// A result with `violations` (none: allowed).
    public init(violations: [PodSecurityViolation] = []) { self.violations = violations }

    /// Whether every check allowed the pod.
    public var allowed: Bool { violations.isEmpty }

    /// Upstream's aggregated detail: `reason (detail), reason, reason (detail)`; empty when allowed.
    public var forbiddenDetail: String {
        var out = ""
        for (index, violation) in violations.enumerated() {
            if index > 0 { out += ", " }
            out += violation.reason.isEmpty ? "unknown forbidden reason" : violation.reason
            if !violation.detail.isEmpty {
                out += " ("
                out += violation.detail
                out += ")"
            }
        }
        return out
    }

    /// Upstream's aggregated reasons only: `reason, reason`.
    public var forbiddenReason: String {
        violations.map { $0.reason.isEmpty ? "unknown forbidden reason" : $0.reason }.joined(separator: ", ")
    }

    /// kube-apiserver's denial text, `violates PodSecurity "restricted:latest": <detail>`;
    /// `nil` when allowed.
    public func message(policy: PodSecurityPolicy) -> String? {
        if allowed { return nil }
        return "violates PodSecurity \"\(policy)\": \(forbiddenDetail)"
    }
}

/// Evaluates pods against the Pod Security Standards, as kube-apiserver's PodSecurity admission does.
public enum PodSecurityEvaluator {
    /// One check in force at a version.
    struct Entry: Sendable {
        let id: String
        let evaluate: PodSecurityCheck.Evaluate
    }

    /// The checks in force per level, indexed by minor version 0…newestMinor.
    struct Table: Sendable {
        let baseline: [[Entry]]
        let restricted: [[Entry]]
    }

    /// Built once: baseline checks sorted by ID, then restricted checks sorted by ID; for
    /// restricted, baseline checks overridden by a restricted revision in force are left out.
    static let table: Table = {
        let checks = PodSecurityChecks.all
        let baselineChecks = checks.filter { $0.level == .baseline }.sorted { $0.id < $1.id }
        let restrictedChecks = checks.filter { $0.level == .restricted }.sorted { $0.id < $1.id }
        var baseline: [[Entry]] = []
        var restricted: [[Entry]] = []
        for minor in 0...PodSecurityChecks.newestMinor {
            var overridden: Set<String> = []
            var restrictedEntries: [Entry] = []
            for check in restrictedChecks {
                guard let revision = check.revision(atMinor: minor) else { continue }
                overridden.formUnion(revision.overrides)
                restrictedEntries.append(Entry(id: check.id, evaluate: revision.evaluate))
            }
            var baselineEntries: [Entry] = []
            var inherited: [Entry] = []
            for check in baselineChecks {
                guard let revision = check.revision(atMinor: minor) else { continue }
                let entry = Entry(id: check.id, evaluate: revision.evaluate)
                baselineEntries.append(entry)
                if !overridden.contains(check.id) { inherited.append(entry) }
            }
            baseline.append(baselineEntries)
            restricted.append(inherited + restrictedEntries)
        }
        return Table(baseline: baseline, restricted: restricted)
    }()

    /// The minor version whose checks apply for `version` (`latest` and newer: the newest).
    static func effectiveMinor(_ version: PodSecurityVersion) -> Int {
        guard let minor = version.minor else { return PodSecurityChecks.newestMinor }
        return min(minor, PodSecurityChecks.newestMinor)
    }

    /// The IDs of the checks applied at `policy`, in evaluation order.
    public static func checkIDs(for policy: PodSecurityPolicy) -> [String] {
        entries(for: policy).map(\.id)
    }

    static func entries(for policy: PodSecurityPolicy) -> [Entry] {
        switch policy.level {
        case .privileged: []
        case .baseline: table.baseline[effectiveMinor(policy.version)]
        case .restricted: table.restricted[effectiveMinor(policy.version)]
        }
    }

    /// Evaluates a pod's spec and metadata (annotations matter for old seccomp and AppArmor
    /// rules) against `policy`. `privileged` allows everything.
    public static func evaluate(podSpec: PodSpec, metadata: ObjectMeta?, policy: PodSecurityPolicy)
        -> PodSecurityResult
    {
        let entries: [Entry]
        switch policy.level {
        case .privileged: return PodSecurityResult()
        case .baseline: entries = table.baseline[effectiveMinor(policy.version)]
        case .restricted: entries = table.restricted[effectiveMinor(policy.version)]
        }
        var violations: [PodSecurityViolation] = []
        for entry in entries {
            if let finding = entry.evaluate(metadata, podSpec) {
                violations.append(PodSecurityViolation(checkID: entry.id, reason: finding.reason,
                                                       detail: finding.detail))
            }
        }
        return PodSecurityResult(violations: violations)
    }

    /// Evaluates the pod a Pod or workload carries (a workload's pod template).
    public static func evaluate(carrier: any PodTemplateCarrier, policy: PodSecurityPolicy) -> PodSecurityResult {
        evaluate(podSpec: carrier.podSpec, metadata: carrier.podTemplateMetadata, policy: policy)
    }
}
