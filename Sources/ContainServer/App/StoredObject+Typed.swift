import ContainModel
import ContainStore

extension StoredObject {
    /// The stored JSON decoded as `type`, members it does not know ignored; nil when it does not
    /// decode (caches built from the store skip such objects rather than fail).
    func decoded<T: KubeObject>(as type: T.Type) -> T? {
        guard let value = try? JSONReader.value(String(decoding: data, as: UTF8.self)) else { return nil }
        return try? ValueDecoder(rejectsUnknownFields: false).decode(type, from: value)
    }
}
