import ContainModel
import ContainTenancy
import Testing

@Suite struct QuotaTests {
    static let suffixes = ["", "m", "k", "M", "G", "Ki", "Mi", "Gi", "Ti", "u", "n"]

    static func randomQuantity(_ rng: inout SplitMix64) throws -> Quantity {
        let whole = Int.random(in: 0...100_000, using: &rng)
        let fraction = Bool.random(using: &rng) ? ".\(Int.random(in: 0...999, using: &rng))" : ""
        let suffix = suffixes[Int.random(in: 0..<suffixes.count, using: &rng)]
        return try Quantity.parse("\(whole)\(fraction)\(suffix)")
    }

    /// The sum of the shares equals the total exactly (so never exceeds it), there are exactly
    /// `count` shares, none negative, the first is the largest and the rest are equal.
    @Test func quantitySplitIsExact() throws {
        var rng = SplitMix64(state: 0xC0FFEE)
        for _ in 0..<3000 {
            let total = try Self.randomQuantity(&rng)
            let count = Int.random(in: 1...17, using: &rng)
            let shares = QuantitySplitter.split(total, into: count)
            try #require(shares.count == count)
            var sum = Quantity.zero
            for share in shares {
                #expect(share.sign >= 0)
                sum = try sum + share
            }
            #expect(sum <= total, "\(total) / \(count): sum \(sum) exceeds the total")
            #expect(sum == total, "\(total) / \(count): sum \(sum) loses some of the total")
            #expect(shares.dropFirst().allSatisfy { $0 == shares[shares.count - 1] })
            #expect(shares.allSatisfy { $0 <= shares[0] })
            // Shares must print and parse back to the same value (what the API server will see).
            for share in shares { #expect((try? Quantity.parse(share.description)) == share) }
        }
    }

    @Test func splitExamples() throws {
        #expect(QuantitySplitter.split("32Gi", into: 3).map(\.description) == ["10924Mi", "10922Mi", "10922Mi"])
        #expect(QuantitySplitter.split("5", into: 2).map(\.description) == ["2500m", "2500m"])
        #expect(QuantitySplitter.split("1", into: 3).map(\.description) == ["334m", "333m", "333m"])
        #expect(QuantitySplitter.split(10, into: 4) == [4, 2, 2, 2])
        #expect(QuantitySplitter.split(2, into: 3) == [2, 0, 0])
        #expect(QuantitySplitter.split("-1", into: 2).allSatisfy { $0.isZero })
        #expect(QuantitySplitter.split("1", into: 0).isEmpty)
    }

    /// Over random tenant quotas and namespace counts, the planned ResourceQuotas of a tenant on
    /// a cluster add up to no more than the tenant's totals, key by key.
    @Test func plannedQuotasNeverExceedTenantTotals() throws {
        var rng = SplitMix64(state: 42)
        let cluster = Fixtures.makeCluster("c1")
        for round in 0..<200 {
            let count = Int.random(in: 1...9, using: &rng)
            let cpu = try Self.randomQuantity(&rng)
            let memory = try Self.randomQuantity(&rng)
            let storage = try Self.randomQuantity(&rng)
            let pods = Int.random(in: 0...5000, using: &rng)
            let gpus = Int.random(in: 0...16, using: &rng)
            let mig = Int.random(in: 0...16, using: &rng)
            let quota = TenantQuota(cpu: cpu, memory: memory, storage: storage, pods: pods, gpus: gpus,
                                    migDevices: ["1g.10gb": mig])
            // Namespaces in a shuffled order, to check the split does not depend on it.
            let names = (0..<count).map { "ns-\(round)-\($0)" }.shuffled(using: &rng)
            let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: names, quota: quota)
            let state = TenancyPlanner.desiredState(tenant: tenant, cluster: cluster, tenantsOnCluster: [tenant], defaults: .standard)
            let hards = state.quotas.map { $0.spec?.hard ?? [:] }
            try #require(hards.count == count)
            let totals: [String: Quantity] = [
                "requests.cpu": cpu, "limits.cpu": cpu, "requests.memory": memory, "limits.memory": memory,
                "requests.storage": storage, "pods": Quantity(Int64(pods)), "requests.nvidia.com/gpu": Quantity(Int64(gpus)),
                "requests.nvidia.com/mig-1g.10gb": Quantity(Int64(mig)),
                "services.loadbalancers": .zero, "services.nodeports": .zero,
            ]
            for (key, total) in totals {
                var sum = Quantity.zero
                for hard in hards { sum = try sum + (try #require(hard[key], "\(key) missing")) }
                #expect(sum <= total, "round \(round) \(key): \(sum) > \(total)")
            }
            // LimitRange defaults fit inside the namespace's quota.
            for (range, hard) in zip(state.limitRanges, hards) {
                let item = try #require(range.spec?.limits.first)
                for resource in ["cpu", "memory"] {
                    if let request = item.defaultRequest?[resource], let cap = hard["requests.\(resource)"] { #expect(request <= cap) }
                    if let limit = item.default?[resource], let cap = hard["limits.\(resource)"] { #expect(limit <= cap) }
                    if let request = item.defaultRequest?[resource], let limit = item.default?[resource] { #expect(request <= limit) }
                }
            }
        }
    }

    @Test func loadBalancersAndNodePortsAreZeroUnlessAllowed() throws {
        let cluster = Fixtures.makeCluster("c1")
        let closed = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a"])
        let hard = try #require(TenancyPlanner.desiredState(tenant: closed, cluster: cluster, tenantsOnCluster: [], defaults: .standard).quotas.first?.spec?.hard)
        #expect(hard["services.loadbalancers"] == .zero)
        #expect(hard["services.nodeports"] == .zero)
        #expect(hard["requests.nvidia.com/gpu"] == .zero)

        let open = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a", "b"],
                                       quota: TenantQuota(loadBalancers: 3, nodePorts: 2))
        let hards = TenancyPlanner.desiredState(tenant: open, cluster: cluster, tenantsOnCluster: [], defaults: .standard).quotas.compactMap { $0.spec?.hard }
        #expect(hards.map { $0["services.loadbalancers"] } == [Quantity(2), Quantity(1)])
        #expect(hards.map { $0["services.nodeports"] } == [Quantity(1), Quantity(1)])
    }

    @Test func migProfilesOfTheClusterAreZeroUnlessGranted() throws {
        let staging = try #require(Fixtures.cluster("staging"))
        let web = try #require(Fixtures.tenant("web"))
        for quota in Fixtures.state(web, staging).quotas {
            #expect(quota.spec?.hard?["requests.nvidia.com/mig-1g.10gb"] == .zero)
            #expect(quota.spec?.hard?["requests.nvidia.com/mig-3g.40gb"] == .zero)
        }
        let ml = try #require(Fixtures.tenant("ml"))
        let hard = try #require(Fixtures.state(ml, staging).quotas.first?.spec?.hard)
        #expect(hard["requests.nvidia.com/mig-1g.10gb"] == Quantity(8))
        #expect(hard["requests.nvidia.com/mig-3g.40gb"] == Quantity(2))
    }

    @Test func limitRangeDefaultsAreCappedBySmallQuotas() throws {
        let tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: ["a", "b"],
                                         quota: TenantQuota(cpu: "100m", memory: "128Mi"))
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        let item = try #require(state.limitRanges.first?.spec?.limits.first)
        #expect(item.default?["cpu"] == Quantity(milliValue: 50))
        #expect(item.default?["memory"] == Quantity(64 * 1024 * 1024, format: .binarySI))
        #expect(item.defaultRequest?["cpu"] == Quantity(milliValue: 50))
        #expect(item.defaultRequest?["memory"] == Quantity(64 * 1024 * 1024, format: .binarySI))
    }
}
