import ContainModel
import ContainTenancy
import Testing

@Suite struct IsolationTests {
    @Test func dedicatedClusterTenantGetsNothingOnASharedCluster() throws {
        let prod = try #require(Fixtures.cluster("prod"))
        var ledger = try #require(Fixtures.tenant("ledger"))
        ledger.spec.clusters.append("prod")
        let state = TenancyPlanner.desiredState(
            tenant: ledger, cluster: prod, tenantsOnCluster: Fixtures.tenants(on: prod) + [ledger], defaults: .standard)
        #expect(state.isEmpty)
        #expect(state.yaml().isEmpty)

        // Alone on its cluster (listing itself among the tenants is fine), it gets everything.
        let own = try #require(Fixtures.cluster("prod-ledger"))
        let alone = TenancyPlanner.desiredState(tenant: ledger, cluster: own, tenantsOnCluster: [ledger], defaults: .standard)
        #expect(alone.namespaceNames == ["ledger"])
        #expect(alone.networkPolicies.contains { $0.name == "default-deny" })
        // A tenant that lists the cluster nowhere in its spec does not make it shared.
        let stranger = Fixtures.makeTenant("stranger", clusters: ["elsewhere"], namespaces: ["x"])
        #expect(!TenancyPlanner.desiredState(tenant: ledger, cluster: own, tenantsOnCluster: [stranger], defaults: .standard).isEmpty)
    }

    @Test func nothingOnAClusterTheTenantIsNotPlacedOn() throws {
        let web = try #require(Fixtures.tenant("web"))
        let ledgerCluster = try #require(Fixtures.cluster("prod-ledger"))
        #expect(Fixtures.state(web, ledgerCluster).isEmpty)
        // web-preview is only on dev and staging.
        let prod = try #require(Fixtures.cluster("prod"))
        #expect(Fixtures.state(web, prod).namespaceNames == ["web"])
    }

    @Test(arguments: [
        (SandboxRuntime.gvisor, "runsc"), (.kata, "kata-qemu"), (.kataFirecracker, "kata-fc"),
    ])
    func sandboxedTenantsGetTheirRuntimeClass(_ runtime: SandboxRuntime, _ handler: String) throws {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["b", "a"],
                                         isolation: TenantIsolation(runtime: runtime))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        #expect(state.runtimeClasses.count == 1)
        let runtimeClass = try #require(state.runtimeClasses.first)
        #expect(runtimeClass.handler == handler)
        #expect(runtimeClass.name == runtime.rawValue)
        #expect(runtimeClass.metadata.labels?[TenancyLabels.platformManaged] == "true")
        #expect(runtimeClass.metadata.labels?[TenancyLabels.tenant] == nil, "shared objects are owned by no tenant")
        // Cluster-scoped shared objects come first.
        guard case .runtimeClass = state.objects.first else { Issue.record("RuntimeClass not first"); return }
        for namespace in state.namespaces {
            #expect(namespace.metadata.annotations?[TenancyLabels.runtimeClassAnnotation] == runtime.rawValue)
        }
    }

    @Test func runcTenantsGetNoRuntimeClass() {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a"])
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        #expect(state.runtimeClasses.isEmpty)
        #expect(state.namespaces.allSatisfy { $0.metadata.annotations?[TenancyLabels.runtimeClassAnnotation] == nil })
    }

    @Test func examplesSandboxHandlers() throws {
        let expected = ["payments": "runsc", "analytics": "kata-fc", "ml": "kata-qemu", "partner-acme": "runsc"]
        for (name, handler) in expected {
            let tenant = try #require(Fixtures.tenant(name))
            let staging = try #require(Fixtures.cluster("staging"))
            #expect(Fixtures.state(tenant, staging).runtimeClasses.map(\.handler) == [handler], "\(name)")
        }
    }

    @Test func dedicatedNodesGetSelectorAndTolerations() throws {
        let risk = try #require(Fixtures.tenant("risk"))
        let prod = try #require(Fixtures.cluster("prod"))
        let namespace = try #require(Fixtures.state(risk, prod).namespaces.first)
        let annotations = namespace.metadata.annotations ?? [:]
        #expect(annotations[TenancyLabels.nodeSelectorAnnotation] == "platform.contain.dev/dedicated-to=risk")
        let tolerations = try #require(annotations[TenancyLabels.tolerationsAnnotation])
        let decoded = try ValueDecoder().decode([Toleration].self, from: try JSONReader.value(tolerations))
        #expect(decoded == [Toleration(key: "platform.contain.dev/dedicated-to", operator: .equal, value: "risk", effect: .noSchedule)])
        #expect(annotations[TenancyLabels.defaultTolerationsAnnotation] == tolerations)
    }

    @Test func dedicatedNodesWithMissingPoolWarns() throws {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a"],
                                         isolation: TenantIsolation(tier: .dedicatedNodes, nodePool: "nope"))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        #expect(state.warnings.contains { $0.contains("nope") })
        #expect(state.namespaces.first?.metadata.annotations?[TenancyLabels.nodeSelectorAnnotation] == nil)
    }

    @Test func virtualClusterHostNamespace() throws {
        let acme = try #require(Fixtures.tenant("partner-acme"))
        let staging = try #require(Fixtures.cluster("staging"))
        let state = Fixtures.state(acme, staging)
        #expect(state.namespaceNames == ["vc-partner-acme"])
        let namespace = try #require(state.namespaces.first)
        #expect(namespace.metadata.annotations?[TenancyLabels.virtualClusterAnnotation] == "partner-acme")
        #expect(namespace.metadata.labels?[TenancyLabels.isolationTier] == "virtualCluster")
        // People only view the host namespace; no GitOps account there.
        #expect(state.roleBindings.map(\.roleRef.name) == ["view"])
        #expect(!state.objects.contains { if case .serviceAccount = $0 { true } else { false } })
        #expect(state.quotas.count == 1 && state.limitRanges.count == 1)
        #expect(state.networkPolicies.contains { $0.name == "default-deny" })

        let withAPI = TenancyPlanner.desiredState(tenant: acme, cluster: staging, tenantsOnCluster: [],
                                                  defaults: PlatformDefaults(apiServerCIDRs: ["192.0.2.10/32"]))
        let api = try #require(withAPI.networkPolicies.first { $0.name == "allow-apiserver-egress" })
        #expect(api.spec?.egress?.first?.to?.first?.ipBlock?.cidr == "192.0.2.10/32")
    }
}

@Suite struct WarningTests {
    @Test func tooManyNamespacesWarns() {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a", "b", "c"], quota: TenantQuota(namespaces: 2))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        #expect(state.warnings.contains { $0.contains("exceed quota.namespaces 2") })
        #expect(state.namespaceNames == ["a", "b", "c"])
        let fine = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a", "b"], quota: TenantQuota(namespaces: 2))
        #expect(TenancyPlanner.desiredState(tenant: fine, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard).warnings.isEmpty)
    }

    @Test func examplePlacementsHaveNoWarnings() {
        for (tenant, cluster) in Fixtures.placements {
            #expect(Fixtures.state(tenant, cluster).warnings.isEmpty, "\(tenant.name)@\(cluster.name)")
        }
    }
}
