import ContainModel

/// What `contain policy check` found: violations in every mode and manifests that could not be read.
public struct PolicyCheckReport: Sendable {
    public var files: Int
    public var objects: Int
    public var findings: [PolicyFinding]
    /// Files or documents that could not be read or decoded.
    public var diagnostics: [Diagnostic]

    /// Violations that refuse an object.
    public var enforced: Int { findings.filter { $0.violation.mode == .enforce }.count }

    /// Whether nothing would be refused and everything could be read.
    public var passed: Bool { enforced == 0 && diagnostics.allSatisfy { $0.severity != .error } }

    /// One line per problem, then a summary line.
    public var text: String {
        var lines = diagnostics.map(\.description)
        lines += findings.map(\.text)
        let warnings = findings.count - enforced
        lines.append("\(files) \(files == 1 ? "file" : "files"), \(objects) \(objects == 1 ? "object" : "objects"): "
            + "\(enforced) enforced \(enforced == 1 ? "violation" : "violations"), \(warnings) warn/audit, \(diagnostics.count) unreadable")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON for CI systems.
    public var json: String {
        let value: JSONValue = .object([
            "files": .integer(Int64(files)), "objects": .integer(Int64(objects)),
            "enforced": .integer(Int64(enforced)), "passed": .bool(passed),
            "findings": .array(findings.map(\.json)),
            "diagnostics": .array(diagnostics.map { diagnostic in
                var object: JSONObject = [:]
                if let file = diagnostic.file { object["file"] = .string(file) }
                if let line = diagnostic.line { object["line"] = .integer(Int64(line)) }
                object["message"] = .string(diagnostic.description)
                return .object(object)
            }),
        ])
        return JSONWriter.pretty(value, indent: 2) + "\n"
    }
}
