import ContainModel
import Foundation
import Synchronization

/// One JSON line per request: time, request ID, user, groups, verb, resource, namespace, name,
/// response code and latency. Never a token, a header, or a body (so never a Secret's data).
/// The file is rotated when it passes `maximumBytes`: `audit.log` → `audit.log.1` (one kept).
public final class AuditLog: Sendable {
    /// One audited request.
    public struct Entry: Sendable {
        public var time: Date
        public var requestID: String
        public var user: String
        public var groups: [String]
        public var impersonatedBy: String?
        public var verb: String
        public var apiGroup: String
        public var resource: String
        public var subresource: String
        public var namespace: String
        public var name: String
        public var path: String
        public var code: Int
        public var latencySeconds: Double
        public var sourceIP: String?

        var json: String {
            var object: JSONObject = [
                "time": .string(Time(time).rfc3339), "requestID": .string(requestID), "user": .string(user),
                "groups": .array(groups.map(JSONValue.string)), "verb": .string(verb),
            ]
            if let impersonatedBy { object["impersonatedBy"] = .string(impersonatedBy) }
            if resource.isEmpty {
                object["path"] = .string(path)
            } else {
                object["apiGroup"] = .string(apiGroup)
                object["resource"] = .string(resource)
                if !subresource.isEmpty { object["subresource"] = .string(subresource) }
                if !namespace.isEmpty { object["namespace"] = .string(namespace) }
                if !name.isEmpty { object["name"] = .string(name) }
            }
            object["code"] = .integer(Int64(code))
            object["latencySeconds"] = .double((latencySeconds * 1e6).rounded() / 1e6)
            if let sourceIP { object["sourceIP"] = .string(sourceIP) }
            return JSONWriter.compact(.object(object))
        }
    }

    public let path: String
    public let maximumBytes: Int
    private struct State {
        var handle: FileHandle?
        var size: Int
    }
    private let state: Mutex<State>

    public init(path: String, maximumBytes: Int = 100 * 1024 * 1024) throws {
        self.path = path
        self.maximumBytes = maximumBytes
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ServerConfiguration.Problem("--audit-log \(path): cannot create the file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ServerConfiguration.Problem("--audit-log \(path): cannot open the file for writing")
        }
        let size = Int(handle.seekToEndOfFile())
        state = Mutex(State(handle: handle, size: size))
    }

    /// Appends one entry, rotating first when the file is full.
    public func record(_ entry: Entry) {
        let line = Data((entry.json + "\n").utf8)
        state.withLock { state in
            if state.size + line.count > maximumBytes, state.size > 0 {
                try? state.handle?.close()
                let rotated = path + ".1"
                try? FileManager.default.removeItem(atPath: rotated)
                try? FileManager.default.moveItem(atPath: path, toPath: rotated)
                FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
                state.handle = FileHandle(forWritingAtPath: path)
                state.size = 0
            }
            state.handle?.write(line)
            state.size += line.count
        }
    }
}
