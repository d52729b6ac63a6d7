import ContainModel
import KubeClient

/// Creates a tenant namespace together with its default objects as one atomic write, so that no
/// client ever sees the namespace without its deny-all NetworkPolicy. The embedded API provides
/// one (a single store transaction); against a real cluster there is none and the reconciler
/// applies the namespace first and its policies right after.
public protocol NamespaceBootstrapper: Sendable {
    /// Creates `namespace` and `objects` (all in that namespace) at once. Returns `false`, writing
    /// nothing, when the namespace already exists.
    func createNamespace(_ namespace: JSONObject, with objects: [(resource: KubeResource, object: JSONObject)],
                         fieldManager: String) async throws -> Bool
}
