import ContainModel
import Foundation

/// A kubeconfig file (`clientcmd/api/v1` `Config`): named clusters, users and contexts, and the
/// current context. Only the fields a client needs to connect are read; others are ignored.
public struct Kubeconfig: Sendable, Hashable {
    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable, Hashable {
        public var server: String
        public var certificateAuthority: String?
        /// PEM bytes of `certificate-authority-data` (already base64-decoded).
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify: Bool
        public var tlsServerName: String?
    }

    /// A `users[].user` entry.
    public struct User: Sendable, Hashable {
        public var token: String? = nil
        public var tokenFile: String? = nil
        public var clientCertificate: String? = nil
        public var clientCertificateData: [UInt8]? = nil
        public var clientKey: String? = nil
        public var clientKeyData: [UInt8]? = nil
        public var username: String? = nil
        public var password: String? = nil
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable, Hashable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public var clusters: [String: Cluster]
    public var users: [String: User]
    public var contexts: [String: Context]
    public var currentContext: String?
    /// The directory relative file references (`certificate-authority: ca.crt`) resolve against.
    public var baseDirectory: String

    /// Reads and parses the kubeconfig at `path`.
    public init(contentsOf path: String) throws(KubeconfigError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw KubeconfigError("\(path): cannot read kubeconfig: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: path, baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Parses kubeconfig text; `file` names it in errors.
    public init(yaml text: String, file: String = "kubeconfig", baseDirectory: String = ".") throws(KubeconfigError) {
        let root: JSONValue
        do { root = try YAMLReader.value(text, file: file) } catch {
            throw KubeconfigError("\(file): \(error)")
        }
        guard case .object = root else { throw KubeconfigError("\(file): a kubeconfig must be a YAML mapping") }
        self.baseDirectory = baseDirectory
        currentContext = root["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        clusters = [:]
        users = [:]
        contexts = [:]
        for (index, entry) in (root["clusters"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue, let body = entry["cluster"] else {
                throw KubeconfigError("\(file): clusters[\(index)]: needs name and cluster")
            }
            guard let server = body["server"]?.stringValue, !server.isEmpty else {
                throw KubeconfigError("\(file): clusters[\(index)] (\(name)): cluster.server is required")
            }
            clusters[name] = Cluster(
                server: server, certificateAuthority: body["certificate-authority"]?.stringValue,
                certificateAuthorityData: try Self.base64(body["certificate-authority-data"], "clusters[\(index)].cluster.certificate-authority-data", file),
                insecureSkipTLSVerify: body["insecure-skip-tls-verify"]?.boolValue ?? false,
                tlsServerName: body["tls-server-name"]?.stringValue)
        }
        for (index, entry) in (root["users"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue else { throw KubeconfigError("\(file): users[\(index)]: needs a name") }
            let body = entry["user"] ?? .object([:])
            users[name] = User(
                token: body["token"]?.stringValue, tokenFile: body["tokenFile"]?.stringValue,
                clientCertificate: body["client-certificate"]?.stringValue,
                clientCertificateData: try Self.base64(body["client-certificate-data"], "users[\(index)].user.client-certificate-data", file),
                clientKey: body["client-key"]?.stringValue,
                clientKeyData: try Self.base64(body["client-key-data"], "users[\(index)].user.client-key-data", file),
                username: body["username"]?.stringValue, password: body["password"]?.stringValue)
        }
        for (index, entry) in (root["contexts"]?.arrayValue ?? []).enumerated() {
            guard let name = entry["name"]?.stringValue, let body = entry["context"],
                  let cluster = body["cluster"]?.stringValue
            else { throw KubeconfigError("\(file): contexts[\(index)]: needs name and context.cluster") }
            contexts[name] = Context(cluster: cluster, user: body["user"]?.stringValue ?? "",
                                     namespace: body["namespace"]?.stringValue)
        }
    }

    private static func base64(_ value: JSONValue?, _ field: String, _ file: String) throws(KubeconfigError) -> [UInt8]? {
        guard let text = value?.stringValue else { return nil }
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else {
            throw KubeconfigError("\(file): \(field): not valid base64")
        }
        return [UInt8](data)
    }

    /// The connection settings of `context` (the current context when `nil`).
    public func configuration(context name: String? = nil) throws(KubeconfigError) -> KubeClientConfiguration {
        guard let contextName = name ?? currentContext ?? (contexts.count == 1 ? contexts.keys.first : nil) else {
            throw KubeconfigError("kubeconfig has no current-context; pass a context name")
        }
        guard let context = contexts[contextName] else { throw KubeconfigError("context \"\(contextName)\" not found in kubeconfig") }
        guard let cluster = clusters[context.cluster] else {
            throw KubeconfigError("context \"\(contextName)\" names cluster \"\(context.cluster)\", which is not in the kubeconfig")
        }
        let user = users[context.user] ?? User()
        var token = user.token
        if token == nil, let tokenFile = user.tokenFile {
            do { token = try String(contentsOfFile: resolve(tokenFile), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) } catch {
                throw KubeconfigError("cannot read tokenFile \(tokenFile): \(error.localizedDescription)")
            }
        }
        guard let url = URL(string: cluster.server), let scheme = url.scheme, ["http", "https"].contains(scheme) else {
            throw KubeconfigError("cluster \"\(context.cluster)\": server \"\(cluster.server)\" is not an http(s) URL")
        }
        let caFile = try readFile(cluster.certificateAuthority)
        let certificateFile = try readFile(user.clientCertificate)
        let keyFile = try readFile(user.clientKey)
        return KubeClientConfiguration(
            server: cluster.server.hasSuffix("/") ? String(cluster.server.dropLast()) : cluster.server,
            token: token,
            basicAuth: user.username.map { ($0, user.password ?? "") }.map { BasicAuth(username: $0.0, password: $0.1) },
            certificateAuthorityPEM: cluster.certificateAuthorityData ?? caFile,
            clientCertificatePEM: user.clientCertificateData ?? certificateFile,
            clientKeyPEM: user.clientKeyData ?? keyFile,
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
            tlsServerName: cluster.tlsServerName,
            namespace: context.namespace ?? "default")
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    private func readFile(_ path: String?) throws(KubeconfigError) -> [UInt8]? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: resolve(path)) else {
            throw KubeconfigError("cannot read \(resolve(path)) named in the kubeconfig")
        }
        return [UInt8](data)
    }
}

/// A kubeconfig that cannot be read or used; the message names the file and field.
public struct KubeconfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
