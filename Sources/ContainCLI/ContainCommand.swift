import ContainAdmissionCLI
import ArgumentParser
import ContainModel

/// The `contain` command: one binary for every part of the platform's control plane.
@main
struct ContainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contain",
        abstract: "Control plane for managed, multi-tenant Kubernetes platforms.",
        discussion: """
            Describe the platform's clusters and tenants as Kubernetes-style YAML \
            (apiVersion \(ContainVersion.apiVersion)); contain checks it before anything reaches a cluster.

            Examples:
              contain validate examples/            check every manifest under a directory
              contain validate -o json platform.yaml
              contain bench validate --objects 10000
              contain verify examples/platform.yaml  prove tenant isolation from the spec
              contain netpol matrix --port 80/TCP manifests/
              contain netpol explain --from shop/web --to shop/db --port 5432/TCP manifests/
              contain policy check --platform platform.yaml deploy/
            """,
        version: ContainVersion.current,
        subcommands: [ValidateCommand.self, VersionCommand.self, BenchCommand.self, ServeCommand.self, UpCommand.self,
                      OperatorCommand.self, NetpolCommand.self, VerifyCommand.self, RenderCommand.self, CRDsCommand.self,
                      PolicyCommand.self, AdmissionCommand.self]
    )
}

/// `contain version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("contain \(ContainVersion.current) (API \(ContainVersion.apiVersion))")
    }
}
