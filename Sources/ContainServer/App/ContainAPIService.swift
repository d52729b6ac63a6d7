import ContainModel
import ContainStore
import ContainTLS
import HummingbirdTLS
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Runs the API: opens the store, makes sure `default` exists, binds, writes the kubeconfig,
/// and serves until the process is stopped.
public enum ContainAPIService {
    /// The store a configuration asks for.
    public static func makeStore(_ configuration: ServerConfiguration) async throws -> any ObjectStore {
        switch configuration.store {
        case .sqlite:
            return try SQLiteObjectStore(path: (configuration.dataDirectory as NSString).appendingPathComponent("contain.db"))
        case .postgres:
            guard let url = configuration.postgresURL else { throw ServerConfiguration.Problem("--store postgres needs --postgres-url") }
            return try await PostgresObjectStore(url: url, options: .init(schema: configuration.postgresSchema))
        }
    }

    /// Creates the namespaces every cluster has.
    public static func bootstrap(_ store: any ObjectStore) async throws {
        for name in ["default", "kube-system", "kube-public"] {
            let key = ObjectKey(resource: ResourceKey(group: "", resource: "namespaces"), name: name)
            if try await store.get(key) != nil { continue }
            let object: JSONObject = [
                "apiVersion": "v1", "kind": "Namespace",
                "metadata": ["name": .string(name), "uid": .string(UUID().uuidString.lowercased()),
                             "creationTimestamp": .string(Time.now().rfc3339), "labels": ["kubernetes.io/metadata.name": .string(name)]],
                "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"],
            ]
            _ = try await store.create(key, object: object)
        }
    }

    /// The Hummingbird application serving `store` over plain HTTP, without authentication
    /// (`--insecure-http`, loopback only).
    public static func application(store: any ObjectStore, configuration: ServerConfiguration, admission: APIAdmission? = nil,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "contain.serve")
        logger.logLevel = .warning
        let server = APIServer(store: store, serverAddress: "\(configuration.host):\(configuration.port)", admission: admission)
        return Application(
            responder: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "contain"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// What the secured server needs besides the store: TLS material, the admin token, the guard.
    public struct SecuredParts: Sendable {
        public var tls: ServerTLSMaterial
        public var adminToken: String
        public var security: APISecurity
    }

    /// Loads or creates the TLS material and admin token in the data directory and builds the
    /// authentication, authorisation, limits and audit the configuration asks for.
    public static func securedParts(store: any ObjectStore, configuration: ServerConfiguration) async throws -> SecuredParts {
        let pki = (configuration.dataDirectory as NSString).appendingPathComponent("pki")
        let tls: ServerTLSMaterial
        if let certificate = configuration.tlsCertificateFile, let key = configuration.tlsKeyFile {
            tls = try ServerTLSMaterial.load(directory: pki, certificateFile: certificate, keyFile: key)
        } else {
            var names = try configuration.tlsSANs.map(SubjectAlternativeName.init(parsing:))
            if !["127.0.0.1", "::1", "localhost", "0.0.0.0", "::"].contains(configuration.host) {
                names.append(try SubjectAlternativeName(parsing: configuration.host))
            }
            tls = try ServerTLSMaterial.loadOrCreate(directory: pki, extraNames: names)
        }
        let admin = try AdminCredentials.loadOrCreate(directory: configuration.dataDirectory)
        var users = admin.file.users
        if let path = configuration.tokenFile {
            for (token, user) in try StaticTokenFile(contentsOf: path).users { users[token] = user }
        }
        let oidc = try configuration.oidc.map(OIDCAuthenticator.init)
        let authenticator = RequestAuthenticator(tokens: StaticTokenFile(users: users), oidc: oidc, clientCA: tls.authority)
        let security = APISecurity(
            authenticator: authenticator, policies: AuthorizationPolicyCache(store: store),
            rateLimiter: configuration.rateLimit > 0 ? UserRateLimiter(ratePerSecond: configuration.rateLimit, burst: configuration.rateBurst) : nil,
            watchLimiter: configuration.maximumWatchesPerUser > 0 ? WatchLimiter(limit: configuration.maximumWatchesPerUser) : nil,
            audit: try configuration.auditLog.map { try AuditLog(path: $0, maximumBytes: configuration.auditLogMaximumBytes) })
        return SecuredParts(tls: tls, adminToken: admin.token, security: security)
    }

    /// The Hummingbird application serving `store` over TLS behind authentication and RBAC.
    public static func securedApplication(store: any ObjectStore, configuration: ServerConfiguration, parts: SecuredParts,
                                          admission: APIAdmission? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        var logger = Logger(label: "contain.serve")
        logger.logLevel = .warning
        let server = APIServer(store: store, serverAddress: "\(configuration.host):\(configuration.port)", admission: admission)
        return Application(
            responder: SecureAPIResponder(server: server, security: parts.security),
            server: try .tls(.http1(), tlsConfiguration: try parts.tls.serverConfiguration()),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "contain"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until cancelled: the library entry point of `contain serve`.
    public static func run(_ configuration: ServerConfiguration) async throws {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        _ = try ServerConfiguration.parseListen("\(host):\(configuration.port)", insecure: configuration.insecureHTTP)
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try await makeStore(configuration)
        try await bootstrap(store)
        let path = configuration.kubeconfigPath
        let services: [any ServiceLifecycle.Service]
        if configuration.insecureHTTP {
            services = [application(store: store, configuration: configuration) { port in
                writeKubeconfig(configuration.kubeconfig(port: port), to: path, announce: "http://\(host):\(port)")
            }]
        } else {
            let parts = try await securedParts(store: store, configuration: configuration)
            let kubeconfigCA = parts.tls.clientTrustPEM
            let token = parts.adminToken
            let admission = APIAdmission(store: store)
            let app = try securedApplication(store: store, configuration: configuration, parts: parts, admission: admission) { port in
                writeKubeconfig(configuration.kubeconfig(port: port, certificateAuthorityPEM: kubeconfigCA, token: token),
                                to: path, announce: "https://\(host):\(port)")
            }
            services = [app, AuthorizationWatchService(store: store, cache: parts.security.policies, admission: admission)]
        }
        // SIGTERM/SIGINT shut down gracefully, but open watches never end on their own: after a
        // short grace period the group cancels them (watch streams end on cancellation).
        let collector = GarbageCollector(store: store, registry: .standard)
        var group = ServiceGroupConfiguration(services: services + [collector], gracefulShutdownSignals: [.sigterm, .sigint],
                                              logger: Logger(label: "contain.serve"))
        group.maximumGracefulShutdownDuration = .seconds(2)
        group.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }

    /// Writes the kubeconfig (0600: it may hold the admin token) and, given `announce`, says where the API is.
    public static func writeKubeconfig(_ text: String, to path: String, announce url: String? = nil) {
        do {
            try SecretFile.write(text, to: path)
            if let url { FileHandle.standardOutput.write(Data("contain API serving at \(url) (kubeconfig: \(path))\n".utf8)) }
        } catch {
            FileHandle.standardError.write(Data("contain: could not write \(path): \(error)\n".utf8))
        }
    }
}
