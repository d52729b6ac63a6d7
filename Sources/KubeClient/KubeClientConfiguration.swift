/// HTTP basic credentials from a kubeconfig user.
public struct BasicAuth: Sendable, Hashable {
    public var username: String
    public var password: String
}

/// Everything a ``KubeClient`` needs to reach one API server: the resolved result of a
/// kubeconfig context (or built by hand, e.g. for an in-process server).
public struct KubeClientConfiguration: Sendable, Hashable {
    /// `https://host:port` (no trailing slash).
    public var server: String
    /// Bearer token sent as `Authorization: Bearer …`.
    public var token: String?
    public var basicAuth: BasicAuth?
    /// PEM CA bundle that verifies the server; the system roots when `nil`.
    public var certificateAuthorityPEM: [UInt8]?
    /// PEM client certificate and key for mutual TLS.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    /// Skip server certificate verification (kubeconfig `insecure-skip-tls-verify`).
    public var insecureSkipTLSVerify: Bool
    /// Name to verify the server certificate against, when it differs from the URL's host.
    public var tlsServerName: String?
    /// The context's default namespace.
    public var namespace: String
    /// Sent as `User-Agent`.
    public var userAgent: String

    public init(server: String, token: String? = nil, basicAuth: BasicAuth? = nil, certificateAuthorityPEM: [UInt8]? = nil,
                clientCertificatePEM: [UInt8]? = nil, clientKeyPEM: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false,
                tlsServerName: String? = nil, namespace: String = "default", userAgent: String = "contain/0.1") {
        self.server = server
        self.token = token
        self.basicAuth = basicAuth
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.namespace = namespace
        self.userAgent = userAgent
    }

    /// Whether the server is reached over TLS.
    public var usesTLS: Bool { server.hasPrefix("https://") }
}
