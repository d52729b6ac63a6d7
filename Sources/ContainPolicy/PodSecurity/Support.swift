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

/// `singular` for a count of one, else `plural`.
@usableFromInline
func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
    count == 1 ? singular : plural
}

/// The items sorted and without duplicates, as Go's `sets.String.List()` returns them: ordered
/// and compared by their UTF-8 bytes, as Go compares strings. (Swift's `<` and `==` work on
/// canonically equivalent forms instead, so `"CAF\u{C9}"` and `"CAFE\u{301}"` would merge.)
@usableFromInline
func sortedUnique(_ items: [String]) -> [String] {
    var result = goSorted(items)
    var index = 1
    while index < result.count {
        if goEqual(result[index], result[index - 1]) { result.remove(at: index) } else { index += 1 }
    }
    return result
}

/// The items in Go's `sort.Strings` order: by UTF-8 bytes; duplicates kept.
@usableFromInline
func goSorted(_ items: [String]) -> [String] {
    items.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}

/// Go's `==` on strings: the same UTF-8 bytes.
@usableFromInline
func goEqual(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

/// Go's `strings.HasPrefix`: whether the UTF-8 bytes of `text` start with those of `prefix`.
/// (Swift's `hasPrefix` compares whole characters, so `"localhost/\u{301}x"` would not match
/// `"localhost/"` there, while it does for upstream.)
@usableFromInline
func goHasPrefix(_ text: String, _ prefix: String) -> Bool { text.utf8.starts(with: prefix.utf8) }

/// Go's `sets.String.Has`: whether `set` holds an element with exactly the bytes of `item`.
/// `Set.contains` alone would also match a canonically equivalent spelling (such as `KILL`
/// written with U+212A KELVIN SIGN), which upstream treats as a different string.
@usableFromInline
func goContains(_ set: Set<String>, _ item: String) -> Bool {
    guard let index = set.firstIndex(of: item) else { return false }
    return goEqual(set[index], item)
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
    // Fields are read through the arrays by index: `for container in list` would copy every
    // Container (dozens of fields) for the two it needs.
    if let list = spec.initContainers {
        for index in list.indices { body(list[index].name, list[index].securityContext) }
    }
    for index in spec.containers.indices { body(spec.containers[index].name, spec.containers[index].securityContext) }
    if let list = spec.ephemeralContainers {
        for index in list.indices { body(list[index].name, list[index].securityContext) }
    }
}

/// Calls `body` with the name and ports of every container of the pod.
@inlinable
func visitContainerPorts(_ spec: PodSpec, _ body: (_ name: String, _ ports: [ContainerPort]?) -> Void) {
    if let list = spec.initContainers {
        for index in list.indices { body(list[index].name, list[index].ports) }
    }
    for index in spec.containers.indices { body(spec.containers[index].name, spec.containers[index].ports) }
    if let list = spec.ephemeralContainers {
        for index in list.indices { body(list[index].name, list[index].ports) }
    }
}

/// What `visitHandlerHosts` reads of a container: its name, probes and lifecycle hooks.
@usableFromInline
protocol ProbedContainer {
    var name: String { get }
    var livenessProbe: Probe? { get }
    var readinessProbe: Probe? { get }
    var startupProbe: Probe? { get }
    var lifecycle: Lifecycle? { get }
}

extension Container: ProbedContainer {}
extension EphemeralContainer: ProbedContainer {}

/// Calls `body` with a container's name and each host one of its probes or lifecycle hooks
/// names (`httpGet.host`, `tcpSocket.host`; empty ones skipped), in upstream's order: init
/// containers, containers, ephemeral containers; liveness, readiness, startup, postStart, preStop.
@inlinable
func visitHandlerHosts(_ spec: PodSpec, _ body: (_ name: String, _ host: String) -> Void) {
    if let list = spec.initContainers { visitHandlerHosts(list, body) }
    visitHandlerHosts(spec.containers, body)
    if let list = spec.ephemeralContainers { visitHandlerHosts(list, body) }
}

/// The hosts of one list of containers, read in place through the array (copying each Probe
/// would cost more than the check itself).
@inlinable @inline(__always)
func visitHandlerHosts<C: ProbedContainer>(_ list: [C], _ body: (_ name: String, _ host: String) -> Void) {
    for index in list.indices {
        let name = list[index].name
        func emit(_ host: String?) { if let host, !host.isEmpty { body(name, host) } }
        emit(list[index].livenessProbe?.httpGet?.host)
        emit(list[index].livenessProbe?.tcpSocket?.host)
        emit(list[index].readinessProbe?.httpGet?.host)
        emit(list[index].readinessProbe?.tcpSocket?.host)
        emit(list[index].startupProbe?.httpGet?.host)
        emit(list[index].startupProbe?.tcpSocket?.host)
        emit(list[index].lifecycle?.postStart?.httpGet?.host)
        emit(list[index].lifecycle?.postStart?.tcpSocket?.host)
        emit(list[index].lifecycle?.preStop?.httpGet?.host)
        emit(list[index].lifecycle?.preStop?.tcpSocket?.host)
    }
}

/// Whether the pod declares `spec.os.name: windows` (exempt from some restricted checks from v1.25).
@inlinable
func isWindowsPod(_ spec: PodSpec) -> Bool { spec.os?.name == .windows }

/// Whether the pod runs in a user namespace (`spec.hostUsers: false`).
@inlinable
func usesUserNamespace(_ spec: PodSpec) -> Bool { spec.hostUsers == false }
