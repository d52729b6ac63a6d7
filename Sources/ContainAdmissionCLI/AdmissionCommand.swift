import ContainCommandSupport
import ArgumentParser
import ContainAdmission
import ContainModel
import ContainPolicy
import Foundation

/// `contain admission` (and the small `contain-admission` binary): the validating and mutating
/// webhook (AdmissionReview over HTTPS).
public struct AdmissionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "admission",
        abstract: "Serve the admission webhook: POST /validate and /mutate (admission.k8s.io/v1), GET /metrics.",
        discussion: """
            Tenants and their guardrails come from --platform; without an API to ask, a namespace's \
            Pod Security level is the tenant's, else --default-level at --default-version. \
            Without --tls-cert/--tls-key a CA and serving certificate are generated in --tls-dir \
            (reused on restart; --tls-san adds names such as the webhook Service's DNS name); the \
            CA certificate there is the webhook configuration's caBundle. --insecure-http serves \
            plain HTTP on a loopback address, for local tests.

            Example:
              contain admission --listen 0.0.0.0:8443 --tls-cert tls.crt --tls-key tls.key --platform platform.yaml
            """)

    @Option(help: "HOST:PORT to listen on (port 0 picks a free port).")
    var listen: String = "127.0.0.1:8443"

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key.")
    var tlsKey: String?

    @Option(name: .customLong("tls-dir"), help: "Directory for the generated CA and serving certificate.")
    var tlsDirectory: String = ".contain/admission-tls"

    @Option(name: .customLong("tls-san"), help: "Extra DNS name or IP of the generated certificate; repeatable.")
    var tlsNames: [String] = []

    @Flag(name: .customLong("insecure-http"), help: "Serve plain HTTP (loopback addresses only).")
    var insecureHTTP = false

    @Option(help: "Platform manifests (file or directory) holding the tenants; repeatable.")
    var platform: [String] = []

    @Option(name: .customLong("default-level"), help: "Pod Security level where no tenant applies: privileged, baseline or restricted.")
    var defaultLevel: String = "baseline"

    @Option(name: .customLong("default-version"), help: "Pod Security version: latest or v1.N.")
    var defaultVersion: String = "latest"

    func makeConfiguration() throws -> AdmissionServerConfiguration {
        guard let level = PodSecurityLevel(rawValue: defaultLevel) else {
            throw ValidationError("--default-level must be one of \(PodSecurityLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let version: PodSecurityVersion
        do { version = try PodSecurityVersion.parse(defaultVersion) } catch { throw ValidationError("--default-version: \(error)") }
        let address: (host: String, port: Int)
        do { address = try AdmissionServerConfiguration.parseListen(listen) } catch { throw ValidationError(error.description) }
        var directory = TenantDirectory()
        if !platform.isEmpty {
            let (sources, problems) = ManifestFiles.read(platform)
            let (loaded, diagnostics) = TenantDirectory.load(sources)
            let errors = problems + diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw ValidationError("--platform: " + errors.map(\.description).joined(separator: "\n")) }
            directory = loaded
        }
        let configuration = AdmissionServerConfiguration(
            host: address.host, port: address.port, tlsCertificatePath: tlsCert, tlsKeyPath: tlsKey,
            tlsDirectory: tlsDirectory, tlsNames: tlsNames, insecureHTTP: insecureHTTP,
            engine: AdmissionEngine(directory: directory, defaultPodSecurity: PodSecurityPolicy(level: level, version: version)))
        do { try configuration.check() } catch { throw ValidationError(error.description) }
        return configuration
    }

    public init() {}

    public func validate() throws { _ = try makeConfiguration() }

    public func run() throws {
        let configuration = try makeConfiguration()
        ProcessTuning.apply()
        AsyncCommand.run("admission") { try await AdmissionServer.run(configuration) }
    }
}
