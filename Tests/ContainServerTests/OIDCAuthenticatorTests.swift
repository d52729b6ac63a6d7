import ContainRBAC
import Foundation
import JWTKit
import Testing
import _CryptoExtras

@testable import ContainServer

/// ID-token checks with keys the test generates: RS256 and ES256 accepted, every registered
/// claim checked with clock skew, claims mapped with prefixes.
@Suite("OIDC ID tokens")
struct OIDCAuthenticatorTests {
    static let issuer = "https://issuer.example.test"

    struct Claims: JWTPayload {
        var iss: String
        var aud: String
        var sub: String
        var exp: Int
        var nbf: Int?
        var groups: [String]?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func write(_ jwks: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json").path
        try jwks.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func claims(exp: TimeInterval = 300, nbf: TimeInterval? = nil, iss: String = issuer, aud: String = "contain") -> Claims {
        let now = Date().timeIntervalSince1970
        return Claims(iss: iss, aud: aud, sub: "u-1", exp: Int(now + exp), nbf: nbf.map { Int(now + $0) }, groups: ["team-a", "ops"])
    }

    @Test func rs256TokensAreVerifiedAndMappedWithPrefixes() async throws {
        let key = try Insecure.RSA.PrivateKey(backing: try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let primitives = try key.publicKey.getKeyPrimitives()
        let jwks = #"{"keys":[{"kty":"RSA","alg":"RS256","kid":"r1","n":"\#(Self.base64URL(primitives.modulus))","e":"\#(Self.base64URL(primitives.publicExponent))"}]}"#
        let signer = JWTKeyCollection()
        await signer.add(rsa: key, digestAlgorithm: .sha256, kid: "r1")
        let authenticator = try OIDCAuthenticator(.init(issuerURL: Self.issuer, clientID: "contain", usernameClaim: "sub",
                                                        groupsClaim: "groups", groupsPrefix: "oidc:", jwksFile: try Self.write(jwks)))
        let user = try await authenticator.authenticate(try await signer.sign(Self.claims(), kid: "r1"))
        #expect(user.name == Self.issuer + "#u-1")
        #expect(user.groups == ["oidc:team-a", "oidc:ops"])

        // Expired beyond the 60 s skew, not yet valid, wrong issuer, wrong audience: all refused.
        for claims in [Self.claims(exp: -120), Self.claims(nbf: 300), Self.claims(iss: "https://evil.test"), Self.claims(aud: "other")] {
            await #expect(throws: OIDCAuthenticator.Rejection.self) {
                try await authenticator.authenticate(try await signer.sign(claims, kid: "r1"))
            }
        }
        // Expired by less than the skew still passes.
        _ = try await authenticator.authenticate(try await signer.sign(Self.claims(exp: -30), kid: "r1"))
    }

    @Test func es256AndAlgorithmRestrictions() async throws {
        let key = ES256PrivateKey()
        let parameters = try #require(key.parameters)
        let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","kid":"e1","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: key, kid: "e1")
        let authenticator = try OIDCAuthenticator(.init(issuerURL: Self.issuer, clientID: "contain", usernamePrefix: "-",
                                                        jwksFile: try Self.write(jwks)))
        let user = try await authenticator.authenticate(try await signer.sign(Self.claims(), kid: "e1"))
        #expect(user.name == "u-1")
        #expect(user.groups.isEmpty)
        // HS256 signed with the public key's text (algorithm confusion) and alg none are refused.
        let hmac = JWTKeyCollection()
        await hmac.add(hmac: HMACKey(from: jwks), digestAlgorithm: .sha256, kid: "e1")
        await #expect(throws: OIDCAuthenticator.Rejection.self) {
            try await authenticator.authenticate(try await hmac.sign(Self.claims(), kid: "e1"))
        }
        let none = "eyJhbGciOiJub25lIn0." + Self.base64URL(Data(#"{"iss":"\#(Self.issuer)","aud":"contain","sub":"x","exp":9999999999}"#.utf8)) + "."
        await #expect(throws: OIDCAuthenticator.Rejection.self) { try await authenticator.authenticate(none) }
        // A token signed by another key with the same kid.
        let other = JWTKeyCollection()
        await other.add(ecdsa: ES256PrivateKey(), kid: "e1")
        await #expect(throws: OIDCAuthenticator.Rejection.self) {
            try await authenticator.authenticate(try await other.sign(Self.claims(), kid: "e1"))
        }
    }

    @Test func aBadJWKSFileStopsTheServerWithItsName() throws {
        let path = try Self.write("{not json")
        do {
            _ = try OIDCAuthenticator(.init(issuerURL: Self.issuer, clientID: "c", jwksFile: path))
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).hasPrefix(path))
        }
    }
}
