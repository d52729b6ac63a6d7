import ContainModel
import ContainRBAC
import ContainStore
import Foundation
import Synchronization

/// The compiled RBAC policy, rebuilt from the store only after something it depends on changed:
/// Roles, ClusterRoles, their bindings, Tenants or Namespaces. Writes through this server
/// invalidate it before their response is sent; a store watch (`AuthorizationWatchService`)
/// catches every other change.
public final class AuthorizationPolicyCache: Sendable {
    private struct State {
        var policy: RBACPolicy?
        /// Bumped by every invalidation; a rebuild only installs its result if none happened meanwhile.
        var generation: Int = 0
    }

    let store: any ObjectStore
    private let state = Mutex(State())

    /// The resources the policy is compiled from.
    public static let dependencies: Set<ResourceKey> = [
        ResourceKey(group: "rbac.authorization.k8s.io", resource: "roles"),
        ResourceKey(group: "rbac.authorization.k8s.io", resource: "clusterroles"),
        ResourceKey(group: "rbac.authorization.k8s.io", resource: "rolebindings"),
        ResourceKey(group: "rbac.authorization.k8s.io", resource: "clusterrolebindings"),
        ResourceKey(group: "platform.contain.dev", resource: "tenants"),
    ]

    public init(store: any ObjectStore) { self.store = store }

    /// Marks the policy stale.
    public func invalidate() {
        state.withLock {
            $0.policy = nil
            $0.generation += 1
        }
    }

    /// The current policy, compiling it when stale.
    public func policy() async throws -> RBACPolicy {
        let (cached, generation) = state.withLock { ($0.policy, $0.generation) }
        if let cached { return cached }
        let compiled = RBACPolicy(try await load())
        state.withLock { if $0.generation == generation { $0.policy = compiled } }
        return compiled
    }

    func load() async throws -> RBACObjects {
        func all<T: KubeObject>(_ type: T.Type, _ resource: String, _ group: String) async throws -> [T] {
            let result = try await store.list(ListRequest(resource: ResourceKey(group: group, resource: resource)))
            return result.items.compactMap { $0.decoded(as: T.self) }
        }
        let rbac = "rbac.authorization.k8s.io"
        return RBACObjects(
            roles: try await all(Role.self, "roles", rbac),
            clusterRoles: try await all(ClusterRole.self, "clusterroles", rbac),
            roleBindings: try await all(RoleBinding.self, "rolebindings", rbac),
            clusterRoleBindings: try await all(ClusterRoleBinding.self, "clusterrolebindings", rbac),
            tenants: try await all(Tenant.self, "tenants", "platform.contain.dev"))
    }
}
