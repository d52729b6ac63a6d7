import ContainRBAC
import Foundation
import Hummingbird
import HummingbirdTesting
import JWTKit
import Synchronization
import Testing

@testable import ContainServer

/// Keys fetched from the issuer (`/.well-known/openid-configuration` → `jwks_uri`), against a
/// small issuer served on loopback by the test: tokens verified end to end, keys cached, a
/// rotation picked up by a refresh, unknown keys refused, and fetches coalesced and throttled.
@Suite("OIDC keys from the issuer's discovery document")
struct OIDCDiscoveryTests {
    /// What the test issuer serves, and how often it was asked.
    final class Issuer: Sendable {
        struct State {
            var issuer = ""
            var jwksURI: String?
            var keys: [(ES256PrivateKey, String)] = []
            var discoveryFetches = 0
            var jwksFetches = 0
        }

        let state = Mutex(State())

        func publish(_ keys: [(ES256PrivateKey, String)]) {
            state.withLock { $0.keys = keys }
        }

        var fetches: (discovery: Int, jwks: Int) { state.withLock { ($0.discoveryFetches, $0.jwksFetches) } }

        func router() -> Router<BasicRequestContext> {
            let router = Router()
            router.get("/.well-known/openid-configuration") { _, _ -> Response in
                let document = self.state.withLock { state -> String in
                    state.discoveryFetches += 1
                    return #"{"issuer":"\#(state.issuer)","jwks_uri":"\#(state.jwksURI ?? state.issuer + "/keys")"}"#
                }
                return Self.json(document)
            }
            router.get("/keys") { _, _ -> Response in
                let jwks = self.state.withLock { state -> String in
                    state.jwksFetches += 1
                    let keys = state.keys.compactMap { (key, kid) -> String? in
                        guard let parameters = key.parameters else { return nil }
                        return #"{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"\#(kid)","x":"\#(parameters.x)","y":"\#(parameters.y)"}"#
                    }
                    return #"{"keys":[\#(keys.joined(separator: ","))]}"#
                }
                return Self.json(jwks)
            }
            return router
        }

        static func json(_ text: String) -> Response {
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    struct Claims: JWTPayload {
        var iss: String
        var aud: String
        var sub: String
        var exp: Int
        var groups: [String]
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func token(_ key: ES256PrivateKey, kid: String, issuer: String, subject: String = "alice") async throws -> String {
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: key, kid: JWKIdentifier(string: kid))
        let claims = Claims(iss: issuer, aud: "contain", sub: subject, exp: Int(Date().timeIntervalSince1970) + 3_600, groups: ["team-a"])
        return try await signer.sign(claims, kid: JWKIdentifier(string: kid))
    }

    /// Runs `body` with an issuer served on loopback and its URL.
    static func withIssuer(_ body: @Sendable (Issuer, String) async throws -> Void) async throws {
        let issuer = Issuer()
        let app = Application(router: issuer.router())
        try await app.test(.live) { client in
            let url = "http://localhost:\(try #require(client.port))"
            issuer.state.withLock { $0.issuer = url }
            try await body(issuer, url)
        }
    }

    @Test func tokensAreVerifiedWithDiscoveredKeysAndRotationIsPickedUp() async throws {
        try await Self.withIssuer { issuer, url in
            let first = ES256PrivateKey(), second = ES256PrivateKey(), unpublished = ES256PrivateKey()
            issuer.publish([(first, "k1")])
            let authenticator = try OIDCAuthenticator(.init(issuerURL: url, clientID: "contain", groupsClaim: "groups", usernamePrefix: "-",
                                                            groupsPrefix: "oidc:"))
            let start = Date()

            // Many requests at once before any key is known: one fetch serves them all.
            let token = try await Self.token(first, kid: "k1", issuer: url)
            let users = try await withThrowingTaskGroup(of: UserInfo.self) { group in
                for _ in 0..<8 { group.addTask { try await authenticator.authenticate(token, now: start) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(users.count == 8 && users.allSatisfy { $0.name == "alice" && $0.groups == ["oidc:team-a"] })
            #expect(issuer.fetches == (1, 1))

            // Cached: no fetch for the next token.
            _ = try await authenticator.authenticate(try await Self.token(first, kid: "k1", issuer: url, subject: "bob"), now: start + 1)
            #expect(issuer.fetches == (1, 1))

            // The issuer rotates to a new key; a token signed by it makes the authenticator refetch.
            issuer.publish([(second, "k2")])
            let rotated = try await authenticator.authenticate(try await Self.token(second, kid: "k2", issuer: url), now: start + 11)
            #expect(rotated.name == "alice")
            #expect(issuer.fetches == (2, 2))

            // The old key is gone from the refreshed set, and a retry so soon does not fetch again.
            await #expect(throws: OIDCAuthenticator.Rejection.self) {
                try await authenticator.authenticate(token, now: start + 12)
            }
            #expect(issuer.fetches == (2, 2))

            // A key the issuer never published: refetched once, still unknown, refused.
            let forged = try await Self.token(unpublished, kid: "k3", issuer: url)
            await #expect(throws: OIDCAuthenticator.Rejection.self) { try await authenticator.authenticate(forged, now: start + 30) }
            #expect(issuer.fetches == (3, 3))
            // Within the refetch delay, another unknown-key token costs no fetch.
            await #expect(throws: OIDCAuthenticator.Rejection.self) { try await authenticator.authenticate(forged, now: start + 31) }
            #expect(issuer.fetches == (3, 3))

            // After the refresh interval the keys are fetched again even for known key IDs.
            _ = try await authenticator.authenticate(try await Self.token(second, kid: "k2", issuer: url), now: start + 30 + 601)
            #expect(issuer.fetches == (4, 4))
        }
    }

    @Test func aDownIssuerLeavesTheLastKeysInUseAndIsNotAskedOnEveryRequest() async throws {
        try await Self.withIssuer { issuer, url in
            let key = ES256PrivateKey()
            issuer.publish([(key, "k1")])
            let authenticator = try OIDCAuthenticator(.init(issuerURL: url, clientID: "contain", usernamePrefix: "-"))
            let start = Date()
            let token = try await Self.token(key, kid: "k1", issuer: url)
            _ = try await authenticator.authenticate(token, now: start)
            // The keys URL now answers 404: refreshes fail, the cached key keeps working.
            issuer.state.withLock { $0.jwksURI = url + "/missing" }
            for offset in [601.0, 602, 603] { _ = try await authenticator.authenticate(token, now: start + offset) }
            #expect(issuer.fetches == (2, 1), "one failed refresh, then the delay before asking again")
            _ = try await authenticator.authenticate(token, now: start + 612)
            #expect(issuer.fetches == (3, 1))
        }
    }

    @Test func theDiscoveryDocumentMustNameTheIssuerAndASafeKeysURL() async throws {
        try await Self.withIssuer { issuer, url in
            let key = ES256PrivateKey()
            issuer.publish([(key, "k1")])
            let token = try await Self.token(key, kid: "k1", issuer: url)
            // A document naming another issuer is not trusted.
            issuer.state.withLock { $0.issuer = "https://elsewhere.example" }
            let misnamed = try OIDCAuthenticator(.init(issuerURL: url, clientID: "contain", usernamePrefix: "-"))
            await #expect(throws: OIDCAuthenticator.Rejection.self) { try await misnamed.authenticate(token) }
            // Keys over plain HTTP to another machine are not fetched.
            issuer.state.withLock { $0.issuer = url; $0.jwksURI = "http://192.0.2.1/keys" }
            let plain = try OIDCAuthenticator(.init(issuerURL: url, clientID: "contain", usernamePrefix: "-"))
            await #expect(throws: OIDCAuthenticator.Rejection.self) { try await plain.authenticate(token) }
            #expect(issuer.fetches.jwks == 0)
        }
    }

    @Test func issuersWhoseKeysAreFetchedMustUseHTTPSOffLoopback() throws {
        #expect(throws: (any Error).self) { try OIDCAuthenticator(.init(issuerURL: "http://issuer.example", clientID: "c")) }
        #expect(throws: (any Error).self) { try OIDCAuthenticator(.init(issuerURL: "file:///etc", clientID: "c")) }
        _ = try OIDCAuthenticator(.init(issuerURL: "https://issuer.example", clientID: "c"))
        _ = try OIDCAuthenticator(.init(issuerURL: "http://127.0.0.1:5556/dex", clientID: "c"))
    }
}
