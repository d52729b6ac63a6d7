import ContainStore
import ServiceLifecycle

/// Watches the store and invalidates the policy cache when a Role, binding or Tenant changes
/// by any path (another API replica, garbage collection), so decisions never lag behind; and
/// the admission engine's tenants likewise when `admission` is given.
public struct AuthorizationWatchService: Service {
    let store: any ObjectStore
    let cache: AuthorizationPolicyCache
    let admission: APIAdmission?

    public init(store: any ObjectStore, cache: AuthorizationPolicyCache, admission: APIAdmission? = nil) {
        self.store = store
        self.cache = cache
        self.admission = admission
    }

    public func run() async throws {
        while !Task.isCancelled {
            do {
                let start = try await store.currentRevision()
                cache.invalidate()
                admission?.invalidate()
                for try await event in try await store.watch(nil, namespace: nil, after: start).cancelOnGracefulShutdown() {
                    if AuthorizationPolicyCache.dependencies.contains(event.object.key.resource) { cache.invalidate() }
                    if APIAdmission.dependencies.contains(event.object.key.resource) { admission?.invalidate() }
                }
            } catch is CancellationError {
                return
            } catch {
                // Expired or a backend hiccup: start again from the current revision.
                try? await Task.sleep(for: .milliseconds(200))
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
        }
    }
}
