import ContainStore
import ServiceLifecycle

/// Watches the store and invalidates the policy cache when a Role, binding or Tenant changes
/// by any path (another API replica, garbage collection), so decisions never lag behind.
public struct AuthorizationWatchService: Service {
    let store: any ObjectStore
    let cache: AuthorizationPolicyCache

    public init(store: any ObjectStore, cache: AuthorizationPolicyCache) {
        self.store = store
        self.cache = cache
    }

    public func run() async throws {
        while !Task.isCancelled {
            do {
                let start = try await store.currentRevision()
                cache.invalidate()
                for try await event in try await store.watch(nil, namespace: nil, after: start).cancelOnGracefulShutdown() {
                    if AuthorizationPolicyCache.dependencies.contains(event.object.key.resource) { cache.invalidate() }
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
