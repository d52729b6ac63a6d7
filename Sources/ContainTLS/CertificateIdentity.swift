import Foundation
import X509

/// The user a client certificate names, as kube-apiserver reads it: CN is the user name, each
/// O (organization) a group.
public struct CertificateIdentity: Sendable, Hashable {
    public var user: String
    public var groups: [String]

    public init(user: String, groups: [String]) {
        self.user = user
        self.groups = groups
    }

    /// The identity in a certificate's subject; nil when it has no common name.
    public init?(_ certificate: Certificate) {
        var user: String?
        var groups: [String] = []
        for rdn in certificate.subject {
            for attribute in rdn {
                guard let text = String(attribute.value) else { continue }
                if attribute.type == .RDNAttributeType.commonName { user = text }
                if attribute.type == .RDNAttributeType.organizationName { groups.append(text) }
            }
        }
        guard let user, !user.isEmpty else { return nil }
        self.init(user: user, groups: groups)
    }

    /// The identity in a DER-encoded certificate.
    public init?(der: [UInt8]) {
        guard let certificate = try? Certificate(derEncoded: der) else { return nil }
        self.init(certificate)
    }
}

extension CertificateAuthority {
    /// The identity in a DER-encoded client certificate, when this CA signed it and it is valid at `now`.
    public func identity(ofClientCertificate der: [UInt8], at now: Date = Date()) -> CertificateIdentity? {
        guard let certificate = try? Certificate(derEncoded: der), signed(certificate, at: now) else { return nil }
        return CertificateIdentity(certificate)
    }
}
