import ContainTLS
import Foundation
import Testing
import X509

@Suite("TLS material in the data directory")
struct ServerTLSMaterialTests {
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("contain-tls-\(UUID().uuidString)").path
        return path
    }

    @Test func firstStartWritesCAAndServingCertificateWithOwnerOnlyPermissions() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let material = try ServerTLSMaterial.loadOrCreate(directory: directory, extraNames: [try SubjectAlternativeName(parsing: "api.example.test")])
        for name in ["ca.crt", "ca.key", "apiserver.crt", "apiserver.key"] {
            #expect(SecretFile.permissions((directory as NSString).appendingPathComponent(name)) == 0o600, "\(name)")
        }
        #expect(SecretFile.permissions(directory) == 0o700)
        let serving = try Certificate(pemEncoded: material.servingCertificatePEM)
        #expect(material.authority.signed(serving))
        let names = try #require(try serving.extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("localhost")))
        #expect(names.contains(.dnsName("api.example.test")))
        #expect(names.contains(.ipAddress(.init(contentBytes: [127, 0, 0, 1]))))
        #expect(material.clientTrustPEM == (try material.authority.certificatePEM))
        _ = try material.serverConfiguration()
    }

    @Test func restartReusesTheSameFiles() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try ServerTLSMaterial.loadOrCreate(directory: directory)
        let second = try ServerTLSMaterial.loadOrCreate(directory: directory)
        #expect(first.servingCertificatePEM == second.servingCertificatePEM)
        #expect(first.servingKeyPEM == second.servingKeyPEM)
        #expect(try first.authority.certificatePEM == second.authority.certificatePEM)
    }

    @Test func aNewSANReissuesTheServingCertificateUnderTheSameCA() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try ServerTLSMaterial.loadOrCreate(directory: directory)
        let second = try ServerTLSMaterial.loadOrCreate(directory: directory, extraNames: [try SubjectAlternativeName(parsing: "10.1.2.3")])
        #expect(first.servingCertificatePEM != second.servingCertificatePEM)
        #expect(try first.authority.certificatePEM == second.authority.certificatePEM)
        let serving = try Certificate(pemEncoded: second.servingCertificatePEM)
        #expect(try serving.extensions.subjectAlternativeNames?.contains(.ipAddress(.init(contentBytes: [10, 1, 2, 3]))) == true)
    }

    @Test func aServingCertificateNearExpiryIsRenewed() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try ServerTLSMaterial.loadOrCreate(directory: directory)
        let later = Date().addingTimeInterval(350 * 86_400)
        let second = try ServerTLSMaterial.loadOrCreate(directory: directory, now: later)
        #expect(first.servingCertificatePEM != second.servingCertificatePEM)
    }

    @Test func providedCertificateAndKeyAreUsedAndCheckedToMatch() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let otherCA = try CertificateAuthority.generate(commonName: "corporate-ca")
        let issued = try otherCA.issueServingCertificate(names: [.dns("api.corp.test")])
        let chain = try issued.certificatePEM + "\n" + (try otherCA.certificatePEM) + "\n"
        let certFile = directory + "/serving.crt", keyFile = directory + "/serving.key", wrongKey = directory + "/wrong.key"
        try SecretFile.write(chain, to: certFile)
        try SecretFile.write(try issued.privateKeyPEM, to: keyFile)
        try SecretFile.write(try otherCA.privateKeyPEM, to: wrongKey)
        let material = try ServerTLSMaterial.load(directory: directory + "/pki", certificateFile: certFile, keyFile: keyFile)
        #expect(material.servingCertificatePEM == chain)
        #expect(material.clientTrustPEM == (try otherCA.certificatePEM))
        _ = try material.serverConfiguration()
        let mismatch = #expect(throws: TLSError.self) {
            try ServerTLSMaterial.load(directory: directory + "/pki", certificateFile: certFile, keyFile: wrongKey)
        }
        #expect(mismatch?.description.contains("does not belong") == true)
        let garbage = directory + "/garbage.crt"
        try SecretFile.write("not a certificate", to: garbage)
        let bad = #expect(throws: TLSError.self) {
            try ServerTLSMaterial.load(directory: directory + "/pki", certificateFile: garbage, keyFile: keyFile)
        }
        #expect(bad?.description.contains(garbage) == true)
    }

    @Test func aMissingCAKeyIsAnErrorNotASilentNewCA() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try ServerTLSMaterial.loadOrCreate(directory: directory)
        try FileManager.default.removeItem(atPath: directory + "/ca.key")
        let error = #expect(throws: TLSError.self) { try ServerTLSMaterial.loadOrCreate(directory: directory) }
        #expect(error?.description.contains("ca.key is missing") == true)
    }

    @Test func clientCertificatesCarryUserAndGroups() throws {
        let ca = try CertificateAuthority.generate()
        let client = try ca.issueClientCertificate(user: "alice", groups: ["team-a", "system:masters"])
        let identity = try #require(CertificateIdentity(client.certificate))
        #expect(identity.user == "alice")
        #expect(identity.groups == ["team-a", "system:masters"])
        #expect(ca.signed(client.certificate))
        let stranger = try CertificateAuthority.generate()
        #expect(!stranger.signed(client.certificate))
        #expect(!ca.signed(client.certificate, at: Date().addingTimeInterval(400 * 86_400)))
    }

    @Test func subjectAlternativeNamesParse() throws {
        #expect(try SubjectAlternativeName(parsing: "10.0.0.1") == .ip([10, 0, 0, 1]))
        #expect(try SubjectAlternativeName(parsing: "::1") == .ip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))
        #expect(try SubjectAlternativeName(parsing: "API.Example.test") == .dns("api.example.test"))
        #expect(throws: TLSError.self) { try SubjectAlternativeName(parsing: "bad name") }
        #expect(throws: TLSError.self) { try SubjectAlternativeName(parsing: "") }
        #expect(SubjectAlternativeName.ip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).description == "0:0:0:0:0:0:0:1")
    }
}
