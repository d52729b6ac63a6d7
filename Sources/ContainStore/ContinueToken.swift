import Foundation

/// The opaque token that resumes a paginated list: the snapshot revision of the first page and
/// the last key returned. Encoded as base64 of `{"rv":R,"start":"<namespace>/<name>"}`.
struct ContinueToken: Sendable, Hashable {
    /// The revision every page of the list is read at.
    var revision: Int64
    /// The namespace of the last object returned.
    var namespace: String
    /// The name of the last object returned; the next page starts after it.
    var name: String

    /// The token's text.
    var encoded: String {
        // Namespaces are DNS labels and never contain "/", so the first "/" separates the parts.
        let body: [String: Any] = ["rv": revision, "start": "\(namespace)/\(name)"]
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            return ""
        }
        return data.base64EncodedString()
    }

    init(revision: Int64, namespace: String, name: String) {
        self.revision = revision
        self.namespace = namespace
        self.name = name
    }

    /// Decodes a token this store issued; throws `StoreError.invalidContinueToken` otherwise.
    init(decoding text: String) throws(StoreError) {
        guard let data = Data(base64Encoded: text),
              let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let revision = (body["rv"] as? NSNumber)?.int64Value, revision > 0,
              let start = body["start"] as? String,
              let slash = start.firstIndex(of: "/")
        else { throw StoreError.invalidContinueToken(text) }
        self.revision = revision
        self.namespace = String(start[..<slash])
        self.name = String(start[start.index(after: slash)...])
    }
}
