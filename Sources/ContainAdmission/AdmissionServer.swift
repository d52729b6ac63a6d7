import ContainPolicy
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import ServiceLifecycle

/// Runs the admission webhook: HTTPS with the given certificate (or plain HTTP on loopback when
/// asked), until SIGTERM or SIGINT.
public enum AdmissionServer {
    /// The TLS configuration from PEM files, with a precise error when they do not load.
    public static func tlsConfiguration(certificatePath: String, keyPath: String) throws(AdmissionServerError) -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            guard !chain.isEmpty else { throw AdmissionServerError("\(certificatePath): no PEM certificate in the file") }
            let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        } catch let error as AdmissionServerError {
            throw error
        } catch {
            throw AdmissionServerError("cannot load the TLS certificate \(certificatePath) and key \(keyPath): \(error)")
        }
    }

    /// The Hummingbird application for `configuration`; `onRunning` gets the bound port.
    public static func application(_ configuration: AdmissionServerConfiguration, metrics: AdmissionMetrics = AdmissionMetrics(),
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws(AdmissionServerError) -> some ApplicationProtocol {
        try configuration.check()
        var logger = Logger(label: "contain.admission")
        logger.logLevel = .warning
        let responder = AdmissionResponder(endpoint: AdmissionEndpoint(engine: configuration.engine), metrics: metrics,
                                           maximumBodySize: configuration.maximumBodySize)
        let server: HTTPServerBuilder
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            let tls = try tlsConfiguration(certificatePath: certificate, keyPath: key)
            do { server = try .tls(.http1(), tlsConfiguration: tls) } catch {
                throw AdmissionServerError("cannot set up TLS: \(error)")
            }
        } else {
            server = .http1()
        }
        return Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "contain-admission"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT: the library entry point of `contain admission`.
    public static func run(_ configuration: AdmissionServerConfiguration) async throws {
        let scheme = configuration.insecureHTTP ? "http" : "https"
        let app = try application(configuration) { port in
            FileHandle.standardOutput.write(Data("contain admission serving \(scheme)://\(configuration.host):\(port) (/validate, /mutate, /metrics)\n".utf8))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "contain.admission")))
        try await group.run()
    }
}
