import ContainControllers
import ContainModel
import ContainStore
import KubeClient

/// Creates a tenant namespace and its default objects in one store transaction, so that no
/// client of the embedded API ever observes the namespace without its deny-all policy.
public struct StoreNamespaceBootstrapper: NamespaceBootstrapper {
    let store: any ObjectStore

    public init(store: any ObjectStore) {
        self.store = store
    }

    public func createNamespace(_ namespace: JSONObject, with objects: [(resource: KubeResource, object: JSONObject)],
                                fieldManager: String) async throws -> Bool {
        false  // until the store has multi-object transactions; the reconciler then applies one by one
    }
}
