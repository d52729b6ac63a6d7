import ContainPolicy

/// How `contain admission` listens and decides.
public struct AdmissionServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (reported through `onListening`).
    public var port: Int
    /// PEM certificate chain and private key; both or neither.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Where a generated CA and serving certificate are kept (0600 files in a 0700 directory)
    /// when no certificate is given; reused on restart.
    public var tlsDirectory: String
    /// Names the generated serving certificate covers besides the loopback ones (the webhook
    /// Service's DNS name, `contain-admission.contain-system.svc`).
    public var tlsNames: [String]
    /// Plain HTTP, allowed on loopback addresses only (for local tests and benchmarks).
    public var insecureHTTP: Bool
    /// The largest review body accepted (kube-apiserver caps objects at 3 MiB).
    public var maximumBodySize: Int
    public var engine: AdmissionEngine

    /// A configuration; `engine` decides every review.
    public init(host: String = "127.0.0.1", port: Int = 8443, tlsCertificatePath: String? = nil, tlsKeyPath: String? = nil,
                tlsDirectory: String = ".contain/admission-tls", tlsNames: [String] = [],
                insecureHTTP: Bool = false, maximumBodySize: Int = 4 * 1024 * 1024, engine: AdmissionEngine = AdmissionEngine()) {
        self.host = host
        self.port = port
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.tlsDirectory = tlsDirectory
        self.tlsNames = tlsNames
        self.insecureHTTP = insecureHTTP
        self.maximumBodySize = maximumBodySize
        self.engine = engine
    }

    /// Whether `host` is a loopback address.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Parses `HOST:PORT` (`[::1]:8443` for IPv6).
    public static func parseListen(_ text: String) throws(AdmissionServerError) -> (host: String, port: Int) {
        var host: Substring
        var portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw AdmissionServerError("--listen \(text): expected [HOST]:PORT") }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw AdmissionServerError("--listen \(text): expected HOST:PORT") }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw AdmissionServerError("--listen \(text): the port must be a number from 0 to 65535")
        }
        if host.isEmpty { host = "0.0.0.0" }
        return (String(host), port)
    }

    /// Checks the TLS and listen settings fit together.
    public func check() throws(AdmissionServerError) {
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            throw AdmissionServerError("--tls-cert and --tls-key go together")
        }
        if insecureHTTP {
            guard Self.isLoopback(host) else {
                throw AdmissionServerError("--insecure-http serves plain HTTP and is allowed on loopback addresses only (not \(host))")
            }
            if tlsCertificatePath != nil { throw AdmissionServerError("--insecure-http and --tls-cert exclude each other") }
        }
    }
}

/// A configuration or start-up problem of the webhook server.
public struct AdmissionServerError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
