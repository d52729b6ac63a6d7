import ContainModel
import ContainPolicy
import ContainRBAC
import ContainStore
import Foundation
import Synchronization

/// Admission inside the API server: every create and update of a kind a guardrail reads goes
/// through the same `AdmissionEngine` that `contain admission` serves as a webhook — the
/// mutating stage first (its JSON Patch is applied), then the validating stage on the result —
/// before anything is stored. A refusal is a 403 naming every enforced violation; warn-mode
/// violations become `Warning` headers. Kinds no guardrail reads are not decoded at all.
public final class APIAdmission: Sendable {
    private struct State {
        var engine: AdmissionEngine?
        /// Bumped by every invalidation; a rebuild only installs its result if none happened meanwhile.
        var generation = 0
    }

    let store: any ObjectStore
    /// The Pod Security policy where neither a tenant nor namespace labels say otherwise.
    public let defaultPodSecurity: PodSecurityPolicy
    private let state = Mutex(State())

    /// The resources the engine is compiled from.
    public static let dependencies: Set<ResourceKey> = [ResourceKey(group: PlatformGroup.name, resource: "tenants")]

    public init(store: any ObjectStore, defaultPodSecurity: PodSecurityPolicy = PodSecurityPolicy(level: .baseline)) {
        self.store = store
        self.defaultPodSecurity = defaultPodSecurity
    }

    /// Marks the compiled tenants stale (a Tenant changed).
    public func invalidate() {
        state.withLock {
            $0.engine = nil
            $0.generation += 1
        }
    }

    /// The engine over the current tenants, compiled when stale.
    public func engine() async throws -> AdmissionEngine {
        let (cached, generation) = state.withLock { ($0.engine, $0.generation) }
        if let cached { return cached }
        let list = try await store.list(ListRequest(resource: ResourceKey(group: PlatformGroup.name, resource: "tenants")))
        let tenants = list.items.compactMap { $0.decoded(as: Tenant.self) }
        let engine = AdmissionEngine(directory: TenantDirectory(tenants: tenants), defaultPodSecurity: defaultPodSecurity)
        state.withLock { if $0.generation == generation { $0.engine = engine } }
        return engine
    }

    /// What admission made of a write: the object to store and warnings for the client.
    struct Admitted {
        var object: JSONObject
        var warnings: [String]
    }

    /// Admits `object` (a create when `old` is nil, else an update of `old`) of `resource`;
    /// throws a 403 `APIError` when an enforced rule refuses it. `namespaceObject` is the stored
    /// namespace when the caller has already read it (creates check it exists); else it is read.
    func admit(_ object: JSONObject, old: JSONObject?, resource: APIResource, subresource: String?,
               dryRun: Bool, namespaceObject: StoredObject? = nil) async throws -> Admitted {
        let type = resource.type
        let kind = GroupVersionKind(group: type.group, version: type.version, kind: type.kind)
        guard AdmissionObject.isGuarded(kind) else { return Admitted(object: object, warnings: []) }
        let metadata = object["metadata"]
        let name = metadata?["name"]?.stringValue
        let namespace = type.namespaced ? metadata?["namespace"]?.stringValue : nil
        let user = RequestIdentity.user.map { AdmissionUser(username: $0.name, groups: $0.groups) } ?? AdmissionUser()
        var engine = try await engine()
        var request = AdmissionRequest(
            uid: UUID().uuidString.lowercased(), kind: kind, subResource: subresource, name: name, namespace: namespace,
            operation: old == nil ? .create : .update, user: user,
            object: try Self.admissionObject(object, kind: kind), oldObject: try old.map { try Self.admissionObject($0, kind: kind) },
            dryRun: dryRun)
        try await addLiveState(to: &engine, for: request)
        var labels: [String: String]?
        if let namespace, !namespace.isEmpty {
            var stored = namespaceObject
            if stored == nil {
                stored = try await store.get(ObjectKey(resource: ResourceKey(group: "", resource: "namespaces"), name: namespace))
            }
            labels = stored.map { $0.decoded(as: Namespace.self)?.metadata.labels ?? [:] }
        }

        var admitted = object
        var warnings: [String] = []
        let mutation = engine.review(request, context: AdmissionContext(stage: .mutating, namespaceLabels: labels))
        try Self.refuseIfDenied(mutation, resource: resource, name: name)
        if !mutation.patch.isEmpty {
            do {
                guard case .object(let patched) = try JSONPatch.apply(PatchOperation.document(mutation.patch), to: .object(object)) else {
                    throw APIError.internalError("admission produced a patch that does not leave an object")
                }
                admitted = patched
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError.internalError("admission produced a patch that does not apply: \(error)")
            }
            request.object = try Self.admissionObject(admitted, kind: kind)
        }
        let validation = engine.review(request, context: AdmissionContext(stage: .validating, namespaceLabels: labels))
        try Self.refuseIfDenied(validation, resource: resource, name: name)
        for warning in mutation.warnings + validation.warnings where !warnings.contains(warning) { warnings.append(warning) }
        return Admitted(object: admitted, warnings: warnings)
    }

    /// Live counts the engine cannot know from Tenants alone: the namespaces a tenant already has
    /// (for a namespace beyond its declared ones) and the hosts other tenants' Ingresses serve.
    private func addLiveState(to engine: inout AdmissionEngine, for request: AdmissionRequest) async throws {
        if let tenant = engine.tenantNeedingNamespaceCount(request) {
            let namespaces = try await store.list(ListRequest(resource: ResourceKey(group: "", resource: "namespaces")))
            let count = namespaces.items.filter { stored in
                stored.decoded(as: Namespace.self)?.metadata.labels?[AdmissionLabels.tenant] == tenant
            }.count
            engine.directory.setNamespaceCount(count, of: tenant)
        }
        if case .ingress? = request.object {
            let ingresses = try await store.list(ListRequest(resource: ResourceKey(group: "networking.k8s.io", resource: "ingresses")))
            var hosts: [String: String] = [:]
            for stored in ingresses.items {
                if stored.key.namespace == (request.namespace ?? "") && stored.key.name == (request.name ?? "") { continue }
                guard let owner = engine.directory.tenantName(forNamespace: stored.key.namespace),
                      let ingress = stored.decoded(as: Ingress.self) else { continue }
                for host in (ingress.spec?.rules ?? []).compactMap(\.host) where hosts[host] == nil { hosts[host] = owner }
            }
            engine.directory.addHostsInUse(hosts)
        }
    }

    static func admissionObject(_ object: JSONObject, kind: GroupVersionKind) throws -> AdmissionObject {
        do {
            return try AdmissionObject.decode(.object(object), kind: kind)
        } catch {
            throw APIError.badRequest("admission could not read the object: \(error.message)")
        }
    }

    static func refuseIfDenied(_ decision: AdmissionDecision, resource: APIResource, name: String?) throws {
        guard !decision.allowed else { return }
        let subject = name.map { "\(resource.qualifiedName) \"\($0)\"" } ?? resource.qualifiedName
        throw APIError(.failure(code: decision.code == 400 ? 400 : 403, reason: decision.code == 400 ? "BadRequest" : "Forbidden",
                                message: "\(subject) is forbidden: \(decision.message)",
                                details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.plural)))
    }
}

/// The user a request acts as, for the code below authorisation that needs it (admission).
/// Set by the secured responder around the API call; nil when the server runs without
/// authentication (`--insecure-http`, or tests).
public enum RequestIdentity {
    @TaskLocal public static var user: UserInfo?
}
