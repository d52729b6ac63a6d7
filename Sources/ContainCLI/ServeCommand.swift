import ContainCommandSupport
import ArgumentParser
import ContainServer
import Foundation

/// `contain serve`: the Kubernetes-style API on loopback, with a kubeconfig for kubectl.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the management API (Kubernetes-style, for kubectl) over TLS with authentication and RBAC.",
        discussion: """
            Writes DIR/kubeconfig (CA data and an admin token); then: kubectl --kubeconfig DIR/kubeconfig get tenants
            On first start a CA and serving certificate are generated under DIR/pki and an admin token
            (group system:masters) in DIR/admin-token.csv, all mode 0600, and reused on restart.
            Plain HTTP without authentication only with --insecure-http, on loopback.
            """
    )

    @Option(name: .customLong("data-dir"), help: "Directory for the store and the kubeconfig.")
    var dataDirectory: String = ".contain"

    @Option(help: "HOST:PORT to listen on (port 0 picks a free port; loopback only with --insecure-http).")
    var listen: String = "127.0.0.1:6443"

    @Option(help: "Object store: sqlite (embedded, the default) or postgres.")
    var store: String = "sqlite"

    @Option(name: .customLong("postgres-url"), help: "PostgreSQL URL for --store postgres.")
    var postgresURL: String?

    @Option(name: .customLong("postgres-schema"), help: "PostgreSQL schema for Contain's tables (created if missing).")
    var postgresSchema: String?

    @Flag(name: .customLong("insecure-http"), help: "Serve plain HTTP without TLS or authentication (loopback only).")
    var insecureHTTP = false

    @Option(name: .customLong("tls-cert"), help: "Serving certificate chain (PEM) instead of the generated one.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "Private key (PEM) of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("tls-san"), help: "Extra DNS name or IP for the generated serving certificate (repeatable).")
    var tlsSAN: [String] = []

    @Option(name: .customLong("token-file"), help: "Bearer tokens, kube-apiserver CSV format: token,user,uid,\"group1,group2\".")
    var tokenFile: String?

    @Option(name: .customLong("oidc-issuer-url"), help: "OIDC issuer URL (the iss claim); enables ID-token authentication.")
    var oidcIssuerURL: String?

    @Option(name: .customLong("oidc-client-id"), help: "OIDC client ID the tokens must be issued for (aud).")
    var oidcClientID: String?

    @Option(name: .customLong("oidc-username-claim"), help: "Claim holding the user name.")
    var oidcUsernameClaim = "sub"

    @Option(name: .customLong("oidc-groups-claim"), help: "Claim holding the groups.")
    var oidcGroupsClaim: String?

    @Option(name: .customLong("oidc-username-prefix"), help: "Prefix for user names ('-' for none; default: issuer# unless the claim is email).")
    var oidcUsernamePrefix: String?

    @Option(name: .customLong("oidc-groups-prefix"), help: "Prefix for group names.")
    var oidcGroupsPrefix = ""

    @Option(name: .customLong("oidc-jwks-file"), help: "JWKS file with the issuer's keys (else fetched by discovery and refreshed).")
    var oidcJWKSFile: String?

    @Option(name: .customLong("audit-log"), help: "Write one JSON line per request to this file.")
    var auditLog: String?

    @Option(name: .customLong("audit-log-max-size"), help: "Rotate the audit log past this many MiB.")
    var auditLogMaxSize = 100

    @Option(name: .customLong("max-requests-per-second"), help: "Per-user request rate (0: unlimited); over it, 429 with Retry-After.")
    var maxRequestsPerSecond: Double = 0

    @Option(name: .customLong("max-request-burst"), help: "Per-user burst above the rate.")
    var maxRequestBurst = 100

    @Option(name: .customLong("max-watches-per-user"), help: "Open watches per user (0: unlimited).")
    var maxWatchesPerUser = 0

    func validate() throws {
        _ = try makeConfiguration()
    }

    func makeConfiguration() throws -> ServerConfiguration {
        let address: (host: String, port: Int)
        do { address = try ServerConfiguration.parseListen(listen, insecure: insecureHTTP) } catch { throw ValidationError(String(describing: error)) }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if insecureHTTP && (tlsCert != nil || tokenFile != nil || oidcIssuerURL != nil) {
            throw ValidationError("--insecure-http serves without TLS or authentication; drop --tls-cert/--token-file/--oidc-*")
        }
        if (oidcIssuerURL == nil) != (oidcClientID == nil) { throw ValidationError("--oidc-issuer-url and --oidc-client-id go together") }
        guard let kind = ServerConfiguration.StoreKind(rawValue: store) else {
            throw ValidationError("--store must be one of \(ServerConfiguration.StoreKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if kind == .postgres && postgresURL == nil { throw ValidationError("--store postgres needs --postgres-url") }
        var configuration = ServerConfiguration(dataDirectory: dataDirectory, host: address.host, port: address.port, store: kind,
                                                postgresURL: postgresURL, postgresSchema: postgresSchema)
        configuration.insecureHTTP = insecureHTTP
        configuration.tlsCertificateFile = tlsCert
        configuration.tlsKeyFile = tlsKey
        configuration.tlsSANs = tlsSAN
        configuration.tokenFile = tokenFile
        if let issuer = oidcIssuerURL, let client = oidcClientID {
            configuration.oidc = OIDCAuthenticator.Configuration(
                issuerURL: issuer, clientID: client, usernameClaim: oidcUsernameClaim, groupsClaim: oidcGroupsClaim,
                usernamePrefix: oidcUsernamePrefix, groupsPrefix: oidcGroupsPrefix, jwksFile: oidcJWKSFile)
        }
        configuration.auditLog = auditLog
        configuration.auditLogMaximumBytes = max(1, auditLogMaxSize) * 1024 * 1024
        configuration.rateLimit = maxRequestsPerSecond
        configuration.rateBurst = maxRequestBurst
        configuration.maximumWatchesPerUser = maxWatchesPerUser
        return configuration
    }

    func run() throws {
        let configuration = try makeConfiguration()
        ProcessTuning.apply()
        AsyncCommand.run("serve") { try await ContainAPIService.run(configuration) }
    }
}
