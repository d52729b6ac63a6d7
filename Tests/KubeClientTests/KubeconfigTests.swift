import Foundation
import KubeClient
import Testing

@Suite("Kubeconfig")
struct KubeconfigTests {
    static let sample = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: prod
          cluster:
            server: https://10.0.0.1:6443/
            certificate-authority-data: \(Data("-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n".utf8).base64EncodedString())
        - name: lab
          cluster:
            server: https://lab.example.com
            insecure-skip-tls-verify: true
            tls-server-name: api.lab
        contexts:
        - name: prod
          context: {cluster: prod, user: admin, namespace: team-a}
        - name: lab
          context: {cluster: lab, user: robot}
        users:
        - name: admin
          user:
            client-certificate: certs/admin.crt
            client-key-data: \(Data("KEY".utf8).base64EncodedString())
        - name: robot
          user:
            token: s3cr3t
        """

    @Test func currentContextResolvesClusterUserAndNamespace() throws {
        let directory = NSTemporaryDirectory() + "kubeconfig-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/certs", withIntermediateDirectories: true)
        try "CERT".write(toFile: directory + "/certs/admin.crt", atomically: true, encoding: .utf8)
        let config = try Kubeconfig(yaml: Self.sample, baseDirectory: directory)
        let prod = try config.configuration()
        #expect(prod.server == "https://10.0.0.1:6443")
        #expect(prod.namespace == "team-a")
        #expect(prod.usesTLS)
        #expect(String(decoding: prod.certificateAuthorityPEM ?? [], as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(prod.clientCertificatePEM == Array("CERT".utf8))  // relative to the kubeconfig's directory
        #expect(prod.clientKeyPEM == Array("KEY".utf8))
        #expect(prod.token == nil)
        #expect(!prod.insecureSkipTLSVerify)
    }

    @Test func namedContextWithTokenAndInsecureSkipVerify() throws {
        let lab = try Kubeconfig(yaml: Self.sample).configuration(context: "lab")
        #expect(lab.server == "https://lab.example.com")
        #expect(lab.token == "s3cr3t")
        #expect(lab.insecureSkipTLSVerify)
        #expect(lab.tlsServerName == "api.lab")
        #expect(lab.namespace == "default")
    }

    @Test func problemsAreNamed() throws {
        #expect(throws: KubeconfigError.self) { try Kubeconfig(yaml: Self.sample).configuration(context: "missing") }
        do {
            _ = try Kubeconfig(yaml: "clusters:\n- name: x\n  cluster: {}\n", file: "bad.yaml")
            Issue.record("a cluster without server was accepted")
        } catch {
            #expect(error.description.contains("bad.yaml"))
            #expect(error.description.contains("cluster.server is required"))
        }
        do {
            _ = try Kubeconfig(yaml: "clusters:\n- name: x\n  cluster: {server: 'https://a', certificate-authority-data: '%%%'}\n", file: "b.yaml")
            Issue.record("invalid base64 was accepted")
        } catch {
            #expect(error.description.contains("certificate-authority-data: not valid base64"))
        }
    }

    @Test func unusableTLSMaterialFailsClientCreation() throws {
        let config = KubeClientConfiguration(server: "https://127.0.0.1:1", certificateAuthorityPEM: Array("not a certificate".utf8))
        #expect(throws: (any Error).self) { _ = try KubeClient(configuration: config) }
    }
}
