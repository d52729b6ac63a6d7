import ContainControllers
import ContainModel
import ContainServer
import ContainStore
import Foundation
import KubeClient

/// Creates a tenant namespace and its default objects in one store transaction, so that no
/// client of the embedded API ever observes the namespace without its deny-all policy: a
/// watcher sees the Namespace and its NetworkPolicies at consecutive revisions, published
/// together, and a reader sees all of them or none. The namespace takes the transaction's last
/// revision, so even a read at an exact earlier revision never shows it without its policies.
///
/// Each object is prepared, validated and given its managedFields exactly as a server-side apply
/// create through the API would be (`ObjectPreparation`, `WriteValidation`, `FieldManager`), so
/// it is indistinguishable from one applied over HTTP by the same field manager.
public struct StoreNamespaceBootstrapper: NamespaceBootstrapper {
    let store: any ObjectStore
    let registry: ResourceRegistry

    public init(store: any ObjectStore, registry: ResourceRegistry = .standard) {
        self.store = store
        self.registry = registry
    }

    /// A write the bootstrapper cannot prepare (a kind the API does not serve, an invalid object).
    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    public func createNamespace(_ namespace: JSONObject, with objects: [(resource: KubeResource, object: JSONObject)],
                                fieldManager: String) async throws -> Bool {
        // The namespace is written last: every revision at which it exists already has its
        // policies, and watchers see the policies before the namespace.
        var writes: [StoreWrite] = []
        for (resource, object) in objects { writes.append(try prepare(object, resource: resource, manager: fieldManager)) }
        let namespaceWrite = try prepare(namespace, resource: .namespaces, manager: fieldManager)
        writes.append(namespaceWrite)
        switch try await store.transact(writes) {
        case .committed: return true
        case .aborted(_, .alreadyExists(let existing)) where existing.key == namespaceWrite.key: return false
        case .aborted(let index, let reason):
            throw Refused(description: "creating namespace \(namespaceWrite.key.name) with its defaults failed at \(writes[index].key): \(reason)")
        }
    }

    /// The object as server-side apply by `manager` would create it.
    func prepare(_ object: JSONObject, resource kubeResource: KubeResource, manager: String) throws -> StoreWrite {
        guard let resource = registry.resource(group: kubeResource.group, version: kubeResource.version, plural: kubeResource.plural) else {
            throw Refused(description: "the embedded API does not serve \(kubeResource)")
        }
        let namespace = object["metadata"]?["namespace"]?.stringValue
        do {
            var prepared = try ObjectPreparation.prepareCreate(object, resource: resource, namespace: namespace, now: .now())
            if resource.type.kind == "Namespace", resource.type.group.isEmpty {
                // As the API server does for every namespace: an immutable label with its name.
                let name = prepared["metadata"]?["name"] ?? .null
                var labels = prepared["metadata"]?["labels"]?.objectValue ?? JSONObject()
                labels["kubernetes.io/metadata.name"] = name
                prepared["metadata"]?["labels"] = .object(labels)
            }
            var (checked, _) = try WriteValidation(resource: resource, fieldValidation: .strict).check(prepared)
            checked = try resource.fieldManager.apply(live: nil, applied: checked, manager: manager, force: false, target: .main, now: .now())
            let name = checked["metadata"]?["name"]?.stringValue ?? ""
            let key = ObjectKey(resource: resource.key, namespace: resource.type.namespaced ? (namespace ?? "") : "", name: name)
            return .create(key, checked)
        } catch {
            throw Refused(description: "\(kubeResource) \(object["metadata"]?["name"]?.stringValue ?? ""): \(error)")
        }
    }
}
