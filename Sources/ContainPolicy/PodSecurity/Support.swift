import ContainModel

/// What one failing check reports: upstream's `ForbiddenReason` and `ForbiddenDetail`.
public struct PodSecurityFinding: Sendable, Hashable {
    /// The succinct reason, such as `host namespaces`.
    public var reason: String
    /// The specifics, such as `hostNetwork, hostPID`; may be empty.
    public var detail: String

    /// A finding with `reason` and `detail`.
    public init(reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

// MARK: - Wording helpers (upstream's joinQuote / pluralize / %q)

/// `"a", "b"`; empty for no items.
@usableFromInline
func joinQuote(_ items: [String]) -> String {
    if items.isEmpty { return "" }
    var out = "\""
    for (index, item) in items.enumerated() {
        if index > 0 { out += "\", \"" }
        out += item
    }
    out += "\""
    return out
}

@usableFromInline
func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
    count == 1 ? singular : plural
}

/// The items sorted and without duplicates, as Go's `sets.String.List()` returns them.
@usableFromInline
func sortedUnique(_ items: [String]) -> [String] {
    var result = items.sorted()
    var index = 1
    while index < result.count {
        if result[index] == result[index - 1] { result.remove(at: index) } else { index += 1 }
    }
    return result
}

/// Go's `%q` for a string: double-quoted, with `"`, `\` and control characters escaped.
@usableFromInline
func goQuote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{0B}": out += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
    return out
}

/// `pod and containers "a", "b"`-style setter lists, joined by ` and `.
@usableFromInline
func setters(pod: Bool, containers: [String]) -> String {
    var parts: [String] = []
    if pod { parts.append("pod") }
    if !containers.isEmpty {
        parts.append("\(pluralize("container", "containers", containers.count)) \(joinQuote(containers))")
    }
    return parts.joined(separator: " and ")
}

// MARK: - Container traversal (init, regular, then ephemeral containers, as upstream visits them)

/// Calls `body` with the name and security context of every container of the pod.
@inlinable
func visitContainers(_ spec: PodSpec, _ body: (_ name: String, _ securityContext: SecurityContext?) -> Void) {
    if let initContainers = spec.initContainers {
        for container in initContainers { body(container.name, container.securityContext) }
    }
    for container in spec.containers { body(container.name, container.securityContext) }
    if let ephemeral = spec.ephemeralContainers {
        for container in ephemeral { body(container.name, container.securityContext) }
    }
}

/// Calls `body` with the name and ports of every container of the pod.
@inlinable
func visitContainerPorts(_ spec: PodSpec, _ body: (_ name: String, _ ports: [ContainerPort]?) -> Void) {
    if let initContainers = spec.initContainers {
        for container in initContainers { body(container.name, container.ports) }
    }
    for container in spec.containers { body(container.name, container.ports) }
    if let ephemeral = spec.ephemeralContainers {
        for container in ephemeral { body(container.name, container.ports) }
    }
}

/// The probes and lifecycle hooks of one container.
@usableFromInline
struct ContainerHandlers {
    @usableFromInline var liveness: Probe?
    @usableFromInline var readiness: Probe?
    @usableFromInline var startup: Probe?
    @usableFromInline var lifecycle: Lifecycle?

    @inlinable
    init(liveness: Probe?, readiness: Probe?, startup: Probe?, lifecycle: Lifecycle?) {
        self.liveness = liveness
        self.readiness = readiness
        self.startup = startup
        self.lifecycle = lifecycle
    }
}

/// Calls `body` with the name, probes and lifecycle hooks of every container of the pod.
@inlinable
func visitContainerHandlers(_ spec: PodSpec, _ body: (_ name: String, _ handlers: ContainerHandlers) -> Void) {
    if let initContainers = spec.initContainers {
        for c in initContainers {
            body(c.name, ContainerHandlers(liveness: c.livenessProbe, readiness: c.readinessProbe,
                                           startup: c.startupProbe, lifecycle: c.lifecycle))
        }
    }
    for c in spec.containers {
        body(c.name, ContainerHandlers(liveness: c.livenessProbe, readiness: c.readinessProbe,
                                       startup: c.startupProbe, lifecycle: c.lifecycle))
    }
    if let ephemeral = spec.ephemeralContainers {
        for c in ephemeral {
            body(c.name, ContainerHandlers(liveness: c.livenessProbe, readiness: c.readinessProbe,
                                           startup: c.startupProbe, lifecycle: c.lifecycle))
        }
    }
}

/// Whether the pod declares `spec.os.name: windows` (exempt from some restricted checks from v1.25).
@inlinable
func isWindowsPod(_ spec: PodSpec) -> Bool { spec.os?.name == .windows }

/// Whether the pod runs in a user namespace (`spec.hostUsers: false`).
@inlinable
func usesUserNamespace(_ spec: PodSpec) -> Bool { spec.hostUsers == false }
