import ContainRBAC
import ContainTLS
import Foundation
import NIOCore
import NIOSSL

/// Authenticates a request, first success wins: a bearer token from the token file (the admin
/// token included), then an OIDC ID token, then a client certificate signed by the CA. Every
/// authenticated user also gets `system:authenticated`. `nil` means 401.
public struct RequestAuthenticator: Sendable {
    public var tokens: StaticTokenFile
    public var oidc: OIDCAuthenticator?
    /// The CA client certificates must be signed by; nil disables certificate authentication.
    public var clientCA: CertificateAuthority?

    /// Longest `Authorization` header looked at; anything longer is refused unread.
    public static let maximumTokenLength = 16 * 1024

    public init(tokens: StaticTokenFile, oidc: OIDCAuthenticator? = nil, clientCA: CertificateAuthority? = nil) {
        self.tokens = tokens
        self.oidc = oidc
        self.clientCA = clientCA
    }

    /// The bearer token of an `Authorization` header value, when it is one.
    public static func bearerToken(_ header: String?) -> String? {
        guard let header, header.utf8.count <= maximumTokenLength else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The user of a request with this `Authorization` header on `channel`.
    public func authenticate(authorization: String?, channel: (any Channel)?) async -> UserInfo? {
        if let token = Self.bearerToken(authorization) {
            if let user = tokens.user(for: token) { return user.authenticated() }
            if let oidc, OIDCAuthenticator.looksLikeJWT(token), let user = try? await oidc.authenticate(token) {
                return user.authenticated()
            }
            return nil
        }
        if authorization != nil { return nil }
        guard let clientCA, let channel else { return nil }
        guard let peer = try? await channel.nioSSL_peerCertificate().get(), let der = try? peer.toDERBytes(),
              let identity = clientCA.identity(ofClientCertificate: der)
        else { return nil }
        return UserInfo(name: identity.user, groups: identity.groups).authenticated()
    }
}
