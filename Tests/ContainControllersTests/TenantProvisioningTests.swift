import ContainControllers
import ContainEmbedded
import ContainModel
import ContainStore
import Foundation
import KubeClient
import Testing

@Suite("Tenant provisioning on the embedded API", .serialized)
struct TenantProvisioningTests {
    static let cluster = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Cluster
        metadata: {name: dev}
        spec:
          environment: dev
          tier: devTest
          provider: talos
          region: eu-central
          kubernetesVersion: "1.34"
          zones: [zone-a]
          controlPlane: {count: 1, vcpu: 4, memory: 8Gi}
          nodePools:
          - {name: workers, role: worker, count: 3, vcpu: 8, memory: 32Gi, maxPods: 110}
          storage: {replicas: 1, failureDomain: host, classes: [ceph-block]}
          network: {podCIDR: 10.244.0.0/16, serviceCIDR: 10.96.0.0/12, ingressDomain: dev.example.com}
          components: [{name: flux}]
        """

    static func tenant(_ name: String, namespaces: [String], cpu: String) -> JSONObject {
        [
            "apiVersion": "platform.contain.dev/v1alpha1", "kind": "Tenant", "metadata": ["name": .string(name)],
            "spec": [
                "owners": [["kind": "Group", "name": .string("\(name)-admins")]],
                "clusters": ["dev"],
                "namespaces": .array(namespaces.map { .object(["name": .string($0)]) }),
                "quota": ["cpu": .string(cpu), "memory": "12Gi", "pods": 30],
                "isolation": ["tier": "namespace", "podSecurity": "restricted"],
            ],
        ]
    }

    static func value(_ stored: StoredObject) -> JSONValue? {
        try? JSONReader.value(String(decoding: stored.data, as: UTF8.self))
    }

    @Test func namespaceNeverExistsWithoutItsDenyAllAndQuotaNeverOvershoots() async throws {
        let api = try await InProcessAPI.start()
        let client = try api.client()
        let tenantOperator = await TenantOperator.make(
            client: client, configuration: .init(workers: 2, leaderElection: false),
            bootstrapper: StoreNamespaceBootstrapper(store: api.store))
        let run = Task { try await tenantOperator.run() }
        let start = try await api.store.currentRevision()
        guard case .object(let cluster) = try YAMLReader.value(Self.cluster) else { return }
        try await client.create(.of(Cluster.self), cluster)
        try await client.create(.of(Tenant.self), Self.tenant("team", namespaces: ["team-a", "team-b", "team-c"], cpu: "9"))

        let ready = await eventually {
            guard let tenant = try? await client.get(Tenant.self, name: "team") else { return false }
            return tenant.status?.conditions?.contains { $0.type == "Ready" && $0.status == .true } == true
                && tenant.status?.namespaceStates?.count == 3
        }
        #expect(ready)

        // Replay every change: at each revision, every existing tenant namespace has its deny-all
        // policy, and the tenant's namespace quotas never sum above its total.
        var existingNamespaces = Set<String>(), denyAll = Set<String>()
        var quotaCPU: [String: Quantity] = [:]
        var violations: [String] = []
        func checkQuota(_ total: Quantity, at revision: Int64) throws {
            let sum = try quotaCPU.values.reduce(Quantity(0)) { try $0 + $1 }
            if sum > total { violations.append("quota sum \(sum) > \(total) at \(revision)") }
        }
        func replay(until end: Int64, total: Quantity) async throws {
            var events = try await api.store.watch(nil, namespace: nil, after: start).makeAsyncIterator()
            existingNamespaces = []
            denyAll = []
            quotaCPU = [:]
            while let event = try await events.next() {
                let key = event.object.key
                let object = Self.value(event.object)
                let tenantLabel = object?["metadata"]?["labels"]?["platform.contain.dev/tenant"]?.stringValue
                switch (key.resource.resource, event.kind) {
                case ("namespaces", .deleted): existingNamespaces.remove(key.name)
                case ("namespaces", _) where tenantLabel == "team": existingNamespaces.insert(key.name)
                case ("networkpolicies", .deleted) where key.name == "default-deny": denyAll.remove(key.namespace)
                case ("networkpolicies", _) where key.name == "default-deny": denyAll.insert(key.namespace)
                case ("resourcequotas", .deleted): quotaCPU[key.namespace] = nil
                case ("resourcequotas", _):
                    if let text = object?["spec"]?["hard"]?["requests.cpu"]?.stringValue { quotaCPU[key.namespace] = try Quantity(parsing: text) }
                default: break
                }
                // Deleting a namespace deletes its policies first; only creation needs the guarantee.
                if event.kind != .deleted, !existingNamespaces.isSubset(of: denyAll) {
                    violations.append("at revision \(event.object.revision) \(existingNamespaces.subtracting(denyAll)) exist without default-deny")
                }
                try checkQuota(total, at: event.object.revision)
                if event.object.revision >= end { break }
            }
        }
        try await replay(until: try await api.store.currentRevision(), total: Quantity(9))
        #expect(existingNamespaces == ["team-a", "team-b", "team-c"])
        #expect(violations.isEmpty, "\(violations)")

        // Drop a namespace: its share goes to the other two, which must not grow before it is gone.
        try await client.patch(.of(Tenant.self), name: "team", patch: ["spec": ["namespaces": [["name": "team-a"], ["name": "team-b"]]]],
                               type: .merge)
        let resplit = await eventually {
            let quotaA = try? await client.get(.of(ResourceQuota.self), namespace: "team-a", name: "tenant-quota")
            let quotaB = try? await client.get(.of(ResourceQuota.self), namespace: "team-b", name: "tenant-quota")
            let gone = (try? await client.getIfPresent(.namespaces, name: "team-c")) == nil
            let cpuA = quotaA?["spec"]?["hard"]?["requests.cpu"]?.stringValue
            let cpuB = quotaB?["spec"]?["hard"]?["requests.cpu"]?.stringValue
            return gone && cpuA != nil && cpuA != "3" && cpuB != nil && cpuB != "3"
        }
        #expect(resplit)
        try await replay(until: try await api.store.currentRevision(), total: Quantity(9))
        #expect(violations.isEmpty, "\(violations)")
        #expect(try quotaCPU.values.reduce(Quantity(0)) { try $0 + $1 } == Quantity(9), "\(quotaCPU)")
        #expect(Set(quotaCPU.keys) == ["team-a", "team-b"])
        run.cancel()
        _ = await run.result
        try await client.shutdown()
        await api.stop()
    }
}
