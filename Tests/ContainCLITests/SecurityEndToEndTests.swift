import Foundation
import JWTKit
import Testing

/// An OIDC issuer made up by the test: an ES256 key it generated, the JWKS file the server
/// reads, and ID tokens signed with the key.
struct TestIssuer {
    static let url = "https://id.example.test/realms/platform"
    static let clientID = "contain"
    let keys: JWTKeyCollection
    let jwks: String

    init() async {
        let key = ES256PrivateKey()
        keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: "test-key")
        let parameters = key.parameters!
        jwks = #"{"keys":[{"kty":"EC","crv":"P-256","alg":"ES256","use":"sig","kid":"test-key","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
    }

    struct Claims: JWTPayload {
        var iss: String
        var aud: [String]
        var sub: String
        var email: String
        var groups: [String]
        var exp: Int
        var iat: Int
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    func token(email: String, groups: [String], expiresIn: TimeInterval = 600, issuer: String = TestIssuer.url,
               audience: String = TestIssuer.clientID) async throws -> String {
        let now = Int(Date().timeIntervalSince1970)
        return try await keys.sign(Claims(iss: issuer, aud: [audience], sub: "id-" + email, email: email, groups: groups,
                                          exp: now + Int(expiresIn), iat: now - 5), kid: "test-key")
    }
}

@Suite("API security end to end (TLS, tokens, OIDC, RBAC) with kubectl", .serialized)
struct SecurityEndToEndTests {
    static let tenants = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: team-a}
        spec:
          owners: [{kind: Group, name: team-a}]
          clusters: [dev]
          namespaces: [{name: team-a-dev}]
        ---
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: team-b}
        spec:
          owners: [{kind: Group, name: team-b}]
          clusters: [dev]
          namespaces: [{name: team-b-dev}]
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-a-dev}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: team-b-dev}

        """

    /// A server with OIDC (JWKS file) and an audit log, the two tenants applied by the admin.
    static func start(_ issuer: TestIssuer) throws -> (ServedAPI, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-sec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let jwksPath = directory.appendingPathComponent("jwks.json").path
        try issuer.jwks.write(toFile: jwksPath, atomically: true, encoding: .utf8)
        let audit = directory.appendingPathComponent("audit.log").path
        let api = try ServedAPI(directory: directory, extraArguments: [
            "--oidc-issuer-url", TestIssuer.url, "--oidc-client-id", TestIssuer.clientID, "--oidc-username-claim", "email",
            "--oidc-groups-claim", "groups", "--oidc-jwks-file", jwksPath, "--audit-log", audit,
        ])
        let applied = try api.kubectl(["apply", "-f", try api.file("tenants.yaml", tenants)])
        #expect(applied.status == 0, "\(applied.stderr)")
        return (api, audit)
    }

    @Test func kubeconfigWorksOverTLSWithoutInsecureFlags() throws {
        let api = try ServedAPI()
        let config = try String(contentsOfFile: api.kubeconfig, encoding: .utf8)
        #expect(config.contains("server: https://127.0.0.1:"))
        #expect(config.contains("certificate-authority-data: "))
        #expect(!config.contains("insecure-skip-tls-verify"))
        let attributes = try FileManager.default.attributesOfItem(atPath: api.kubeconfig)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let result = try api.kubectl(["get", "namespaces", "-o", "name"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("namespace/default"))
        #expect(try api.kubectl(["auth", "can-i", "delete", "tenants"]).stdout == "yes\n")
    }

    @Test func anonymousAndBadTokensAreUnauthorized() async throws {
        let issuer = await TestIssuer()
        let (api, _) = try Self.start(issuer)
        // No credentials at all (curl over TLS, trusting only the generated CA): 401 with a Status body.
        let config = try String(contentsOfFile: api.kubeconfig, encoding: .utf8)
        let server = config.split(separator: "\n").first { $0.contains("server:") }!.split(separator: " ").last.map(String.init)!
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", "--cacert", api.directory.appendingPathComponent("pki/ca.crt").path, "-w", "\n%{http_code}", server + "/api/v1/namespaces"]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let anonymous = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        #expect(anonymous.hasSuffix("\n401"), "\(anonymous)")
        #expect(anonymous.contains(#""reason":"Unauthorized""#))

        let expired = try await issuer.token(email: "alice@example.test", groups: ["team-a"], expiresIn: -600)
        let wrongIssuer = try await TestIssuer().token(email: "alice@example.test", groups: ["team-a"])
        let wrongAudience = try await issuer.token(email: "alice@example.test", groups: ["team-a"], audience: "other")
        for token in [expired, wrongIssuer, wrongAudience, "not-a-token", "a.b.c"] {
            let result = try api.kubectl(["--token", token, "get", "tenant", "team-a"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("You must be logged in to the server"), "\(token.prefix(20)): \(result.stderr)")
        }
    }

    @Test func oidcGroupsDecideWhatATenantOwnerSees() async throws {
        let issuer = await TestIssuer()
        let (api, audit) = try Self.start(issuer)
        let alice = try await issuer.token(email: "alice@example.test", groups: ["team-a"])
        #expect(try api.kubectl(["--token", alice, "get", "tenant", "team-a", "-o", "name"]).stdout == "tenant.platform.contain.dev/team-a\n")
        #expect(try api.kubectl(["--token", alice, "get", "namespace", "team-a-dev", "-o", "name"]).stdout == "namespace/team-a-dev\n")
        let other = try api.kubectl(["--token", alice, "get", "tenant", "team-b"])
        #expect(other.status == 1)
        #expect(other.stderr.contains(#"Error from server (Forbidden): tenants.platform.contain.dev "team-b" is forbidden: User "alice@example.test" cannot get resource "tenants" in API group "platform.contain.dev" at the cluster scope"#), "\(other.stderr)")
        let otherNamespace = try api.kubectl(["--token", alice, "get", "namespace", "team-b-dev"])
        #expect(otherNamespace.stderr.contains("Error from server (Forbidden)"))
        // Listing shows the owner their own tenant and namespaces only (a filter Kubernetes lacks).
        let tenants = try api.kubectl(["--token", alice, "get", "tenants", "-o", "name"])
        #expect(tenants.stdout == "tenant.platform.contain.dev/team-a\n", "\(tenants.stderr)")
        let namespaces = try api.kubectl(["--token", alice, "get", "namespaces"])
        #expect(namespaces.stdout.contains("team-a-dev") && !namespaces.stdout.contains("team-b-dev"), "\(namespaces.stdout)\(namespaces.stderr)")
        #expect(try api.kubectl(["--token", alice, "get", "tenants", "--watch-only", "--request-timeout", "2s"]).stderr.contains("Forbidden"))

        // kubectl auth can-i (protobuf SelfSubjectAccessReview) as alice, and as others through impersonation.
        #expect(try api.kubectl(["--token", alice, "auth", "can-i", "create", "networkpolicies", "-n", "team-a-dev"]).stdout == "yes\n")
        let no = try api.kubectl(["--token", alice, "auth", "can-i", "create", "networkpolicies", "-n", "team-b-dev"])
        #expect(no.stdout == "no\n")
        #expect(no.status == 1)
        #expect(try api.kubectl(["auth", "can-i", "create", "networkpolicies", "-n", "team-b-dev", "--as", "bob@example.test", "--as-group", "team-b"]).stdout == "yes\n")
        #expect(try api.kubectl(["auth", "can-i", "get", "secrets", "-n", "team-a-dev", "--as", "bob@example.test", "--as-group", "team-b"]).stdout == "no\n")
        let list = try api.kubectl(["--token", alice, "auth", "can-i", "--list", "-n", "team-a-dev"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("networkpolicies.networking.k8s.io"))
        #expect(list.stdout.contains("tenants.platform.contain.dev"))
        // alice may not impersonate.
        let impersonate = try api.kubectl(["--token", alice, "get", "tenant", "team-b", "--as", "root", "--as-group", "system:masters"])
        #expect(impersonate.stderr.contains("cannot impersonate"), "\(impersonate.stderr)")

        // Escalation: a team-a owner (admin in team-a-dev) may not bind cluster-admin there.
        let binding = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: grab, namespace: team-a-dev}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: alice@example.test}]

            """
        let escalation = try api.kubectl(["--token", alice, "create", "-f", try api.file("grab.yaml", binding)])
        #expect(escalation.status == 1)
        #expect(escalation.stderr.contains("is attempting to grant RBAC permissions not currently held"), "\(escalation.stderr)")
        let view = binding.replacingOccurrences(of: "name: cluster-admin", with: "name: view").replacingOccurrences(of: "name: grab", with: "name: viewers")
        #expect(try api.kubectl(["--token", alice, "create", "-f", try api.file("viewers.yaml", view)]).status == 0)

        // The audit log names the user and verb, and never holds a token.
        let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains(#""user":"alice@example.test""#) && $0.contains(#""code":403"#) })
        #expect(!lines.contains { $0.contains(alice) || $0.contains(String(alice.prefix(30))) })
    }

    @Test func garbageTokensAndHugeHeadersNeverCrashTheServer() async throws {
        let issuer = await TestIssuer()
        let (api, _) = try Self.start(issuer)
        let config = try String(contentsOfFile: api.kubeconfig, encoding: .utf8)
        let server = config.split(separator: "\n").first { $0.contains("server:") }!.split(separator: " ").last.map(String.init)!
        let ca = api.directory.appendingPathComponent("pki/ca.crt").path
        let valid = try await issuer.token(email: "carl@example.test", groups: ["team-a"])
        var generator = SystemRandomNumberGenerator()
        var tokens: [String] = []
        for index in 0..<1_000 {
            switch index % 5 {
            case 0: tokens.append(String((0..<Int.random(in: 1...400, using: &generator)).map { _ in "abcXYZ019-_.=+/".randomElement(using: &generator)! }))
            case 1:
                // One character of the signed part (header or claims) changed: the signature no longer matches.
                var characters = Array(valid)
                let position = index % valid.lastIndex(of: ".").map { valid.distance(from: valid.startIndex, to: $0) }!
                characters[position] = characters[position] == "A" ? "B" : "A"
                tokens.append(String(characters))
            case 2: tokens.append(Data((0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString() + "." + "eyJhbGciOiJub25lIn0" + ".")
            case 3: tokens.append("eyJhbGciOiJIUzI1NiIsImtpZCI6InRlc3Qta2V5In0." + String(valid.split(separator: ".")[1]) + ".c2ln")
            default: tokens.append(String(repeating: "x", count: 20_000 + index))
            }
        }
        // One curl process reads many requests from a config file: 1,000 bad tokens over real TLS.
        // Options reset at each `next`, so every entry names the CA and its own output.
        func entry(_ path: String, _ header: String) -> String {
            "url = \"\(server)\(path)\"\ncacert = \"\(ca)\"\nsilent\nheader = \"\(header)\"\noutput = /dev/null\nwrite-out = \"%{http_code}\\n\"\n"
        }
        var entries: [String] = []
        for token in tokens {
            let escaped = token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            entries.append(entry("/apis/platform.contain.dev/v1alpha1/tenants/team-a", "Authorization: Bearer \(escaped)"))
        }
        // curl reads config lines up to 100 KiB; 90,000 bytes is far above any real header.
        entries.append(entry("/version", "X-Huge: \(String(repeating: "h", count: 90_000))"))
        let curlConfig = entries.joined(separator: "next\n")
        let configPath = try api.file("curl.cfg", curlConfig)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-K", configPath]
        let out = Pipe()
        curl.standardOutput = out
        curl.standardError = FileHandle.nullDevice
        try curl.run()
        let codes = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        curl.waitUntilExit()
        #expect(codes.count == 1_001)
        #expect(["401", "431", "400"].contains(codes.last ?? ""), "\(codes.last ?? "none")")
        #expect(codes.prefix(1_000).allSatisfy { $0 == "401" }, "\(Set(codes.prefix(1_000)))")
        #expect(api.process.isRunning)
        #expect(try api.kubectl(["--token", valid, "get", "tenant", "team-a", "-o", "name"]).status == 0)
    }
}

@Suite("Client certificates signed by the CA (openssl, kubectl)", .serialized)
struct ClientCertificateEndToEndTests {
    /// Runs a command to completion, returning its exit status.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A client key and certificate for `subject`, signed by `caCert`/`caKey` with openssl.
    static func issue(subject: String, caCert: String, caKey: String, in directory: URL, name: String) throws -> (cert: String, key: String) {
        let key = directory.appendingPathComponent("\(name).key").path
        let csr = directory.appendingPathComponent("\(name).csr").path
        let cert = directory.appendingPathComponent("\(name).crt").path
        try run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key])
        try run(["openssl", "req", "-new", "-key", key, "-subj", subject, "-out", csr])
        try run(["openssl", "x509", "-req", "-in", csr, "-CA", caCert, "-CAkey", caKey, "-CAcreateserial", "-days", "1", "-out", cert])
        return (cert, key)
    }

    @Test func certificateUserAndGroupsAreAuthenticated() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", try api.file("tenants.yaml", SecurityEndToEndTests.tenants)]).status == 0)
        let pki = api.directory.appendingPathComponent("pki")
        let member = try Self.issue(subject: "/O=team-a/CN=carol", caCert: pki.appendingPathComponent("ca.crt").path,
                                    caKey: pki.appendingPathComponent("ca.key").path, in: api.directory, name: "carol")
        // The same subject signed by a CA the server does not know.
        let strangerCA = api.directory.appendingPathComponent("stranger-ca.key").path
        let strangerCert = api.directory.appendingPathComponent("stranger-ca.crt").path
        try Self.run(["openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", strangerCA])
        try Self.run(["openssl", "req", "-x509", "-new", "-key", strangerCA, "-subj", "/CN=stranger", "-days", "1", "-out", strangerCert])
        let forged = try Self.issue(subject: "/O=system:masters/CN=mallory", caCert: strangerCert, caKey: strangerCA, in: api.directory, name: "mallory")

        let admin = try String(contentsOfFile: api.kubeconfig, encoding: .utf8)
        func config(_ pair: (cert: String, key: String), _ name: String) throws -> String {
            let text = admin.replacingOccurrences(of: #"user:\n +token: [0-9a-f]+"#,
                                                  with: "user:\n    client-certificate: \(pair.cert)\n    client-key: \(pair.key)",
                                                  options: .regularExpression)
            return try api.file(name, text)
        }
        let carol = try config(member, "carol.kubeconfig")
        #expect(try api.kubectl(["--kubeconfig", carol, "get", "tenant", "team-a", "-o", "name"]).stdout == "tenant.platform.contain.dev/team-a\n")
        #expect(try api.kubectl(["--kubeconfig", carol, "get", "tenant", "team-b"]).stderr.contains(#"User "carol" cannot get resource "tenants""#))
        let mallory = try api.kubectl(["--kubeconfig", try config(forged, "mallory.kubeconfig"), "get", "tenants"])
        #expect(mallory.status == 1)
        #expect(mallory.stdout.isEmpty)
    }
}
