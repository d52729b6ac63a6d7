import ContainPolicy
import ContainTLS
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

    /// The generated (or reused) CA and serving certificate in `configuration.tlsDirectory`, and
    /// the path of the CA certificate to give the API server as the webhook's `caBundle`.
    public static func generatedTLS(_ configuration: AdmissionServerConfiguration) throws(AdmissionServerError)
        -> (configuration: TLSConfiguration, caPath: String)
    {
        do {
            let names = try configuration.tlsNames.map { try SubjectAlternativeName(parsing: $0) }
            let material = try ServerTLSMaterial.loadOrCreate(directory: configuration.tlsDirectory, extraNames: names)
            var tls = try material.serverConfiguration()
            // Webhook callers (kube-apiserver) authenticate the server only.
            tls.certificateVerification = .none
            let caPath = (configuration.tlsDirectory as NSString).appendingPathComponent(ServerTLSMaterial.FileName.caCertificate)
            return (tls, caPath)
        } catch {
            throw AdmissionServerError("cannot generate a certificate in \(configuration.tlsDirectory): \(error)")
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
        if configuration.insecureHTTP {
            server = .http1()
        } else {
            let tls: TLSConfiguration
            if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
                tls = try tlsConfiguration(certificatePath: certificate, keyPath: key)
            } else {
                tls = try generatedTLS(configuration).configuration
            }
            do { server = try .tls(.http1(), tlsConfiguration: tls) } catch {
                throw AdmissionServerError("cannot set up TLS: \(error)")
            }
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
        let trust = !configuration.insecureHTTP && configuration.tlsCertificatePath == nil
            ? ", CA for the caBundle: \(try generatedTLS(configuration).caPath)" : ""
        let app = try application(configuration) { port in
            FileHandle.standardOutput.write(Data("contain admission serving \(scheme)://\(configuration.host):\(port) (/validate, /mutate, /metrics\(trust))\n".utf8))
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "contain.admission")))
        try await group.run()
    }
}
