import ContainModel
import ContainTenancy
import Testing

/// Security properties of the planned NetworkPolicies, checked on every example placement and
/// on synthetic tenants, independently of the golden files.
@Suite struct NetworkPolicyTests {
    static let placements = Fixtures.placements.map { "\($0.0.name)@\($0.1.name)" }

    static func state(_ key: String) throws -> (Tenant, Cluster, DesiredState) {
        let parts = key.split(separator: "@").map(String.init)
        let tenant = try #require(Fixtures.tenant(parts[0]))
        let cluster = try #require(Fixtures.cluster(parts[1]))
        return (tenant, cluster, Fixtures.state(tenant, cluster))
    }

    @Test(arguments: placements)
    func defaultDenyInEveryNamespace(_ key: String) throws {
        let (_, _, state) = try Self.state(key)
        #expect(!state.namespaceNames.isEmpty)
        for namespace in state.namespaceNames {
            let denies = state.networkPolicies.filter { $0.namespace == namespace && $0.name == "default-deny" }
            try #require(denies.count == 1, "\(namespace) has no default-deny")
            let spec = try #require(denies[0].spec)
            let selector = try #require(spec.podSelector)
            #expect(selector.isEmpty, "default-deny must select all pods")
            #expect(Set(spec.policyTypes ?? []) == [.ingress, .egress])
            #expect(spec.ingress == nil && spec.egress == nil, "default-deny must have no rules")
        }
    }

    @Test(arguments: placements)
    func dnsEgressToKubeDNS(_ key: String) throws {
        let (_, _, state) = try Self.state(key)
        for namespace in state.namespaceNames {
            let policy = try #require(state.networkPolicies.first { $0.namespace == namespace && $0.name == "allow-dns" })
            let rules = policy.spec?.egress ?? []
            try #require(rules.count == 1)
            let ports = Set((rules[0].ports ?? []).map { "\($0.protocol?.rawValue ?? "TCP")/\($0.port?.intValue ?? -1)" })
            #expect(ports == ["UDP/53", "TCP/53"])
            let peers = rules[0].to ?? []
            try #require(peers.count == 1)
            #expect(peers[0].namespaceSelector?.matchLabels == ["kubernetes.io/metadata.name": "kube-system"])
            #expect(peers[0].podSelector?.matchLabels == ["k8s-app": "kube-dns"])
            #expect(policy.spec?.ingress == nil)
            #expect(policy.spec?.policyTypes == [.egress])
        }
    }

    /// Every namespace selector in an ingress rule names the tenant itself, a tenant it allows,
    /// or an ingress controller's namespace; and no peer is an unrestricted selector or IP block.
    @Test(arguments: placements)
    func ingressOnlyFromAllowedTenants(_ key: String) throws {
        let (tenant, _, state) = try Self.state(key)
        let allowed = Set([tenant.name] + (tenant.spec.network?.allowFrom ?? []))
        let controllerNamespaces = Set(PlatformDefaults.standard.ingressControllers.values.map(\.namespace))
        for policy in state.networkPolicies {
            for rule in policy.spec?.ingress ?? [] {
                let peers = try #require(rule.from, "\(policy.reference): ingress rule without sources allows everyone")
                for peer in peers {
                    #expect(peer.ipBlock == nil, "\(policy.reference) allows ingress from an IP block")
                    guard let namespaceSelector = peer.namespaceSelector else {
                        // A bare pod selector means the policy's own namespace.
                        #expect(peer.podSelector != nil)
                        continue
                    }
                    #expect(!namespaceSelector.isEmpty, "\(policy.reference) allows all namespaces")
                    let labels = namespaceSelector.matchLabels ?? [:]
                    #expect(namespaceSelector.matchExpressions == nil)
                    if let source = labels[TenancyLabels.tenant] {
                        #expect(allowed.contains(source), "\(policy.reference) admits tenant \(source)")
                    } else {
                        let name = try #require(labels[TenancyLabels.namespaceName])
                        #expect(controllerNamespaces.contains(name), "\(policy.reference) admits namespace \(name)")
                        #expect(peer.podSelector.map { !$0.isEmpty } == true, "controller peer must select controller pods")
                    }
                }
            }
        }
    }

    @Test func allowFromListsExactlyTheDeclaredTenants() throws {
        let cluster = Fixtures.makeCluster("c1")
        let target = Fixtures.makeTenant("target", clusters: ["c1"], namespaces: ["t1"],
                                     network: TenantNetwork(allowFrom: ["b", "a", "b", "target"]))
        let others = ["a", "b", "c"].map { Fixtures.makeTenant($0, clusters: ["c1"], namespaces: [$0]) }
        let state = TenancyPlanner.desiredState(tenant: target, cluster: cluster, tenantsOnCluster: others + [target],
                                                defaults: .standard)
        let policy = try #require(state.networkPolicies.first { $0.name == "allow-from-tenants" })
        let peers: [NetworkPolicyPeer] = (policy.spec?.ingress ?? []).flatMap { $0.from ?? [] }
        let sources: [String] = peers.compactMap { $0.namespaceSelector?.matchLabels?[TenancyLabels.tenant] }
        #expect(sources == ["a", "b"])

        // Without allowFrom there is no such policy at all.
        let closed = TenancyPlanner.desiredState(
            tenant: Fixtures.makeTenant("closed", clusters: ["c1"], namespaces: ["x"]), cluster: cluster,
            tenantsOnCluster: others, defaults: .standard)
        #expect(!closed.networkPolicies.contains { $0.name == "allow-from-tenants" })

        // "a" may reach "target" (target allows it) but "c" may not.
        let fromA = TenancyPlanner.desiredState(tenant: others[0], cluster: cluster, tenantsOnCluster: others + [target], defaults: .standard)
        let egress = fromA.networkPolicies.first { $0.name == "allow-to-tenants" }
        #expect(egress?.spec?.egress?.first?.to?.first?.namespaceSelector?.matchLabels == [TenancyLabels.tenant: "target"])
        let fromC = TenancyPlanner.desiredState(tenant: others[2], cluster: cluster, tenantsOnCluster: others + [target], defaults: .standard)
        #expect(!fromC.networkPolicies.contains { $0.name == "allow-to-tenants" })
    }

    @Test(arguments: placements)
    func internetEgressOnlyWhenAllowedAndNeverPrivate(_ key: String) throws {
        let (tenant, cluster, state) = try Self.state(key)
        let allowed = tenant.spec.network?.allowInternetEgress == true
        let clusterRanges: [String] = [cluster.spec.network?.podCIDR, cluster.spec.network?.serviceCIDR].compactMap { $0 }
        let required = Set(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"] + clusterRanges)
        var sawInternet = false
        for policy in state.networkPolicies {
            for rule in policy.spec?.egress ?? [] {
                let peers = try #require(rule.to, "\(policy.reference): egress rule without destinations")
                for peer in peers {
                    guard let block = peer.ipBlock else {
                        #expect(peer.namespaceSelector != nil || peer.podSelector != nil)
                        continue
                    }
                    #expect(block.cidr == "0.0.0.0/0")
                    sawInternet = true
                    #expect(required.isSubset(of: Set(block.except ?? [])), "\(policy.reference) reaches private ranges")
                }
            }
        }
        #expect(sawInternet == allowed)
    }

    @Test func internetEgressExcludesClusterRanges() throws {
        let cluster = Fixtures.makeCluster("c1", podCIDR: "100.64.0.0/16", serviceCIDR: "fd00::/108")
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["t"], network: TenantNetwork(allowInternetEgress: true))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: cluster, tenantsOnCluster: [tenant], defaults: .standard)
        let policy = try #require(state.networkPolicies.first { $0.name == "allow-internet-egress" })
        let except = policy.spec?.egress?.first?.to?.first?.ipBlock?.except ?? []
        #expect(except == ["100.64.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"])
    }

    @Test func unknownIngressClassIsClosedAndWarned() {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["t"],
                                     network: TenantNetwork(ingress: TenantIngress(classes: ["mystery"])))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        #expect(!state.networkPolicies.contains { $0.name == "allow-ingress-controllers" })
        #expect(state.warnings.contains { $0.contains("mystery") })
    }
}
