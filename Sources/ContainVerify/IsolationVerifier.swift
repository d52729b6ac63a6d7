import ContainModel
import ContainNetwork
import ContainTenancy

/// Proves, from the platform spec alone, that tenants are isolated as declared: the pure core
/// of `contain verify`.
///
/// For every workload cluster it expands each tenant placed there with ``TenancyPlanner``,
/// applies the input's own NetworkPolicies on top, places a probe pod in every tenant namespace
/// (plus pods that the label selectors of input policies select, and the input's pods and
/// workloads), the DNS pod and one pod per ingress controller, and checks:
///
/// 1. **Undeclared tenant paths.** For every ordered pair of pods in different tenants, on
///    every port class (see `PortClasses`): if the destination's ingress admits the source and
///    the destination tenant does not list the source tenant in `spec.network.allowFrom`, that
///    is a finding. The destination's ingress alone is judged because tenant members with the
///    `edit` role can change the egress policies of their own namespaces; the finding says
///    whether the source's egress also allows it today (`openNow`).
/// 2. **DNS.** Every tenant namespace's probe reaches the DNS pod on the DNS port, UDP and TCP.
/// 3. **Ingress.** For every tenant that lists ingress classes, each class's controller pod
///    reaches the probe of each of the tenant's namespaces on the service port.
public struct IsolationVerifier: Sendable {
    /// Platform facts (where DNS and ingress controllers run).
    public var defaults: PlatformDefaults
    /// The port exposed tenant services listen on, checked from the ingress controllers.
    public var servicePort: PortQuery

    /// Creates a verifier.
    public init(defaults: PlatformDefaults = .standard, servicePort: PortQuery = PortQuery(port: 8080)) {
        self.defaults = defaults
        self.servicePort = servicePort
    }

    /// Verifies every cluster of `input`.
    /// - Throws: `NetworkInputError` when an input NetworkPolicy cannot be compiled.
    public func verify(_ input: VerificationInput) throws(NetworkInputError) -> IsolationReport {
        var clusters: [ClusterVerification] = []
        var findings: [IsolationFinding] = []
        var warnings: [String] = []
        var usedNamespaces = Set<String>()
        for cluster in input.clusters.sorted(by: { $0.name < $1.name }) {
            let probe = ClusterProbeModel(cluster: cluster, input: input, defaults: defaults)
            warnings += probe.warnings
            usedNamespaces.formUnion(probe.tenantOfNamespace.keys)
            let (summary, found) = try verify(probe)
            clusters.append(summary)
            findings += found
        }
        for policy in input.policies where !usedNamespaces.contains(policy.metadata.namespace ?? "default") {
            warnings.append(
                "NetworkPolicy \(policy.metadata.namespace ?? "default")/\(policy.metadata.name ?? ""): namespace is not a tenant namespace on any cluster; not checked")
        }
        return IsolationReport(clusters: clusters, findings: findings, warnings: warnings)
    }

    private func verify(_ probe: ClusterProbeModel) throws(NetworkInputError) -> (ClusterVerification, [IsolationFinding]) {
        let engine = try ReachabilityEngine(model: probe.model)
        let classes = PortClasses(model: probe.model).classes
        var findings = undeclaredPaths(probe, engine: engine, classes: classes)
        let dns = dnsFindings(probe, engine: engine)
        let ingress = ingressFindings(probe, engine: engine)
        findings += dns.findings + ingress.findings
        let tenantPods = engine.pods.filter { probe.tenantOfNamespace[$0.ref.namespace] != nil }
        var pairs = 0
        for source in tenantPods {
            for destination in tenantPods
            where probe.tenantOfNamespace[source.ref.namespace] != probe.tenantOfNamespace[destination.ref.namespace] {
                pairs += 1
            }
        }
        let summary = ClusterVerification(
            name: probe.cluster.name, tenants: probe.tenants.keys.sorted(), namespaces: probe.tenantOfNamespace.count,
            pods: engine.pods.count, policies: probe.model.policies.count, portClasses: classes.count,
            tenantPairsChecked: pairs * classes.count, dnsChecks: dns.checks, ingressChecks: ingress.checks,
            passed: findings.isEmpty)
        return (summary, findings)
    }

    // MARK: Tenant pairs

    private struct PathGroup {
        var pairs: [(source: PodRef, destination: PodRef)] = []
        var classes = Set<PortClasses.PortClass>()
        var openNow = false
        var rules = Set<RuleRef>()
        var unisolated = Set<PodRef>()
        var example: Verdict?
    }

    private func undeclaredPaths(
        _ probe: ClusterProbeModel, engine: ReachabilityEngine, classes: [PortClasses.PortClass]
    ) -> [IsolationFinding] {
        let tenantPods = engine.pods.map(\.ref).filter { probe.tenantOfNamespace[$0.namespace] != nil }.sorted()
        var groups: [String: PathGroup] = [:]
        for portClass in classes {
            let matrix = engine.matrix(port: portClass.query.port, protocol: portClass.query.protocol)
            for source in tenantPods {
                let sourceTenant = probe.tenantOfNamespace[source.namespace]!
                for destination in tenantPods {
                    let destinationTenant = probe.tenantOfNamespace[destination.namespace]!
                    guard sourceTenant != destinationTenant,
                        !probe.declares(destinationTenant, allowsFrom: sourceTenant),
                        matrix.ingressAllows(from: source, to: destination)
                    else { continue }
                    let key = sourceTenant + "\u{0}" + destinationTenant
                    var group = groups[key] ?? PathGroup()
                    if !group.pairs.contains(where: { $0.source == source && $0.destination == destination }) {
                        group.pairs.append((source, destination))
                    }
                    group.classes.insert(portClass)
                    if matrix.allows(from: source, to: destination) { group.openNow = true }
                    if let verdict = try? engine.verdict(
                        from: source, to: destination, port: portClass.query.port, protocol: portClass.query.protocol)
                    {
                        if let ingress = verdict.ingress {
                            group.rules.formUnion(ingress.allowingRules)
                            if !ingress.isolated { group.unisolated.insert(destination) }
                        }
                        if group.example == nil || (verdict.allowed && group.example?.allowed == false) { group.example = verdict }
                    }
                    groups[key] = group
                }
            }
        }
        return groups.keys.sorted().map { key in
            let parts = key.split(separator: "\u{0}").map(String.init)
            return finding(cluster: probe.cluster.name, from: parts[0], to: parts[1], group: groups[key]!)
        }
    }

    private func finding(cluster: String, from source: String, to destination: String, group: PathGroup) -> IsolationFinding {
        let rules = group.rules.sorted { ($0.policy, $0.direction.rawValue, $0.index) < ($1.policy, $1.direction.rawValue, $1.index) }
        let policies = Array(Set(rules.map(\.policy))).sorted()
        let example = group.example.map { ($0.source.description, $0.destination.description) }
            ?? (group.pairs[0].source.description, group.pairs[0].destination.description)
        let ports = PortClasses.describe(Array(group.classes))
        var cause: [String] = []
        if !rules.isEmpty { cause.append("admitted by " + rules.map(\.description).joined(separator: ", ")) }
        if !group.unisolated.isEmpty {
            cause.append("no policy isolates the ingress of " + group.unisolated.sorted().map(\.description).joined(separator: ", "))
        }
        let state = group.openNow
            ? "open now: the source's egress allows it too"
            : "today only \(source)'s own egress policies stop it, and its members can change those"
        let message = "cluster \(cluster): tenant \(source) can reach tenant \(destination), whose spec.network.allowFrom does not list \(source): "
            + "\(example.0) -> \(example.1) on \(ports)"
            + (group.pairs.count > 1 ? " (\(group.pairs.count) pod pairs)" : "")
            + "; " + cause.joined(separator: "; ") + " (\(state))"
        return IsolationFinding(
            kind: .undeclaredTenantPath, cluster: cluster, sourceTenant: source, destinationTenant: destination,
            source: example.0, destination: example.1, ports: ports,
            openNow: group.openNow, podPairs: group.pairs.count, policies: policies.map(\.description),
            rules: rules.map(\.description), explanation: Self.lines(group.example), message: message)
    }

    // MARK: DNS and ingress

    private func dnsFindings(_ probe: ClusterProbeModel, engine: ReachabilityEngine) -> (findings: [IsolationFinding], checks: Int) {
        var findings: [IsolationFinding] = []
        var checks = 0
        for namespace in probe.tenantOfNamespace.keys.sorted() {
            for proto in [PortProtocol.udp, .tcp] {
                checks += 1
                let source = probe.probe(in: namespace)
                guard let verdict = try? engine.verdict(from: source, to: probe.dnsPod, port: defaults.dnsPort, protocol: proto),
                    !verdict.allowed
                else { continue }
                let tenant = probe.tenantOfNamespace[namespace]!
                let blocking = Self.blockingPolicies(verdict)
                findings.append(IsolationFinding(
                    kind: .dnsUnreachable, cluster: probe.cluster.name, sourceTenant: tenant, destinationTenant: nil,
                    source: source.description, destination: probe.dnsPod.description,
                    ports: "\(proto.rawValue) \(defaults.dnsPort)", openNow: nil, podPairs: 1, policies: blocking, rules: [],
                    explanation: Self.lines(verdict),
                    message: "cluster \(probe.cluster.name): tenant \(tenant) namespace \(namespace) cannot reach DNS "
                        + "(\(probe.dnsPod) on \(proto.rawValue) \(defaults.dnsPort)); blocked by "
                        + Self.blockingSides(verdict)))
            }
        }
        return (findings, checks)
    }

    private func ingressFindings(_ probe: ClusterProbeModel, engine: ReachabilityEngine) -> (findings: [IsolationFinding], checks: Int) {
        var findings: [IsolationFinding] = []
        var checks = 0
        for tenantName in probe.tenants.keys.sorted() {
            let classes = Set(probe.tenants[tenantName]?.spec.network?.ingress?.classes ?? []).sorted()
            for ingressClass in classes {
                guard let controller = probe.controllerPods[ingressClass] else { continue }
                for namespace in probe.namespacesOfTenant[tenantName] ?? [] {
                    checks += 1
                    let destination = probe.probe(in: namespace)
                    guard let verdict = try? engine.verdict(
                        from: controller, to: destination, port: servicePort.port, protocol: servicePort.protocol),
                        !verdict.allowed
                    else { continue }
                    findings.append(IsolationFinding(
                        kind: .ingressUnreachable, cluster: probe.cluster.name, sourceTenant: nil, destinationTenant: tenantName,
                        source: controller.description, destination: destination.description, ports: servicePort.description,
                        openNow: nil, podPairs: 1, policies: Self.blockingPolicies(verdict), rules: [],
                        explanation: Self.lines(verdict),
                        message: "cluster \(probe.cluster.name): the \(ingressClass) ingress controller (\(controller)) cannot reach "
                            + "tenant \(tenantName) namespace \(namespace) on \(servicePort); blocked by " + Self.blockingSides(verdict)))
                }
            }
        }
        return (findings, checks)
    }

    /// The policies isolating the side(s) that deny `verdict`.
    private static func blockingPolicies(_ verdict: Verdict) -> [String] {
        let sides = [verdict.egress, verdict.ingress].compactMap { $0 }.filter { !$0.allowed }
        return Array(Set(sides.flatMap(\.selectingPolicies))).sorted().map(\.description)
    }

    private static func blockingSides(_ verdict: Verdict) -> String {
        let sides = [verdict.egress, verdict.ingress].compactMap { $0 }.filter { !$0.allowed }
        return sides.map { side in
            "\(side.direction == .ingress ? "ingress" : "egress") of \(side.pod) (isolated by "
                + side.selectingPolicies.map(\.description).joined(separator: ", ") + "; no rule allows it)"
        }.joined(separator: " and ")
    }

    private static func lines(_ verdict: Verdict?) -> [String] {
        guard let verdict else { return [] }
        return verdict.description.split(separator: "\n").map { String($0.drop { $0 == " " }) }
    }
}

extension IsolationVerifier {
    /// The network `contain verify` checks on `cluster`: the tenants' planned namespaces and
    /// policies with the input's on top, a probe pod per tenant namespace (`contain-probe`),
    /// probes for input policies' selectors, the input's pods and workloads, the DNS pod and
    /// the ingress controller pods. For `contain netpol --cluster`.
    public func networkModel(cluster: Cluster, input: VerificationInput) -> NetworkModel {
        ClusterProbeModel(cluster: cluster, input: input, defaults: defaults).model
    }
}
