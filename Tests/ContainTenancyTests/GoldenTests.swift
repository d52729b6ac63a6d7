import ContainModel
import ContainTenancy
import Foundation
import Testing

/// Byte-for-byte comparison of each example placement's YAML with its reviewed golden file
/// `Golden/<tenant>@<cluster>.yaml`. Set `CONTAIN_UPDATE_GOLDEN=1` to rewrite them (then review!).
@Suite struct GoldenTests {
    static let cases: [String] = Fixtures.placements.map { "\($0.0.name)@\($0.1.name)" }

    @Test func exampleLoads() {
        #expect(Fixtures.example.clusters.map(\.name) == ["dev", "staging", "prod", "prod-ledger"])
        #expect(Fixtures.example.tenants.count == 7)
        #expect(Self.cases.count == 13)
    }

    @Test(arguments: cases)
    func matchesGolden(_ key: String) throws {
        let parts = key.split(separator: "@").map(String.init)
        let tenant = try #require(Fixtures.tenant(parts[0]))
        let cluster = try #require(Fixtures.cluster(parts[1]))
        let actual = Fixtures.state(tenant, cluster).yaml()
        let url = Fixtures.goldenDirectory.appendingPathComponent("\(key).yaml")
        if ProcessInfo.processInfo.environment["CONTAIN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Fixtures.goldenDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(actualLines, expectedLines)).firstIndex { $0.0 != $0.1 } ?? min(actualLines.count, expectedLines.count)
            let got = line < actualLines.count ? String(actualLines[line]) : "<end of output>"
            let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of golden file>"
            Issue.record("""
                \(key): output differs from Golden/\(key).yaml at line \(line + 1)
                  golden: \(want)
                  actual: \(got)
                (rerun with CONTAIN_UPDATE_GOLDEN=1 only after reviewing the change)
                """)
        }
    }

    @Test func dedicatedClusterTenantsOnlyOnTheirCluster() throws {
        // The example's `prod-ledger` holds only `ledger`, so its golden file is non-empty.
        let ledger = try #require(Fixtures.tenant("ledger"))
        let cluster = try #require(Fixtures.cluster("prod-ledger"))
        #expect(!Fixtures.state(ledger, cluster).isEmpty)
    }
}
