import ContainModel

/// Computes which connections NetworkPolicies allow, from manifests alone, following the
/// Kubernetes `networking.k8s.io/v1` semantics:
///
/// - A pod is isolated for a direction only when some policy selecting it (its `podSelector`,
///   in the policy's namespace) has that direction in its effective `policyTypes` (unset
///   `policyTypes` default to `Ingress`, plus `Egress` when the policy has egress rules).
/// - Policies are additive: an isolated side allows a connection when any rule of any policy
///   selecting the pod for that direction allows it.
/// - A connection is allowed when the source's egress and the destination's ingress both allow
///   it; an external address has no side of its own.
/// - A peer with only `podSelector` selects pods of the policy's namespace; with only
///   `namespaceSelector`, every pod of the matching namespaces; with both, pods matching the pod
///   selector in the matching namespaces (AND). Separate peers are ORed. `from`/`to` absent or
///   empty (`from: []` decodes to the same empty list in the API) matches every source or
///   destination, including external addresses. A peer with `ipBlock` is treated as an
///   address peer only (the API forbids combining it with selectors). A peer with none of the
///   fields set (which validation rejects) matches nothing.
/// - Ports: `protocol` defaults to `TCP`; `port` unset matches every port of the protocol; a
///   number with `endPort` is an inclusive range; a named port matches a destination pod that
///   declares a container port with that name, that number and that protocol (so it resolves
///   per pod, and never for an external address). `ports` absent or empty matches everything.
///
/// **ipBlock and pod IPs:** this model has no pod IPs. `ipBlock` peers apply only to external
/// addresses (`verdict(from:toAddress:…)`, `verdict(fromAddress:to:…)`), never to pods, even
/// when a CIDR would cover the pod network. The Kubernetes documentation leaves pod-IP
/// matching by `ipBlock` implementation-defined ("cluster-external IPs"), so the model takes
/// the portable reading.
///
/// **Pod-to-self traffic:** the Kubernetes documentation states "a pod cannot block access to
/// itself", so by default a pod's traffic to itself is allowed whatever the policies say (the
/// two sides are still evaluated and reported). Pass `selfTrafficAlwaysAllowed: false` to
/// treat it like any other connection.
///
/// The engine compiles every selector and resolves which policies select which pods, and
/// which pods every rule's peers select, once, at construction.
public struct ReachabilityEngine: Sendable {
    /// The pods, in model order; matrix rows and columns follow this order.
    public let pods: [NetworkPod]
    /// Whether a pod's traffic to itself is always allowed.
    public let selfTrafficAlwaysAllowed: Bool

    let podIndex: [PodRef: Int]
    let policies: [CompiledPolicy]
    /// For each pod, the policies selecting it that govern ingress (resp. egress).
    let ingressPolicies: [[Int]]
    let egressPolicies: [[Int]]
    /// For each (port name, number, protocol) a pod declares, the pods declaring it.
    let namedPortPods: [NamedPortKey: PodBitSet]

    /// What a peer's selected pods depend on: its selectors, and the policy's namespace when it
    /// has no `namespaceSelector`.
    struct PeerKey: Hashable {
        let podSelector: LabelSelector?
        let namespaceSelector: LabelSelector?
        let ownNamespace: String?
    }

    struct NamedPortKey: Hashable, Sendable {
        let name: String
        let port: Int
        let `protocol`: PortProtocol
    }

    /// Compiles `model`.
    /// - Throws: `NetworkInputError.invalidSelector` or `.invalidCIDR` for a policy the API
    ///   server would reject.
    public init(model: NetworkModel, selfTrafficAlwaysAllowed: Bool = true) throws(NetworkInputError) {
        self.selfTrafficAlwaysAllowed = selfTrafficAlwaysAllowed
        let pods = model.pods
        self.pods = pods
        let count = pods.count
        var podIndex: [PodRef: Int] = [:]
        var podsByNamespace: [String: [Int]] = [:]
        for (index, pod) in pods.enumerated() {
            podIndex[pod.ref] = index
            podsByNamespace[pod.ref.namespace, default: []].append(index)
        }
        self.podIndex = podIndex
        let namespaces = model.allNamespaces

        var namedPortPods: [NamedPortKey: PodBitSet] = [:]
        for (index, pod) in pods.enumerated() {
            for port in pod.ports {
                guard let name = port.name, !name.isEmpty else { continue }
                let key = NamedPortKey(name: name, port: port.port, protocol: port.effectiveProtocol)
                namedPortPods[key, default: PodBitSet(count: count)].insert(index)
            }
        }
        self.namedPortPods = namedPortPods

        func compile(_ selector: LabelSelector?, _ policy: PolicyRef, _ field: String) throws(NetworkInputError)
            -> LabelSelectorExpression
        {
            guard let selector else { return .everything }
            do {
                return try selector.compiled()
            } catch {
                throw .invalidSelector(policy: policy.description, field: field, message: error.message)
            }
        }

        // Policies repeat selectors (every tenant namespace has the same ones): a peer's pods
        // are resolved once per distinct (pod selector, namespace selector or own namespace).
        let namespaceLabels = namespaces.map(\.labels)
        var peerPods: [PeerKey: PodBitSet] = [:]

        func resolve(_ peers: [NetworkPolicyPeer]?, namespace: String, policy: PolicyRef, field: String)
            throws(NetworkInputError) -> (all: Bool, pods: PodBitSet, blocks: [CompiledIPBlock])
        {
            guard let peers, !peers.isEmpty else { return (true, PodBitSet(count: count, full: true), []) }
            var selected = PodBitSet(count: count)
            var blocks: [CompiledIPBlock] = []
            for (peerIndex, peer) in peers.enumerated() {
                let path = "\(field)[\(peerIndex)]"
                if let block = peer.ipBlock {
                    guard let cidr = CIDR(block.cidr) else { throw .invalidCIDR(policy: policy.description, cidr: block.cidr) }
                    var excepts: [CIDR] = []
                    for text in block.except ?? [] {
                        guard let except = CIDR(text) else { throw .invalidCIDR(policy: policy.description, cidr: text) }
                        excepts.append(except)
                    }
                    blocks.append(CompiledIPBlock(cidr: cidr, except: excepts))
                    continue
                }
                if peer.namespaceSelector == nil && peer.podSelector == nil { continue }
                let key = PeerKey(
                    podSelector: peer.podSelector, namespaceSelector: peer.namespaceSelector,
                    ownNamespace: peer.namespaceSelector == nil ? namespace : nil)
                if let cached = peerPods[key] {
                    selected.formUnion(cached)
                    continue
                }
                let podExpression = try compile(peer.podSelector, policy, path + ".podSelector")
                let candidateNamespaces: [String]
                if let namespaceSelector = peer.namespaceSelector {
                    let namespaceExpression = try compile(namespaceSelector, policy, path + ".namespaceSelector")
                    candidateNamespaces = namespaces.indices.filter { namespaceExpression.matches(namespaceLabels[$0]) }
                        .map { namespaces[$0].name }
                } else {
                    candidateNamespaces = [namespace]
                }
                var peerSet = PodBitSet(count: count)
                let everyPod = podExpression.isEmpty
                for name in candidateNamespaces {
                    for index in podsByNamespace[name] ?? [] where everyPod || podExpression.matches(pods[index].labels) {
                        peerSet.insert(index)
                    }
                }
                peerPods[key] = peerSet
                selected.formUnion(peerSet)
            }
            return (false, selected, blocks)
        }

        var compiled: [CompiledPolicy] = []
        var ingressPolicies = [[Int]](repeating: [], count: count)
        var egressPolicies = [[Int]](repeating: [], count: count)
        for policy in model.policies {
            let namespace = policy.metadata.namespace ?? "default"
            let ref = PolicyRef(namespace: namespace, name: policy.metadata.name ?? "")
            let types = CompiledPolicy.effectiveTypes(policy.spec)
            let podExpression = try compile(policy.spec?.podSelector, ref, "spec.podSelector")
            var selected = PodBitSet(count: count)
            for index in podsByNamespace[namespace] ?? [] where podExpression.matches(pods[index].labels) {
                selected.insert(index)
            }
            var ingressRules: [CompiledRule] = []
            if types.contains(.ingress) {
                for (ruleIndex, rule) in (policy.spec?.ingress ?? []).enumerated() {
                    let peers = try resolve(
                        rule.from, namespace: namespace, policy: ref, field: "spec.ingress[\(ruleIndex)].from")
                    ingressRules.append(
                        CompiledRule(
                            index: ruleIndex, ports: Self.ports(rule.ports), allPeers: peers.all,
                            peerPods: peers.pods, ipBlocks: peers.blocks))
                }
            }
            var egressRules: [CompiledRule] = []
            if types.contains(.egress) {
                for (ruleIndex, rule) in (policy.spec?.egress ?? []).enumerated() {
                    let peers = try resolve(
                        rule.to, namespace: namespace, policy: ref, field: "spec.egress[\(ruleIndex)].to")
                    egressRules.append(
                        CompiledRule(
                            index: ruleIndex, ports: Self.ports(rule.ports), allPeers: peers.all,
                            peerPods: peers.pods, ipBlocks: peers.blocks))
                }
            }
            let policyIndex = compiled.count
            compiled.append(
                CompiledPolicy(
                    ref: ref, governsIngress: types.contains(.ingress), governsEgress: types.contains(.egress),
                    selected: selected, ingressRules: ingressRules, egressRules: egressRules))
            for index in selected.members {
                if types.contains(.ingress) { ingressPolicies[index].append(policyIndex) }
                if types.contains(.egress) { egressPolicies[index].append(policyIndex) }
            }
        }
        self.policies = compiled
        self.ingressPolicies = ingressPolicies
        self.egressPolicies = egressPolicies
    }

    private static func ports(_ ports: [NetworkPolicyPort]?) -> [CompiledPort]? {
        guard let ports, !ports.isEmpty else { return nil }
        return ports.map(CompiledPort.init)
    }

    /// Compiles the model of `manifests` (see `NetworkModel.init(manifests:)`).
    public init(manifests: [LoadedManifest], selfTrafficAlwaysAllowed: Bool = true) throws(NetworkInputError) {
        try self.init(model: NetworkModel(manifests: manifests), selfTrafficAlwaysAllowed: selfTrafficAlwaysAllowed)
    }

    /// The policies that select `pod` (for either direction), sorted.
    public func policiesSelecting(_ pod: PodRef) -> [PolicyRef] {
        guard let index = podIndex[pod] else { return [] }
        return policies.filter { $0.selected.contains(index) }.map(\.ref).sorted()
    }

    /// Whether `pod` is isolated for `direction`; `nil` for an unknown pod.
    public func isIsolated(_ pod: PodRef, for direction: PolicyType) -> Bool? {
        guard let index = podIndex[pod] else { return nil }
        return direction == .ingress ? !ingressPolicies[index].isEmpty : !egressPolicies[index].isEmpty
    }

    // MARK: Single connections

    /// Whether `source` may open a connection to `destination` on `port`/`protocol`, and why.
    /// - Throws: `NetworkQueryError.unknownPod` when either pod is not in the model.
    public func verdict(from source: PodRef, to destination: PodRef, port: Int, protocol proto: PortProtocol = .tcp)
        throws(NetworkQueryError) -> Verdict
    {
        guard let sourceIndex = podIndex[source] else { throw .unknownPod(source) }
        guard let destinationIndex = podIndex[destination] else { throw .unknownPod(destination) }
        let declared = pods[destinationIndex].ports
        let egress = side(
            .egress, podIndex: sourceIndex,
            allows: { $0.peerPods.contains(destinationIndex) && $0.portMatches(port: port, protocol: proto, declared: declared) })
        let ingress = side(
            .ingress, podIndex: destinationIndex,
            allows: { $0.peerPods.contains(sourceIndex) && $0.portMatches(port: port, protocol: proto, declared: declared) })
        let isSelf = sourceIndex == destinationIndex
        return Verdict(
            source: .pod(source), destination: .pod(destination), port: port, protocol: proto, egress: egress,
            ingress: ingress, isSelfTraffic: isSelf,
            allowed: (isSelf && selfTrafficAlwaysAllowed) || (egress.allowed && ingress.allowed))
    }

    /// Whether `source` may open a connection to an address outside the pod network. Only the
    /// source's egress is checked: rules with absent `to`, or an `ipBlock` containing the
    /// address (and none of its `except`s). Named ports never match an external address.
    /// - Throws: `NetworkQueryError.unknownPod` or `.invalidAddress`.
    public func verdict(from source: PodRef, toAddress address: String, port: Int, protocol proto: PortProtocol = .tcp)
        throws(NetworkQueryError) -> Verdict
    {
        guard let sourceIndex = podIndex[source] else { throw .unknownPod(source) }
        let bytes = try Self.parse(address)
        let egress = side(
            .egress, podIndex: sourceIndex,
            allows: { $0.peerMatches(address: bytes) && $0.portMatches(port: port, protocol: proto, declared: nil) })
        return Verdict(
            source: .pod(source), destination: .address(address), port: port, protocol: proto, egress: egress,
            ingress: nil, isSelfTraffic: false, allowed: egress.allowed)
    }

    /// Whether an address outside the pod network may open a connection to `destination`. Only
    /// the destination's ingress is checked: rules with absent `from`, or an `ipBlock`
    /// containing the address (and none of its `except`s).
    /// - Throws: `NetworkQueryError.unknownPod` or `.invalidAddress`.
    public func verdict(fromAddress address: String, to destination: PodRef, port: Int, protocol proto: PortProtocol = .tcp)
        throws(NetworkQueryError) -> Verdict
    {
        guard let destinationIndex = podIndex[destination] else { throw .unknownPod(destination) }
        let bytes = try Self.parse(address)
        let declared = pods[destinationIndex].ports
        let ingress = side(
            .ingress, podIndex: destinationIndex,
            allows: { $0.peerMatches(address: bytes) && $0.portMatches(port: port, protocol: proto, declared: declared) })
        return Verdict(
            source: .address(address), destination: .pod(destination), port: port, protocol: proto, egress: nil,
            ingress: ingress, isSelfTraffic: false, allowed: ingress.allowed)
    }

    private static func parse(_ address: String) throws(NetworkQueryError) -> [UInt8] {
        guard !address.contains("/"), let cidr = CIDR(address + "/32") else { throw .invalidAddress(address) }
        return cidr.address
    }

    private func side(_ direction: PolicyType, podIndex index: Int, allows: (CompiledRule) -> Bool) -> DirectionVerdict {
        let selecting = direction == .ingress ? ingressPolicies[index] : egressPolicies[index]
        var rules: [RuleRef] = []
        for policyIndex in selecting {
            let policy = policies[policyIndex]
            for rule in direction == .ingress ? policy.ingressRules : policy.egressRules where allows(rule) {
                rules.append(RuleRef(policy: policy.ref, direction: direction, index: rule.index))
            }
        }
        rules.sort { ($0.policy, $0.index) < ($1.policy, $1.index) }
        return DirectionVerdict(
            direction: direction, pod: pods[index].ref, isolated: !selecting.isEmpty,
            selectingPolicies: selecting.map { policies[$0].ref }.sorted(), allowingRules: rules)
    }

    // MARK: Matrix

    /// The pods (as a set) on which `rule`'s ports match `port`/`proto` as a destination.
    private func portMatchSet(_ rule: CompiledRule, port: Int, protocol proto: PortProtocol) -> PodBitSet {
        if rule.numericPortMatches(port: port, protocol: proto) { return PodBitSet(count: pods.count, full: true) }
        var result = PodBitSet(count: pods.count)
        for name in rule.portNames(protocol: proto) {
            if let set = namedPortPods[NamedPortKey(name: name, port: port, protocol: proto)] { result.formUnion(set) }
        }
        return result
    }

    /// Reachability between every pair of pods on `port`/`protocol`: the ingress side, the
    /// egress side, and the combined answer (both sides, plus the pod-to-self exception when
    /// enabled). Per-pod allowed sets are computed once per rule, as bit sets.
    public func matrix(port: Int, protocol proto: PortProtocol = .tcp) -> ReachabilityMatrix {
        let count = pods.count
        let full = PodBitSet(count: count, full: true)
        let empty = PodBitSet(count: count)
        // ingress[d]: the sources d's ingress allows; egress[s]: the destinations s's egress allows.
        var ingress = (0..<count).map { ingressPolicies[$0].isEmpty ? full : empty }
        var egress = (0..<count).map { egressPolicies[$0].isEmpty ? full : empty }
        for policy in policies {
            if policy.governsIngress {
                for rule in policy.ingressRules {
                    let targets = policy.selected.intersection(portMatchSet(rule, port: port, protocol: proto))
                    for destination in targets.members { ingress[destination].formUnion(rule.peerPods) }
                }
            }
            if policy.governsEgress {
                for rule in policy.egressRules {
                    let destinations = rule.peerPods.intersection(portMatchSet(rule, port: port, protocol: proto))
                    if destinations.isEmpty { continue }
                    for source in policy.selected.members { egress[source].formUnion(destinations) }
                }
            }
        }
        // combined[s] = egress[s] ∩ { d : s ∈ ingress[d] }.
        var ingressBySource = [PodBitSet](repeating: empty, count: count)
        for destination in 0..<count {
            if ingressPolicies[destination].isEmpty { continue }
            for source in ingress[destination].members { ingressBySource[source].insert(destination) }
        }
        var openDestinations = empty
        for destination in 0..<count where ingressPolicies[destination].isEmpty { openDestinations.insert(destination) }
        var combined = egress
        for source in 0..<count {
            var reachableIngress = openDestinations
            reachableIngress.formUnion(ingressBySource[source])
            combined[source].formIntersection(reachableIngress)
            if selfTrafficAlwaysAllowed { combined[source].insert(source) }
        }
        return ReachabilityMatrix(
            pods: pods.map(\.ref), port: port, protocol: proto, ingress: ingress, egress: egress, combined: combined)
    }
}
