import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate authority: its certificate and signing key. Issues the API's serving certificate
/// and client certificates (CN = user, O = groups, as kube-apiserver reads them).
public struct CertificateAuthority: Sendable {
    /// The CA certificate, the trust root clients are given.
    public let certificate: Certificate
    /// The CA's signing key.
    let privateKey: Certificate.PrivateKey

    /// A CA from its certificate and key; fails when the key does not belong to the certificate.
    public init(certificate: Certificate, privateKey: Certificate.PrivateKey) throws {
        guard certificate.publicKey == privateKey.publicKey else {
            throw TLSError("the CA key does not match the CA certificate")
        }
        guard let constraints = try? certificate.extensions.basicConstraints, case .isCertificateAuthority = constraints else {
            throw TLSError("the CA certificate (\(certificate.subject)) is not a CA: basicConstraints CA:TRUE is missing")
        }
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// A new self-signed CA (ECDSA P-256) valid for `years` years from `now`.
    public static func generate(commonName: String = "contain-ca", now: Date = Date(), years: Int = 10) throws -> CertificateAuthority {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            OrganizationName("contain")
            CommonName(commonName)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: key.publicKey)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(Double(years) * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: key)
        return try CertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// A serving certificate for `names`, signed by this CA, valid for `days` days.
    public func issueServingCertificate(commonName: String = "contain-apiserver", names: [SubjectAlternativeName],
                                        now: Date = Date(), days: Int = 365) throws -> IssuedCertificate {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName { CommonName(commonName) }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(names.map(\.generalName))
            AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
            SubjectKeyIdentifier(hash: key.publicKey)
        }
        return try issue(subject: subject, key: key, extensions: extensions, now: now, days: days)
    }

    /// A client certificate for `user` in `groups` (CN = user, one O per group), valid for `days` days.
    public func issueClientCertificate(user: String, groups: [String] = [], now: Date = Date(), days: Int = 365) throws -> IssuedCertificate {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName {
            for group in groups { OrganizationName(group) }
            CommonName(user)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
            try ExtendedKeyUsage([.clientAuth])
            AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
        }
        return try issue(subject: subject, key: key, extensions: extensions, now: now, days: days)
    }

    private var authorityKeyIdentifier: ArraySlice<UInt8>? {
        (try? certificate.extensions.subjectKeyIdentifier)??.keyIdentifier
    }

    private func issue(subject: DistinguishedName, key: Certificate.PrivateKey, extensions: Certificate.Extensions,
                       now: Date, days: Int) throws -> IssuedCertificate {
        let notAfter = min(now.addingTimeInterval(Double(days) * 86_400), certificate.notValidAfter)
        let issued = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: notAfter,
            issuer: certificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: privateKey)
        return IssuedCertificate(certificate: issued, privateKey: key)
    }

    /// Whether `certificate` was signed by this CA's key and is within its validity period at `now`.
    public func signed(_ candidate: Certificate, at now: Date = Date()) -> Bool {
        guard candidate.issuer == certificate.subject, candidate.notValidBefore <= now, now <= candidate.notValidAfter else {
            return false
        }
        return certificate.publicKey.isValidSignature(candidate.signature, for: candidate)
    }

    /// The CA certificate as PEM.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// The CA key as PEM.
    public var privateKeyPEM: String {
        get throws { try privateKey.serializeAsPEM().pemString }
    }
}

/// A certificate with its private key, as issued by a `CertificateAuthority`.
public struct IssuedCertificate: Sendable {
    public let certificate: Certificate
    public let privateKey: Certificate.PrivateKey

    public init(certificate: Certificate, privateKey: Certificate.PrivateKey) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// The certificate as PEM.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// The key as PEM (PKCS#8).
    public var privateKeyPEM: String {
        get throws { try privateKey.serializeAsPEM().pemString }
    }

    /// The DNS names and IP addresses the certificate is valid for.
    public var subjectAlternativeNames: [SubjectAlternativeName] {
        guard let names = try? certificate.extensions.subjectAlternativeNames else { return [] }
        return names.compactMap(SubjectAlternativeName.init)
    }
}
