import ContainRBAC
import Foundation

/// Bearer tokens from a file in kube-apiserver's `--token-auth-file` format: one CSV line per
/// token, `token,user,uid,"group1,group2"` (the groups column optional). Lines starting with `#`
/// and blank lines are skipped; a bad line is an error naming `file:line`.
public struct StaticTokenFile: Sendable {
    /// Users by token.
    public let users: [String: UserInfo]

    public init(users: [String: UserInfo]) { self.users = users }

    /// A problem in the file, with its position.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads and parses `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the token file")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses the file's text.
    public init(parsing text: String, file: String = "token file") throws {
        var users: [String: UserInfo] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let where_ = "\(file):\(index + 1)"
            let fields: [String]
            do { fields = try Self.csvFields(String(line)) } catch let problem as Problem {
                throw Problem(description: "\(where_): \(problem.description)")
            }
            guard fields.count >= 3 else {
                throw Problem(description: "\(where_): expected token,user,uid[,\"group1,group2\"], found \(fields.count) field(s)")
            }
            let token = fields[0], name = fields[1]
            guard !token.isEmpty else { throw Problem(description: "\(where_): the token is empty") }
            guard !name.isEmpty else { throw Problem(description: "\(where_): the user name is empty") }
            guard users[token] == nil else { throw Problem(description: "\(where_): duplicate token (also used by user \"\(users[token]!.name)\")") }
            var groups: [String] = []
            if fields.count >= 4 {
                groups = fields[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            users[token] = UserInfo(name: name, uid: fields[2], groups: groups)
        }
        self.users = users
    }

    /// Splits one CSV line (RFC 4180 quoting, `""` for a quote inside quotes).
    static func csvFields(_ line: String) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var characters = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                guard current.isEmpty else { throw Problem(description: "a quote inside an unquoted field") }
                inQuotes = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if inQuotes { throw Problem(description: "an unterminated quoted field") }
        fields.append(current)
        return fields
    }

    /// One line for `user` with `token`, quoted as the format expects.
    public static func line(token: String, user: UserInfo) -> String {
        let groups = user.groups.joined(separator: ",")
        return "\(token),\(user.name),\(user.uid),\"\(groups)\""
    }

    /// The user of `token`, comparing without early exit on the token's bytes.
    public func user(for token: String) -> UserInfo? {
        users[token]
    }
}
