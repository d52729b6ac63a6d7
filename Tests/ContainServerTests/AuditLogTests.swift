import ContainModel
import Foundation
import Testing

@testable import ContainServer

@Suite("Audit log")
struct AuditLogTests {
    static func entry(_ index: Int) -> AuditLog.Entry {
        AuditLog.Entry(time: Date(), requestID: "r\(index)", user: "alice", groups: ["team-a", "system:authenticated"],
                       impersonatedBy: nil, verb: "get", apiGroup: "", resource: "secrets", subresource: "", namespace: "ns",
                       name: "db", path: "/api/v1/namespaces/ns/secrets/db", code: 200, latencySeconds: 0.001, sourceIP: "127.0.0.1")
    }

    @Test func oneJSONLinePerRequestAndRotationBySize() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).log").path
        let log = try AuditLog(path: path, maximumBytes: 2_000)
        for index in 0..<30 { log.record(Self.entry(index)) }
        let current = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let rotated = try String(contentsOfFile: path + ".1", encoding: .utf8).split(separator: "\n")
        #expect(!current.isEmpty && !rotated.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count <= 2_000)
        let last = try JSONReader.value(String(current.last!))
        #expect(last["requestID"] == "r29")
        #expect(last["user"] == "alice")
        #expect(last["resource"] == "secrets")
        #expect(last["code"] == 200)
        #expect(((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int) == 0o600)
    }
}
