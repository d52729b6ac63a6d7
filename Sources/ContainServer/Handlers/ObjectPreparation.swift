import ContainModel
import Foundation

/// The server-owned metadata rules of writes, as pure functions: what a create sets, what an
/// update keeps, when generation moves, and how finalizers and `deletionTimestamp` behave.
public enum ObjectPreparation {
    /// Characters of `generateName` suffixes, as upstream uses (no vowels, no look-alikes).
    static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// A random five-character suffix for `generateName`.
    public static func randomSuffix() -> String {
        String((0..<5).map { _ in suffixAlphabet.randomElement() ?? "x" })
    }

    /// Fills `apiVersion`/`kind` when absent and refuses a body of another kind.
    public static func checkType(_ object: inout JSONObject, resource: APIResource) throws(APIError) {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let kind = object["kind"]?.stringValue ?? ""
        if apiVersion.isEmpty { object["apiVersion"] = .string(resource.type.apiVersion) }
        if kind.isEmpty { object["kind"] = .string(resource.type.kind) }
        if (!apiVersion.isEmpty && apiVersion != resource.type.apiVersion) || (!kind.isEmpty && kind != resource.type.kind) {
            throw .badRequest("the API version in the data (\(apiVersion)) does not match the expected API version (\(resource.type.apiVersion)) or the kind (\(kind)) is not \(resource.type.kind)")
        }
    }

    /// Prepares a new object: namespace from the URL, a name from `generateName`, uid,
    /// creationTimestamp, generation 1, no server-owned fields from the client, and no
    /// `status` when the resource has a status subresource.
    public static func prepareCreate(_ body: JSONObject, resource: APIResource, namespace: String?, now: Time,
                                     uid: String = UUID().uuidString.lowercased(),
                                     suffix: () -> String = randomSuffix) throws(APIError) -> JSONObject {
        var object = body
        try checkType(&object, resource: resource)
        guard var metadata = object["metadata"]?.objectValue ?? (object["metadata"] == nil ? JSONObject() : nil) else {
            throw .badRequest("metadata must be an object")
        }
        if resource.type.namespaced {
            let bodyNamespace = metadata["namespace"]?.stringValue ?? ""
            guard let namespace, !namespace.isEmpty else { throw .badRequest("a namespace is required to create \(resource.qualifiedName)") }
            if !bodyNamespace.isEmpty && bodyNamespace != namespace {
                throw .badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            metadata["namespace"] = .string(namespace)
        } else {
            metadata["namespace"] = nil
        }
        let name = metadata["name"]?.stringValue ?? ""
        if name.isEmpty, let generateName = metadata["generateName"]?.stringValue, !generateName.isEmpty {
            metadata["name"] = .string(generateName + suffix())
        }
        metadata["uid"] = .string(uid)
        metadata["creationTimestamp"] = .string(now.rfc3339)
        metadata["generation"] = .integer(1)
        metadata["resourceVersion"] = nil
        metadata["deletionTimestamp"] = nil
        metadata["deletionGracePeriodSeconds"] = nil
        object["metadata"] = .object(metadata)
        if resource.hasStatusSubresource { object["status"] = nil }
        return object
    }

    /// Which endpoint an update came through.
    public enum UpdateTarget: Sendable {
        /// The object itself: `.status` is kept from the stored object when there is a status subresource.
        case main
        /// `/status`: only `.status` is taken from the body.
        case status
    }

    /// The result of preparing an update.
    public struct PreparedUpdate: Sendable {
        /// The object to store.
        public var object: JSONObject
        /// True when the object is being deleted and its last finalizer went: delete it instead.
        public var deleteNow: Bool
    }

    /// Prepares a replacement of `old` by `new`: server-owned metadata is kept, generation bumps
    /// only when something outside metadata and status changed, the deletion timestamp never
    /// moves, and no finalizer may be added once deletion started.
    public static func prepareUpdate(old: JSONObject, new body: JSONObject, resource: APIResource,
                                     target: UpdateTarget) throws(APIError) -> PreparedUpdate {
        var new = body
        try checkType(&new, resource: resource)
        let oldMeta = old["metadata"]?.objectValue ?? JSONObject()
        let name = oldMeta["name"]?.stringValue ?? ""
        if target == .status {
            var merged = old
            merged["status"] = new["status"]
            var meta = oldMeta
            meta["resourceVersion"] = new["metadata"]?["resourceVersion"]
            merged["metadata"] = .object(meta)
            new = merged
        }
        guard var meta = new["metadata"]?.objectValue else { throw .badRequest("metadata must be an object") }
        if let newName = meta["name"]?.stringValue, !newName.isEmpty, newName != name {
            throw .badRequest("the name of the object (\(newName)) does not match the name on the URL (\(name))")
        }
        meta["name"] = .string(name)
        meta["namespace"] = oldMeta["namespace"]
        for key in ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName"] {
            meta[key] = oldMeta[key]
        }
        if target == .main && resource.hasStatusSubresource { new["status"] = old["status"] }
        let deleting = oldMeta["deletionTimestamp"] != nil
        let oldFinalizers = strings(oldMeta["finalizers"])
        let newFinalizers = strings(meta["finalizers"])
        if deleting {
            let added = newFinalizers.filter { !oldFinalizers.contains($0) }
            if !added.isEmpty {
                throw APIError.invalid(resource, name: name, issues: [
                    .forbidden(FieldPath("metadata", "finalizers"), "no new finalizers can be added if the object is being deleted, found new finalizers \(added)"),
                ])
            }
        }
        let oldGeneration = oldMeta["generation"]?.integerValue ?? 1
        meta["generation"] = .integer(specChanged(old, new) ? oldGeneration + 1 : oldGeneration)
        if meta["finalizers"]?.arrayValue?.isEmpty == true { meta["finalizers"] = nil }
        new["metadata"] = .object(meta)
        return PreparedUpdate(object: new, deleteNow: deleting && newFinalizers.isEmpty)
    }

    /// Whether anything outside `metadata` and `status` differs.
    public static func specChanged(_ a: JSONObject, _ b: JSONObject) -> Bool {
        var a = a, b = b
        for key in ["metadata", "status", "apiVersion", "kind"] {
            a[key] = nil
            b[key] = nil
        }
        return a != b
    }

    /// Marks an object as being deleted (finalizers pending): `deletionTimestamp` (kept if already
    /// set) and `deletionGracePeriodSeconds: 0`.
    public static func markDeleting(_ object: JSONObject, now: Time) -> JSONObject {
        var object = object
        var meta = object["metadata"]?.objectValue ?? JSONObject()
        if meta["deletionTimestamp"] == nil { meta["deletionTimestamp"] = .string(now.rfc3339) }
        meta["deletionGracePeriodSeconds"] = .integer(0)
        object["metadata"] = .object(meta)
        return object
    }

    /// The finalizers of a metadata value.
    public static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
