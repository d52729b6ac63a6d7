import ContainRBAC
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JWTKit

/// Verifies OIDC ID tokens (JWTs) as kube-apiserver's `--oidc-*` flags do: signature by a key
/// of the issuer (RS256 or ES256 only), `iss` equal to the issuer URL, the client ID among `aud`,
/// `exp` and `nbf` checked with clock-skew tolerance; the user name and groups read from the
/// configured claims, with prefixes.
public actor OIDCAuthenticator {
    /// The `--oidc-*` settings.
    public struct Configuration: Sendable {
        public var issuerURL: String
        public var clientID: String
        public var usernameClaim: String
        public var groupsClaim: String?
        /// Prefix for user names; `nil` means kube-apiserver's default (the issuer URL and `#`
        /// unless the claim is `email`), `-` means none.
        public var usernamePrefix: String?
        public var groupsPrefix: String
        /// A JWKS document to read keys from instead of the issuer's discovery document.
        public var jwksFile: String?
        /// Tolerated clock difference for `exp`/`nbf`/`iat`.
        public var clockSkew: TimeInterval
        /// How long fetched keys are used before they are fetched again.
        public var keyRefreshInterval: TimeInterval

        public init(issuerURL: String, clientID: String, usernameClaim: String = "sub", groupsClaim: String? = nil,
                    usernamePrefix: String? = nil, groupsPrefix: String = "", jwksFile: String? = nil,
                    clockSkew: TimeInterval = 60, keyRefreshInterval: TimeInterval = 600) {
            self.issuerURL = issuerURL
            self.clientID = clientID
            self.usernameClaim = usernameClaim
            self.groupsClaim = groupsClaim
            self.usernamePrefix = usernamePrefix
            self.groupsPrefix = groupsPrefix
            self.jwksFile = jwksFile
            self.clockSkew = clockSkew
            self.keyRefreshInterval = keyRefreshInterval
        }

        /// The prefix actually put in front of user names.
        public var effectiveUsernamePrefix: String {
            switch usernamePrefix {
            case "-": return ""
            case let prefix?: return prefix
            case nil: return usernameClaim == "email" ? "" : issuerURL + "#"
            }
        }
    }

    public let configuration: Configuration
    private var keys: JWTKeyCollection?
    private var keysLoadedAt: Date = .distantPast
    private var lastFetchAttempt: Date = .distantPast
    /// The issuer fetch under way, which concurrent requests wait for instead of starting their own.
    private var inflight: Task<String, any Error>?

    /// A fetch (successful or not) is not repeated sooner than this: tokens with unknown key IDs
    /// cannot make the server hammer the issuer, and a down issuer costs one wait per interval,
    /// not one per request, while the last good keys serve.
    public static let refetchDelay: TimeInterval = 10

    public init(_ configuration: Configuration) throws {
        self.configuration = configuration
        if configuration.jwksFile == nil {
            // Keys fetched from the issuer are only as trustworthy as the channel: HTTPS, or plain
            // HTTP to this machine's loopback (an issuer run beside the server, or in tests).
            guard let url = URL(string: configuration.issuerURL), url.scheme == "https" || Self.isLoopbackHTTP(url) else {
                throw StaticTokenFile.Problem(description: "--oidc-issuer-url \(configuration.issuerURL): must be an https URL (or http on 127.0.0.1, ::1 or localhost) to fetch its keys")
            }
        }
        if let file = configuration.jwksFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StaticTokenFile.Problem(description: "\(file): cannot read the JWKS file")
            }
            // Parsed once here so that a bad file stops the server at start, naming the file.
            do { _ = try JSONDecoder().decode(JWKS.self, from: data) } catch {
                throw StaticTokenFile.Problem(description: "\(file): not a JWKS document: \(error)")
            }
        }
    }

    /// Why a token was refused (never echoed to clients, who only see 401).
    public struct Rejection: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Whether `token` looks like a JWT at all (three base64url parts), to skip other tokens cheaply.
    public nonisolated static func looksLikeJWT(_ token: String) -> Bool {
        var dots = 0
        for byte in token.utf8 {
            if byte == UInt8(ascii: ".") { dots += 1; continue }
            let ok = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "=")
            if !ok { return false }
        }
        return dots == 2
    }

    /// The user of a valid ID token; throws `Rejection` otherwise.
    public func authenticate(_ token: String, now: Date = Date()) async throws -> UserInfo {
        guard Self.looksLikeJWT(token) else { throw Rejection(description: "not a JWT") }
        let header = try Self.header(token)
        guard let alg = header["alg"] as? String, ["RS256", "ES256"].contains(alg) else {
            throw Rejection(description: "unsupported signing algorithm \(header["alg"] ?? "none")")
        }
        let collection = try await currentKeys(now: now, refresh: false)
        let claims: OIDCClaims
        do {
            claims = try await collection.verify(token, as: OIDCClaims.self)
        } catch {
            // An unknown key ID may mean the issuer rotated keys: refetch once, then retry.
            guard configuration.jwksFile == nil, now.timeIntervalSince(lastFetchAttempt) >= Self.refetchDelay else {
                throw Rejection(description: "signature: \(error)")
            }
            let refreshed = try await currentKeys(now: now, refresh: true)
            do { claims = try await refreshed.verify(token, as: OIDCClaims.self) } catch {
                throw Rejection(description: "signature: \(error)")
            }
        }
        return try user(from: claims, now: now)
    }

    /// Checks the registered claims and maps the configured ones to a user.
    func user(from claims: OIDCClaims, now: Date) throws -> UserInfo {
        let skew = configuration.clockSkew
        guard claims.string("iss") == configuration.issuerURL else {
            throw Rejection(description: "issuer \(claims.string("iss") ?? "(none)") is not \(configuration.issuerURL)")
        }
        guard claims.strings("aud").contains(configuration.clientID) else {
            throw Rejection(description: "audience does not include \(configuration.clientID)")
        }
        guard let exp = claims.number("exp") else { throw Rejection(description: "no exp claim") }
        guard now.timeIntervalSince1970 <= exp + skew else { throw Rejection(description: "token expired") }
        if let nbf = claims.number("nbf"), now.timeIntervalSince1970 + skew < nbf { throw Rejection(description: "token not yet valid") }
        if let iat = claims.number("iat"), now.timeIntervalSince1970 + skew < iat { throw Rejection(description: "token issued in the future") }
        guard let name = claims.string(configuration.usernameClaim), !name.isEmpty else {
            throw Rejection(description: "claim \(configuration.usernameClaim) is missing")
        }
        if configuration.usernameClaim == "email", let verified = claims.values["email_verified"], case .bool(false) = verified {
            throw Rejection(description: "email not verified")
        }
        var groups: [String] = []
        if let claim = configuration.groupsClaim {
            groups = claims.strings(claim).map { configuration.groupsPrefix + $0 }
        }
        return UserInfo(name: configuration.effectiveUsernamePrefix + name, uid: claims.string("sub") ?? "", groups: groups)
    }

    /// The JOSE header of a token.
    static func header(_ token: String) throws -> [String: Any] {
        guard let first = token.split(separator: ".", omittingEmptySubsequences: false).first,
              let data = base64URLDecode(String(first)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw Rejection(description: "malformed JWT header") }
        return object
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 = base64.replacingOccurrences(of: "=", with: "")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// The key collection, loaded from the JWKS file or the issuer, cached for the refresh interval.
    private func currentKeys(now: Date, refresh: Bool) async throws -> JWTKeyCollection {
        if let keys, !refresh, now.timeIntervalSince(keysLoadedAt) < configuration.keyRefreshInterval { return keys }
        // Stale keys serve until the issuer may be asked again.
        if let keys, configuration.jwksFile == nil, now.timeIntervalSince(lastFetchAttempt) < Self.refetchDelay { return keys }
        let jwksJSON: String
        do {
            if let file = configuration.jwksFile {
                lastFetchAttempt = now
                jwksJSON = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
            } else if let inflight {
                jwksJSON = try await inflight.value
            } else {
                lastFetchAttempt = now
                let issuer = configuration.issuerURL
                let task = Task { try await Self.fetchJWKS(issuer: issuer) }
                inflight = task
                defer { inflight = nil }
                jwksJSON = try await task.value
            }
            let collection = JWTKeyCollection()
            try await collection.add(jwksJSON: jwksJSON)
            keys = collection
            keysLoadedAt = now
            return collection
        } catch {
            // Keep using the last good keys when a refresh fails.
            if let keys { return keys }
            throw Rejection(description: "cannot load the issuer's keys: \(error)")
        }
    }

    /// `GET {issuer}/.well-known/openid-configuration`, then its `jwks_uri`. As go-oidc (which
    /// kube-apiserver uses) does, the document must name the configured issuer; the keys URL
    /// must be HTTPS, or HTTP on loopback.
    static func fetchJWKS(issuer: String) async throws -> String {
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        guard let discoveryURL = URL(string: base + "/.well-known/openid-configuration") else {
            throw Rejection(description: "bad issuer URL \(issuer)")
        }
        let data = try await get(discoveryURL)
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Rejection(description: "the discovery document of \(issuer) is not a JSON object")
        }
        guard let named = document["issuer"] as? String, named == issuer else {
            throw Rejection(description: "the discovery document of \(issuer) names issuer \(document["issuer"] ?? "(none)")")
        }
        guard let jwksURI = document["jwks_uri"] as? String, let jwksURL = URL(string: jwksURI),
              jwksURL.scheme == "https" || isLoopbackHTTP(jwksURL)
        else { throw Rejection(description: "the discovery document of \(issuer) has no usable jwks_uri") }
        return String(decoding: try await get(jwksURL), as: UTF8.self)
    }

    /// How long one request to the issuer may take.
    static let fetchTimeout: TimeInterval = 10

    /// The body of a 200 answer to `GET url`.
    static func get(_ url: URL) async throws -> Data {
        let (data, response) = try await URLSession.shared.data(for: URLRequest(url: url, timeoutInterval: fetchTimeout))
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw Rejection(description: "GET \(url.absoluteString): HTTP \(status)") }
        return data
    }

    /// `http://` on 127.0.0.1, ::1 or localhost.
    static func isLoopbackHTTP(_ url: URL) -> Bool {
        guard url.scheme == "http", let host = url.host else { return false }
        return ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host)
    }
}

/// Every claim of an ID token, kept as JSON values so that any claim can be configured.
struct OIDCClaims: JWTPayload {
    enum Value: Codable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case array([Value])
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let list = try? container.decode([Value].self) { self = .array(list) }
            else { self = .other }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .bool(let flag): try container.encode(flag)
            case .array(let list): try container.encode(list)
            case .other: try container.encodeNil()
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var values: [String: Value]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var values: [String: Value] = [:]
        for key in container.allKeys { values[key.stringValue] = try container.decode(Value.self, forKey: key) }
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in values { try container.encode(value, forKey: Key(stringValue: key)) }
    }

    /// Registered claims are checked by the authenticator with its own clock skew.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    func string(_ name: String) -> String? {
        if case .string(let text)? = values[name] { return text }
        return nil
    }

    /// A claim that is a string or an array of strings.
    func strings(_ name: String) -> [String] {
        switch values[name] {
        case .string(let text)?: return [text]
        case .array(let list)?: return list.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
        default: return []
        }
    }

    func number(_ name: String) -> Double? {
        if case .number(let number)? = values[name] { return number }
        return nil
    }
}
