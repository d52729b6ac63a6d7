import ContainModel
import ContainTenancy
import Testing

@Suite struct DeterminismTests {
    @Test func twoRunsAreByteIdentical() throws {
        for (tenant, cluster) in Fixtures.placements {
            let first = Fixtures.state(tenant, cluster)
            let second = Fixtures.state(tenant, cluster)
            #expect(first == second)
            #expect(first.yaml() == second.yaml())
            #expect(!first.yaml().isEmpty)
        }
    }

    /// Reordering the tenants on the cluster, the tenant's namespaces, subjects, allowFrom and
    /// ingress classes changes nothing in the output.
    @Test func inputOrderDoesNotMatter() throws {
        var rng = SplitMix64(state: 7)
        for (tenant, cluster) in Fixtures.placements {
            let expected = Fixtures.state(tenant, cluster).yaml()
            for _ in 0..<5 {
                var shuffled = tenant
                shuffled.spec.namespaces.shuffle(using: &rng)
                shuffled.spec.owners.shuffle(using: &rng)
                shuffled.spec.members?.shuffle(using: &rng)
                shuffled.spec.network?.allowFrom?.shuffle(using: &rng)
                shuffled.spec.network?.ingress?.classes?.shuffle(using: &rng)
                let neighbours = Fixtures.tenants(on: cluster).shuffled(using: &rng)
                let actual = TenancyPlanner.desiredState(tenant: shuffled, cluster: cluster, tenantsOnCluster: neighbours,
                                                         defaults: .standard).yaml()
                #expect(actual == expected, "\(tenant.name)@\(cluster.name) depends on input order")
            }
        }
    }

    /// The documented order: cluster-scoped first, then per namespace (by name) Namespace,
    /// ServiceAccount, RoleBindings, ResourceQuota, LimitRange, NetworkPolicies.
    @Test func objectOrder() throws {
        let ml = try #require(Fixtures.tenant("ml"))
        let prod = try #require(Fixtures.cluster("prod"))
        let kinds = Fixtures.state(ml, prod).objects.map(\.object.kind)
        let perNamespace = ["Namespace", "ServiceAccount", "RoleBinding", "RoleBinding", "RoleBinding",
                            "ResourceQuota", "LimitRange"] + Array(repeating: "NetworkPolicy", count: 5)
        #expect(kinds == ["RuntimeClass"] + perNamespace + perNamespace)
        #expect(Fixtures.state(ml, prod).namespaceNames == ["ml-serving", "ml-training"])
    }
}
