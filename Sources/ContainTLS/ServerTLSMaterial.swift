import Foundation
import NIOSSL
import SwiftASN1
import X509

/// Everything the API's TLS listener needs: the CA (trust root for clients, issuer of client
/// certificates), the serving certificate chain and key, and the CA data kubeconfigs carry.
public struct ServerTLSMaterial: Sendable {
    /// The CA kept in the data directory: it signs the generated serving certificate and every
    /// client certificate the API accepts.
    public let authority: CertificateAuthority
    /// The serving certificate chain (leaf first) as PEM.
    public let servingCertificatePEM: String
    /// The serving key as PEM.
    public let servingKeyPEM: String
    /// PEM of the certificate clients must trust to reach the server: the CA when the serving
    /// certificate was generated, the top of the provided chain otherwise.
    public let clientTrustPEM: String

    /// File names inside the TLS directory.
    public enum FileName {
        public static let caCertificate = "ca.crt"
        public static let caKey = "ca.key"
        public static let servingCertificate = "apiserver.crt"
        public static let servingKey = "apiserver.key"
    }

    public init(authority: CertificateAuthority, servingCertificatePEM: String, servingKeyPEM: String, clientTrustPEM: String) {
        self.authority = authority
        self.servingCertificatePEM = servingCertificatePEM
        self.servingKeyPEM = servingKeyPEM
        self.clientTrustPEM = clientTrustPEM
    }

    /// Loads the CA and serving certificate from `directory`, creating what is missing: a CA on
    /// first start, a serving certificate for the loopback names plus `extraNames` when none is
    /// there, when it lacks one of the names, or when it expires within 30 days. Every file is
    /// written with mode 0600 in a 0700 directory; a restart reuses them unchanged.
    public static func loadOrCreate(directory: String, extraNames: [SubjectAlternativeName] = [],
                                    now: Date = Date()) throws -> ServerTLSMaterial {
        let authority = try loadOrCreateAuthority(directory: directory, now: now)
        let wanted = SubjectAlternativeName.loopback + extraNames.filter { !SubjectAlternativeName.loopback.contains($0) }
        let certificatePath = path(directory, FileName.servingCertificate), keyPath = path(directory, FileName.servingKey)
        if let existing = try? loadIssued(certificatePath: certificatePath, keyPath: keyPath),
           authority.signed(existing.certificate, at: now),
           existing.certificate.notValidAfter > now.addingTimeInterval(30 * 86_400),
           Set(wanted).isSubset(of: Set(existing.subjectAlternativeNames))
        {
            return ServerTLSMaterial(authority: authority, servingCertificatePEM: try existing.certificatePEM,
                                     servingKeyPEM: try existing.privateKeyPEM, clientTrustPEM: try authority.certificatePEM)
        }
        let issued = try authority.issueServingCertificate(names: wanted, now: now)
        try SecretFile.write(try issued.privateKeyPEM, to: keyPath)
        try SecretFile.write(try issued.certificatePEM, to: certificatePath)
        return ServerTLSMaterial(authority: authority, servingCertificatePEM: try issued.certificatePEM,
                                 servingKeyPEM: try issued.privateKeyPEM, clientTrustPEM: try authority.certificatePEM)
    }

    /// Uses a provided serving certificate chain and key (PEM files); the CA in `directory` is
    /// still created or loaded, because it is what client certificates are checked against.
    public static func load(directory: String, certificateFile: String, keyFile: String, now: Date = Date()) throws -> ServerTLSMaterial {
        let authority = try loadOrCreateAuthority(directory: directory, now: now)
        let chainPEM = try SecretFile.read(certificateFile)
        let keyPEM = try SecretFile.read(keyFile)
        let chain: [Certificate]
        do {
            chain = try PEMDocument.parseMultiple(pemString: chainPEM).map { try Certificate(pemDocument: $0) }
        } catch {
            throw TLSError("\(certificateFile): not a PEM certificate chain: \(error)")
        }
        guard let leaf = chain.first else { throw TLSError("\(certificateFile): no certificate in the file") }
        let key: Certificate.PrivateKey
        do { key = try Certificate.PrivateKey(pemEncoded: keyPEM) } catch {
            throw TLSError("\(keyFile): not a PEM private key: \(error)")
        }
        guard key.publicKey == leaf.publicKey else {
            throw TLSError("\(keyFile) does not belong to the first certificate in \(certificateFile) (\(leaf.subject))")
        }
        guard now <= leaf.notValidAfter else {
            throw TLSError("\(certificateFile): the certificate expired at \(leaf.notValidAfter)")
        }
        let top = try chain[chain.count - 1].serializeAsPEM().pemString
        // Re-serialised, one PEM block per line group, whatever the file's spacing was.
        let normalised = try chain.map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
        return ServerTLSMaterial(authority: authority, servingCertificatePEM: normalised, servingKeyPEM: keyPEM, clientTrustPEM: top)
    }

    /// The CA in `directory`, generated (and written, 0600) when absent.
    public static func loadOrCreateAuthority(directory: String, now: Date = Date()) throws -> CertificateAuthority {
        try SecretFile.createPrivateDirectory(directory)
        let certificatePath = path(directory, FileName.caCertificate), keyPath = path(directory, FileName.caKey)
        let haveCertificate = FileManager.default.fileExists(atPath: certificatePath)
        let haveKey = FileManager.default.fileExists(atPath: keyPath)
        if haveCertificate || haveKey {
            guard haveCertificate && haveKey else {
                throw TLSError("\(haveKey ? certificatePath : keyPath) is missing but \(haveKey ? keyPath : certificatePath) exists; restore it or remove both to generate a new CA")
            }
            let issued = try loadIssued(certificatePath: certificatePath, keyPath: keyPath)
            do {
                return try CertificateAuthority(certificate: issued.certificate, privateKey: issued.privateKey)
            } catch let error as TLSError {
                throw TLSError("\(certificatePath): \(error.description)")
            }
        }
        let authority = try CertificateAuthority.generate(now: now)
        try SecretFile.write(try authority.privateKeyPEM, to: keyPath)
        try SecretFile.write(try authority.certificatePEM, to: certificatePath)
        return authority
    }

    static func loadIssued(certificatePath: String, keyPath: String) throws -> IssuedCertificate {
        let certificate: Certificate
        do { certificate = try Certificate(pemEncoded: try SecretFile.read(certificatePath)) } catch let error as TLSError {
            throw error
        } catch {
            throw TLSError("\(certificatePath): not a PEM certificate: \(error)")
        }
        let key: Certificate.PrivateKey
        do { key = try Certificate.PrivateKey(pemEncoded: try SecretFile.read(keyPath)) } catch let error as TLSError {
            throw error
        } catch {
            throw TLSError("\(keyPath): not a PEM private key: \(error)")
        }
        guard key.publicKey == certificate.publicKey else {
            throw TLSError("\(keyPath) does not belong to \(certificatePath)")
        }
        return IssuedCertificate(certificate: certificate, privateKey: key)
    }

    static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }

    /// The server's TLS configuration: TLS 1.2 or newer, this serving chain, and client
    /// certificates optional but, when presented, verified against the CA.
    public func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(servingCertificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(servingKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(try authority.certificatePEM.utf8)))
        configuration.certificateVerification = .optionalVerification
        configuration.sendCANameList = true
        return configuration
    }

    /// A client's TLS configuration that trusts this server (for tests and tools).
    public func clientConfiguration(clientCertificate: IssuedCertificate? = nil) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(clientTrustPEM.utf8)))
        if let clientCertificate {
            configuration.certificateChain = [.certificate(try NIOSSLCertificate(bytes: Array(try clientCertificate.certificatePEM.utf8), format: .pem))]
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(try clientCertificate.privateKeyPEM.utf8), format: .pem))
        }
        return configuration
    }
}
