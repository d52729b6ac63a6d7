import ContainGitOps
import ContainModel
import Foundation
import Testing

@Suite("render --commit with real git")
struct GitPublisherTests {
    @Test func commitsOnlyWhenSomethingChanged() throws {
        let repository = try Support.temporaryDirectory("repo")
        defer { try? FileManager.default.removeItem(at: repository) }
        #expect(try Support.run("/usr/bin/git", ["init", "--quiet", "-b", "main", repository.path]).status == 0)
        try Data("fleet\n".utf8).write(to: repository.appendingPathComponent("README.md"))

        var input = try Support.exampleInput()
        let publisher = GitPublisher(repository: repository)
        guard case .committed(_, let first) = try publisher.publish(try GitOpsRenderer.render(input).tree) else {
            Issue.record("first render was not committed")
            return
        }
        #expect(first.hasPrefix("contain render: dev, prod, prod-ledger, staging"))
        #expect(try publisher.publish(try GitOpsRenderer.render(input).tree) == .unchanged)
        #expect(Self.commitCount(repository) == 1)

        let index = try #require(input.tenants.firstIndex { $0.name == "risk" })
        input.tenants[index].spec.quota?.pods = 240
        guard case .committed(_, let second) = try publisher.publish(try GitOpsRenderer.render(input).tree) else {
            Issue.record("quota change was not committed")
            return
        }
        #expect(second == "contain render: prod\n\nprod: 1 modified (tenants/risk/tenant/tenant.yaml)\n")
        #expect(Self.commitCount(repository) == 2)

        // A tenant that leaves a cluster takes its files with it; files outside clusters/ stay.
        input.tenants.removeAll { $0.name == "risk" }
        guard case .committed(_, let third) = try publisher.publish(try GitOpsRenderer.render(input).tree) else {
            Issue.record("removal was not committed")
            return
        }
        #expect(third.contains("prod: 1 modified, 7 removed"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("clusters/prod/tenants/risk").path))
        #expect(FileManager.default.fileExists(atPath: repository.appendingPathComponent("README.md").path))
        let status = try Support.run("/usr/bin/git", ["-C", repository.path, "status", "--porcelain", "clusters"])
        #expect(status.stdout.isEmpty)
    }

    static func commitCount(_ repository: URL) -> Int {
        let output = try? Support.run("/usr/bin/git", ["-C", repository.path, "rev-list", "--count", "HEAD"])
        return Int(output?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }
}
