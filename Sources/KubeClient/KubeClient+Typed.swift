import ContainModel

/// Typed verbs: the unstructured ones with ``ValueEncoder`` / ``ValueDecoder`` around them.
/// Decoding tolerates fields the Swift type lacks (servers add fields over time).
extension KubeClient {
    static func decode<T: KubeObject>(_ type: T.Type, _ object: JSONObject) throws -> T {
        try ValueDecoder(rejectsUnknownFields: false).decode(T.self, from: .object(object))
    }

    static func encode<T: KubeObject>(_ object: T) throws -> JSONObject {
        guard case .object(let value) = try ValueEncoder().encode(object) else {
            throw KubeAPIError(code: 0, reason: "EncodingFailed", message: "\(object.reference) did not encode to an object")
        }
        return value
    }

    /// The typed object, or throws 404.
    public func get<T: KubeObject>(_ type: T.Type, namespace: String? = nil, name: String) async throws -> T {
        try Self.decode(T.self, try await get(.of(T.self), namespace: namespace, name: name))
    }

    /// Every object of the kind, decoded, and the list's resourceVersion.
    public func list<T: KubeObject>(_ type: T.Type, namespace: String? = nil, labelSelector: String? = nil) async throws -> (items: [T], resourceVersion: String) {
        let result = try await list(.of(T.self), namespace: namespace, labelSelector: labelSelector)
        return (try result.items.map { try Self.decode(T.self, $0) }, result.resourceVersion)
    }

    /// Creates a typed object.
    @discardableResult
    public func create<T: KubeObject>(_ object: T) async throws -> T {
        try Self.decode(T.self, try await create(.of(T.self), try Self.encode(object)))
    }

    /// Replaces a typed object (optimistic concurrency through its resourceVersion).
    @discardableResult
    public func update<T: KubeObject>(_ object: T) async throws -> T {
        try Self.decode(T.self, try await update(.of(T.self), try Self.encode(object)))
    }

    /// Server-side apply of a typed object as `fieldManager`.
    @discardableResult
    public func apply<T: KubeObject>(_ object: T, fieldManager: String, force: Bool = true) async throws -> T {
        try Self.decode(T.self, try await apply(.of(T.self), try Self.encode(object), fieldManager: fieldManager, force: force))
    }

    /// Deletes a typed object by name; `false` when it did not exist.
    @discardableResult
    public func delete<T: KubeObject>(_ type: T.Type, namespace: String? = nil, name: String) async throws -> Bool {
        try await delete(.of(T.self), namespace: namespace, name: name)
    }
}
