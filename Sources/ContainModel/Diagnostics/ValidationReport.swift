/// The outcome of validating a set of files: counts and every diagnostic, printable for people
/// (`file:line:col: field: message` lines) or as JSON for machines.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// Files read.
    public var files: Int
    /// Objects read.
    public var objects: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Diagnostic]

    public init(files: Int, objects: Int, diagnostics: [Diagnostic]) {
        self.files = files
        self.objects = objects
        self.diagnostics = diagnostics.sorted()
        self.errors = diagnostics.filter { $0.severity == .error }.count
        self.warnings = diagnostics.count - errors
    }

    /// Whether nothing blocks the platform.
    public var isValid: Bool { errors == 0 }

    /// One line per diagnostic, then a summary line.
    public var text: String {
        var lines = diagnostics.map(\.description)
        let summary = "\(objects) object\(objects == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"): "
            + (errors == 0 ? "valid" : "\(errors) error\(errors == 1 ? "" : "s")")
            + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as indented JSON.
    public var json: String {
        let value = (try? ValueEncoder().encode(self)) ?? .null
        return JSONWriter.pretty(value, indent: 2) + "\n"
    }
}

/// A source text to validate, as read from a file.
public struct ManifestSource: Sendable {
    /// The path as the user gave it, used in messages.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// `contain validate` without the file system: read every source, decode strictly, validate the
/// platform they form together, and report.
public struct PlatformCheck: Sendable {
    public var loader: ManifestLoader
    public var validator: PlatformValidator

    public init(loader: ManifestLoader = ManifestLoader(), validator: PlatformValidator = PlatformValidator()) {
        self.loader = loader
        self.validator = validator
    }

    /// Validates the sources as one platform. `extraDiagnostics` carries problems found before
    /// reading (an unreadable file, say).
    public func run(_ sources: [ManifestSource], extraDiagnostics: [Diagnostic] = []) -> ValidationReport {
        var set = ManifestSet()
        for source in sources { set.append(loader.load(source.text, file: source.path)) }
        let diagnostics = extraDiagnostics + set.diagnostics + validator.validate(set.manifests)
        return ValidationReport(files: sources.count, objects: set.manifests.count, diagnostics: diagnostics)
    }
}
