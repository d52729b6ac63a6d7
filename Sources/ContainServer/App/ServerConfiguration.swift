import Foundation

/// How `contain serve` runs: where data lives, where it listens, which store backs it.
public struct ServerConfiguration: Sendable {
    /// The object store backend.
    public enum StoreKind: String, Sendable, CaseIterable {
        case sqlite
        case postgres
    }

    /// Where the store and the kubeconfig are written.
    public var dataDirectory: String
    /// Loopback host to bind (127.0.0.1, ::1 or localhost).
    public var host: String
    /// Port to bind; 0 picks a free one (the kubeconfig names the real one).
    public var port: Int
    public var store: StoreKind
    public var postgresURL: String?
    /// The PostgreSQL schema holding Contain's tables; `nil` for the connection's default.
    public var postgresSchema: String?

    /// Plain HTTP without TLS or authentication (loopback only), for development and benchmarks.
    public var insecureHTTP = false
    /// A provided serving certificate chain and key (PEM); generated under `DATA/pki` otherwise.
    public var tlsCertificateFile: String?
    public var tlsKeyFile: String?
    /// Extra names (DNS or IP) for the generated serving certificate.
    public var tlsSANs: [String] = []
    /// Extra bearer tokens (kube-apiserver's token file format).
    public var tokenFile: String?
    /// OIDC ID-token authentication, when configured.
    public var oidc: OIDCAuthenticator.Configuration?
    /// The audit log file and its rotation size.
    public var auditLog: String?
    public var auditLogMaximumBytes = 100 * 1024 * 1024
    /// Requests per second per user (sustained) and burst; 0 disables the limit.
    public var rateLimit: Double = 0
    public var rateBurst = 100
    /// Open watches per user; 0 disables the limit.
    public var maximumWatchesPerUser = 0

    public init(dataDirectory: String, host: String = "127.0.0.1", port: Int = 6443, store: StoreKind = .sqlite,
                postgresURL: String? = nil, postgresSchema: String? = nil) {
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.store = store
        self.postgresURL = postgresURL
        self.postgresSchema = postgresSchema
    }

    /// A configuration problem a person can fix.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Parses `HOST:PORT` (`[::1]:PORT` for IPv6). Plain HTTP (`insecure`) is loopback only; with
    /// TLS and authentication any address may be bound.
    public static func parseListen(_ text: String, insecure: Bool = true) throws -> (host: String, port: Int) {
        var host: String, portText: String
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = String(text[close...].dropFirst().drop { $0 == ":" })
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
        } else {
            throw Problem("--listen must be HOST:PORT, got \"\(text)\"")
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw Problem("--listen port must be a number from 0 to 65535, got \"\(portText)\"")
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard !insecure || ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") else {
            throw Problem("refusing to listen on \(host) with --insecure-http: plain HTTP serves loopback only (127.0.0.1 or ::1)")
        }
        return (host, port)
    }

    /// The kubeconfig that points kubectl at a server on `port`.
    public func kubeconfig(port: Int, certificateAuthorityPEM: String? = nil, token: String? = nil) -> String {
        var hostPart = host.contains(":") ? "[\(host)]" : host
        if hostPart == "0.0.0.0" || hostPart == "[::]" { hostPart = "127.0.0.1" }
        let scheme = certificateAuthorityPEM == nil ? "http" : "https"
        let caLine = certificateAuthorityPEM.map { "\n    certificate-authority-data: " + Data($0.utf8).base64EncodedString() } ?? ""
        let user = token.map { "\n    token: " + $0 } ?? " {}"
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: contain
              cluster:
                server: \(scheme)://\(hostPart):\(port)\(caLine)
            contexts:
            - name: contain
              context:
                cluster: contain
                user: contain-admin
            current-context: contain
            users:
            - name: contain-admin
              user:\(user)

            """
    }

    /// Path of the written kubeconfig.
    public var kubeconfigPath: String { (dataDirectory as NSString).appendingPathComponent("kubeconfig") }
}
