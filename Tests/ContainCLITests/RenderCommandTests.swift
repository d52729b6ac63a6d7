import Foundation
import Testing

@Suite("contain render and contain crds (end to end)")
struct RenderCommandTests {
    @Test func crdsOutputIsWhatDeployCommits() throws {
        let result = try ContainProcess.run(["crds"])
        #expect(result.status == 0)
        let committed = try String(contentsOf: ContainProcess.repositoryRoot.appendingPathComponent("deploy/crds.yaml"), encoding: .utf8)
        #expect(result.stdout == committed)
        #expect(result.stdout.contains("name: tenants.platform.contain.dev"))
    }

    @Test func renderCommitsOnceThenReportsNoChanges() throws {
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("contain-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: repository) }
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["init", "--quiet", repository.path]
        try git.run()
        git.waitUntilExit()
        let first = try ContainProcess.run(["render", "examples/platform.yaml", "--commit", repository.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("committed "))
        #expect(first.stdout.contains("contain render: dev, prod, prod-ledger, staging"))
        let second = try ContainProcess.run(["render", "examples/platform.yaml", "--commit", repository.path])
        #expect(second.status == 0)
        #expect(second.stdout == "no changes; nothing committed\n")
    }

    @Test func explainOrderPrintsEveryCluster() throws {
        let result = try ContainProcess.run(["render", "examples/platform.yaml", "--explain-order"])
        #expect(result.status == 0)
        for cluster in ["dev", "staging", "prod", "prod-ledger"] { #expect(result.stdout.contains("cluster \(cluster)\n")) }
        #expect(result.stdout.contains("Kustomization/flux-system/infrastructure-configs  [wait: true]"))
    }

    @Test func aSecretIsRejectedWithItsLocation() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("contain-secret-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: web}\nstringData: {k: v}\n".utf8).write(to: file)
        let result = try ContainProcess.run(["render", file.path, "-o", FileManager.default.temporaryDirectory.path + "/never"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):2:1: kind: a Secret is never written to Git"))
        #expect(result.stderr.contains("ExternalSecret"))
    }
}
