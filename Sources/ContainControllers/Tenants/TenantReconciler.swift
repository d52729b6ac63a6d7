import ContainModel
import ContainTenancy
import Foundation
import KubeClient
import Synchronization

/// Reconciles one Tenant (key: its name): plans its desired state with ``TenancyPlanner``,
/// applies what differs from the live objects with server-side apply (field manager
/// `contain`), prunes objects it owns that are no longer planned, keeps a finalizer so the
/// tenant's namespaces are deleted before the Tenant goes, and writes `status`
/// (`observedGeneration`, `Ready`/`Reconciling`/`Stalled`, per-namespace state).
///
/// It reads only from informer caches and writes only what differs, so reconciling a converged
/// tenant costs no API request.
public struct TenantReconciler: Reconciler {
    let client: KubeClient
    let caches: TenantCaches
    let configuration: TenantOperatorConfiguration
    let bootstrapper: (any NamespaceBootstrapper)?
    /// What this reconciler has done so far.
    public let statistics = ReconcileStatistics()
    let tenantDecoder = DecodedCache<Tenant>()
    let clusterDecoder = DecodedCache<Cluster>()

    public init(client: KubeClient, caches: TenantCaches, configuration: TenantOperatorConfiguration,
                bootstrapper: (any NamespaceBootstrapper)? = nil) {
        self.client = client
        self.caches = caches
        self.configuration = configuration
        self.bootstrapper = bootstrapper
    }

    public func reconcile(_ name: String) async throws -> ReconcileResult {
        await caches.waitForSync()
        guard let tenantObject = await caches.tenants.get(name) else {
            try await pruneOrphans(of: name)
            return .done
        }
        let tenant = try tenantDecoder.decode(tenantObject)
        if tenant.metadata.deletionTimestamp != nil {
            return try await finalize(tenant, object: tenantObject)
        }
        if !(tenant.metadata.finalizers ?? []).contains(TenantConditions.finalizer) {
            try await setFinalizers(tenantObject, (tenant.metadata.finalizers ?? []) + [TenantConditions.finalizer])
            return .done  // the update's watch event brings the tenant back with the finalizer
        }
        let outcome = await provision(tenant)
        statistics.record(writes: outcome.wrote, failed: outcome.failure != nil)
        try await writeStatus(tenantObject, tenant: tenant, outcome: outcome)
        if outcome.failure != nil { throw ProvisioningFailed(message: outcome.message) }
        return outcome.waiting ? .requeue(after: .milliseconds(250)) : .done
    }

    // MARK: Planning

    /// The cluster the tenant is planned for.
    func clusterName(for tenant: Tenant) -> String? {
        configuration.cluster ?? tenant.spec.clusters.first
    }

    /// The tenants that influence `tenant`'s plan on `cluster`: those that accept traffic from it
    /// and, for a dedicated-cluster tenant, everyone else on the cluster.
    func relevantTenants(for tenant: Tenant, cluster: String) async throws -> [Tenant] {
        var objects = await caches.tenants.list(index: TenantCaches.allowFromIndex, value: tenant.name)
        if tenant.spec.isolation?.effectiveTier == .dedicatedCluster {
            objects += await caches.tenants.list(index: TenantCaches.clusterIndex, value: cluster)
        }
        return try objects.map { try tenantDecoder.decode($0) }
    }

    /// Desired objects and namespace phases, and what happened applying them.
    struct Outcome {
        var cluster: String?
        var namespaces: [TenantNamespaceState] = []
        var reason = TenantConditions.Reason.provisioned
        var message = ""
        var failure: String?
        var stalled = false
        var waiting = false
        var wrote = 0
    }

    func provision(_ tenant: Tenant) async -> Outcome {
        var outcome = Outcome()
        guard let clusterName = clusterName(for: tenant) else {
            outcome.reason = TenantConditions.Reason.notPlaced
            outcome.message = "the tenant names no cluster"
            return outcome
        }
        outcome.cluster = clusterName
        do {
            guard let clusterObject = await caches.clusters.get(clusterName) else {
                outcome.reason = TenantConditions.Reason.clusterNotFound
                outcome.message = "Cluster \(clusterName) does not exist"
                outcome.stalled = true
                return outcome
            }
            let cluster = try clusterDecoder.decode(clusterObject)
            let others = try await relevantTenants(for: tenant, cluster: clusterName)
            let state = TenancyPlanner.desiredState(tenant: tenant, cluster: cluster, tenantsOnCluster: others + [tenant],
                                                    defaults: configuration.defaults)
            if state.isEmpty {
                outcome.reason = TenantConditions.Reason.notPlaced
                outcome.message = "nothing of the tenant belongs on cluster \(clusterName)"
            }
            // Quota never overshoots the tenant's total while it is re-split: shrink first,
            // remove what is no longer planned, and only then grow and create.
            try await shrinkQuotas(state, outcome: &outcome)
            try await prune(tenant: tenant.name, keeping: state)
            try await apply(state, tenant: tenant, cluster: clusterName, outcome: &outcome)
        } catch {
            outcome.failure = String(describing: error)
            outcome.reason = TenantConditions.Reason.applyFailed
            outcome.message = String(describing: error)
            if let apiError = error as? KubeAPIError, [400, 403, 422].contains(apiError.code) { outcome.stalled = true }
        }
        return outcome
    }

    static func resource(of object: DesiredObject) -> KubeResource {
        KubeResource(type(of: object.object).resourceType)
    }

    func apply(_ state: DesiredState, tenant: Tenant, cluster: String, outcome: inout Outcome) async throws {
        let objects = try state.objects.map { desired -> (DesiredObject, KubeResource, JSONObject) in
            guard case .object(let json) = try desired.encoded() else { throw TerminalError("\(desired.reference) did not encode") }
            return (desired, Self.resource(of: desired), json)
        }
        var skippedNamespaces = Set<String>()
        var createdAtomically = Set<String>()
        for (desired, resource, json) in objects {
            let namespace = desired.metadata.namespace ?? ""
            if skippedNamespaces.contains(namespace) || createdAtomically.contains(namespace) { continue }
            let cache = caches.owned[resource]
            let live = await cache?.get(Informer.key(json))
            if case .namespace(let planned) = desired {
                let name = planned.name
                if let live {
                    if live["metadata"]?["labels"]?[TenancyLabels.tenant]?.stringValue != tenant.name {
                        outcome.namespaces.append(TenantNamespaceState(cluster: cluster, name: name, phase: TenantConditions.Phase.conflict,
                                                                       message: "namespace \(name) exists and does not belong to tenant \(tenant.name)"))
                        outcome.reason = TenantConditions.Reason.namespaceConflict
                        outcome.message = "namespace \(name) exists and does not belong to tenant \(tenant.name)"
                        outcome.stalled = true
                        skippedNamespaces.insert(name)
                        continue
                    }
                    if live["metadata"]?["deletionTimestamp"] != nil {
                        outcome.namespaces.append(TenantNamespaceState(cluster: cluster, name: name, phase: TenantConditions.Phase.terminating,
                                                                       message: "waiting for the old namespace to be deleted"))
                        outcome.waiting = true
                        skippedNamespaces.insert(name)
                        continue
                    }
                } else if let bootstrapper {
                    let contents = objects.filter { $0.0.metadata.namespace == name }.map { (resource: $0.1, object: $0.2) }
                    if try await bootstrapper.createNamespace(json, with: contents, fieldManager: configuration.fieldManager) {
                        outcome.wrote += 1 + contents.count
                        createdAtomically.insert(name)
                        outcome.namespaces.append(TenantNamespaceState(cluster: cluster, name: name, phase: TenantConditions.Phase.ready))
                        continue
                    }
                }
                outcome.namespaces.append(TenantNamespaceState(cluster: cluster, name: name, phase: TenantConditions.Phase.ready))
            }
            if let live, ObjectMatching.contains(.object(live), .object(json)) { continue }
            try await client.apply(resource, json, fieldManager: configuration.fieldManager, force: true)
            outcome.wrote += 1
        }
        if outcome.wrote > 0 && !outcome.stalled && outcome.failure == nil && outcome.reason == TenantConditions.Reason.provisioned {
            outcome.message = "applied \(outcome.wrote) object(s)"
        }
    }

    /// Lowers every live ResourceQuota of the plan to the smaller of its live and planned limits
    /// (before anything grows), so the sum over the tenant's namespaces never exceeds the total.
    func shrinkQuotas(_ state: DesiredState, outcome: inout Outcome) async throws {
        let resource = KubeResource.of(ResourceQuota.self)
        guard let cache = caches.owned[resource] else { return }
        for desired in state.objects {
            guard case .resourceQuota(let quota) = desired, case .object(var json) = try desired.encoded(),
                  let live = await cache.get(Informer.key(json)),
                  let liveHard = live["spec"]?["hard"]?.objectValue else { continue }
            var lowered = JSONObject()
            var shrinks = false
            for (name, planned) in (quota.spec?.hard ?? [:]).sorted(by: { $0.key < $1.key }) {
                var value = planned
                if let text = liveHard[name]?.stringValue, let current = try? Quantity(parsing: text) {
                    if current > planned { shrinks = true } else { value = current }
                }
                lowered[name] = .string(value.description)
            }
            guard shrinks else { continue }
            json["spec"] = ["hard": .object(lowered)]
            try await client.apply(resource, json, fieldManager: configuration.fieldManager, force: true)
            outcome.wrote += 1
        }
    }

    /// Deletes objects labelled as the tenant's that the plan no longer has.
    func prune(tenant: String, keeping state: DesiredState) async throws {
        var wanted = Set<String>()
        for object in state.objects {
            wanted.insert("\(Self.resource(of: object))|\(object.metadata.namespace ?? "")/\(object.metadata.name ?? "")")
        }
        let plannedNamespaces = Set(state.namespaceNames)
        for (resource, cache) in caches.owned {
            for live in await cache.list(index: TenantCaches.tenantIndex, value: tenant) {
                let namespace = live["metadata"]?["namespace"]?.stringValue ?? ""
                let name = live["metadata"]?["name"]?.stringValue ?? ""
                if wanted.contains("\(resource)|\(namespace)/\(name)") { continue }
                // Objects in a namespace that is itself going are deleted with it.
                if !namespace.isEmpty, !plannedNamespaces.contains(namespace) { continue }
                if live["metadata"]?["deletionTimestamp"] != nil { continue }
                try await client.delete(resource, namespace: namespace.isEmpty ? nil : namespace, name: name)
            }
        }
    }

    /// A Tenant that no longer exists (deleted while the operator was away): remove what it owned.
    func pruneOrphans(of tenant: String) async throws {
        try await prune(tenant: tenant, keeping: .empty)
    }

    // MARK: Deletion

    func finalize(_ tenant: Tenant, object: JSONObject) async throws -> ReconcileResult {
        guard (tenant.metadata.finalizers ?? []).contains(TenantConditions.finalizer) else { return .done }
        let namespaces = await caches.owned[.namespaces]?.list(index: TenantCaches.tenantIndex, value: tenant.name) ?? []
        if !namespaces.isEmpty {
            for namespace in namespaces where namespace["metadata"]?["deletionTimestamp"] == nil {
                try await client.delete(.namespaces, name: namespace["metadata"]?["name"]?.stringValue ?? "")
            }
            return .requeue(after: .milliseconds(200))
        }
        try await prune(tenant: tenant.name, keeping: .empty)
        try await setFinalizers(object, (tenant.metadata.finalizers ?? []).filter { $0 != TenantConditions.finalizer })
        return .done
    }

    func setFinalizers(_ object: JSONObject, _ finalizers: [String]) async throws {
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        let patch: JSONValue = ["metadata": ["finalizers": .array(finalizers.map { .string($0) }),
                                             "resourceVersion": object["metadata"]?["resourceVersion"] ?? .null]]
        try await client.patch(.of(Tenant.self), name: name, patch: patch, type: .merge)
    }

    // MARK: Status

    func writeStatus(_ object: JSONObject, tenant: Tenant, outcome: Outcome) async throws {
        let generation = tenant.metadata.generation
        let ready = outcome.failure == nil && !outcome.stalled && !outcome.waiting
        let readyMessage = ready
            ? (outcome.reason == TenantConditions.Reason.notPlaced ? outcome.message
                : "\(outcome.namespaces.count) namespace(s) provisioned on cluster \(outcome.cluster ?? "")")
            : outcome.message
        let previous = tenant.status?.conditions ?? []
        func condition(_ type: String, _ status: Condition.Status, _ reason: String, _ message: String) -> Condition {
            let old = previous.first { $0.type == type }
            let time = old?.status == status ? old!.lastTransitionTime : Time.now()
            return Condition(type: type, status: status, observedGeneration: generation, lastTransitionTime: time,
                             reason: reason, message: message)
        }
        let conditions = [
            condition(TenantConditions.ready, ready ? .true : .false,
                      ready && outcome.reason != TenantConditions.Reason.notPlaced ? TenantConditions.Reason.provisioned : outcome.reason,
                      readyMessage),
            condition(TenantConditions.reconciling, (!ready && !outcome.stalled) ? .true : .false,
                      (!ready && !outcome.stalled) ? TenantConditions.Reason.progressing : outcome.reason,
                      (!ready && !outcome.stalled) ? outcome.message : "reconciliation finished"),
            condition(TenantConditions.stalled, outcome.stalled ? .true : .false, outcome.reason,
                      outcome.stalled ? outcome.message : "not stalled"),
        ]
        let status = TenantStatus(observedGeneration: generation, conditions: conditions,
                                  namespaces: outcome.namespaces.filter { $0.phase == TenantConditions.Phase.ready }
                                      .map { "\($0.cluster)/\($0.name)" },
                                  namespaceStates: outcome.namespaces)
        if let current = tenant.status, Self.sameStatus(current, status) { return }
        var updated = object
        updated["status"] = try ValueEncoder().encode(status)
        try await client.updateStatus(.of(Tenant.self), updated)
    }

    /// Equal apart from transition times (which only change with the status of a condition).
    static func sameStatus(_ a: TenantStatus, _ b: TenantStatus) -> Bool {
        func normalized(_ status: TenantStatus) -> TenantStatus {
            var status = status
            status.conditions = status.conditions?.map {
                var condition = $0
                condition.lastTransitionTime = Time(Date(timeIntervalSince1970: 0))
                return condition
            }
            return status
        }
        return normalized(a) == normalized(b)
    }
}

/// Provisioning failed this time; the key is retried with backoff (status says why).
struct ProvisioningFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Decoded typed objects by `resourceVersion`, so a reconcile does not decode unchanged objects again.
final class DecodedCache<T: KubeObject>: Sendable {
    private let entries = Mutex<[String: (version: String, value: T)]>([:])

    func decode(_ object: JSONObject) throws -> T {
        let key = Informer.key(object)
        let version = object["metadata"]?["resourceVersion"]?.stringValue ?? ""
        if let hit = entries.withLock({ $0[key] }), hit.version == version, !version.isEmpty { return hit.value }
        let value = try ValueDecoder(rejectsUnknownFields: false).decode(T.self, from: .object(object))
        entries.withLock { $0[key] = (version, value) }
        return value
    }
}
