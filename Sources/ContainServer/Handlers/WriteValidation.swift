import ContainModel

/// `fieldValidation`: what to do with fields a typed kind does not know.
public enum FieldValidation: String, Sendable {
    case strict = "Strict"
    case warn = "Warn"
    case ignore = "Ignore"

    /// Reads the query parameter; unset means Strict, an unknown value is a 400.
    public init(query: String?) throws(APIError) {
        guard let query, !query.isEmpty else { self = .strict; return }
        guard let value = FieldValidation(rawValue: query) else {
            throw .badRequest("fieldValidation parameter unsupported: \(query)")
        }
        self = value
    }
}

/// Checks an object before it is written: strict decoding of typed kinds, metadata name rules,
/// and the per-object Cluster/Tenant validators. Pure.
public struct WriteValidation: Sendable {
    public var resource: APIResource
    public var fieldValidation: FieldValidation

    public init(resource: APIResource, fieldValidation: FieldValidation) {
        self.resource = resource
        self.fieldValidation = fieldValidation
    }

    /// The object to store (unknown fields dropped under `Ignore`/`Warn`) and warnings to send.
    public func check(_ object: JSONObject) throws(APIError) -> (object: JSONObject, warnings: [String]) {
        var object = object
        var warnings: [String] = []
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        var issues = metadataIssues(object)
        if let kind = resource.typedKind {
            do {
                _ = try ValueDecoder(rejectsUnknownFields: true).decode(kind, from: .object(object))
            } catch {
                let unknown = error.problems.filter { $0.kind == .unknownField }
                let other = error.problems.filter { $0.kind != .unknownField }
                if !unknown.isEmpty {
                    let messages = unknown.map { "unknown field \"\($0.path)\"" }
                    switch fieldValidation {
                    case .strict: throw .badRequest("strict decoding error: " + messages.joined(separator: ", "))
                    case .warn: warnings += messages
                    case .ignore: break
                    }
                    for problem in unknown.sorted(by: { $0.path > $1.path }) {
                        object = Self.removing(problem.path.components, from: object)
                    }
                }
                issues += other.map(APIError.issue)
            }
            if issues.isEmpty {
                let found = semanticIssues(object)
                issues += found.filter { $0.severity == .error }
                warnings += found.filter { $0.severity == .warning }.map(\.description)
            }
        }
        if !issues.isEmpty { throw APIError.invalid(resource, name: name, issues: issues) }
        return (object, warnings)
    }

    /// Name rules by kind: DNS labels for namespaces and Contain's kinds, path segments for RBAC,
    /// DNS subdomains otherwise.
    func metadataIssues(_ object: JSONObject) -> [FieldIssue] {
        let path = FieldPath("metadata")
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        if name.isEmpty { return [.required(path.child("name"), "name or generateName is required")] }
        let problems: [String]
        if resource.type.group == "rbac.authorization.k8s.io" {
            problems = NameRules.pathSegmentName(name)
        } else if (resource.type.group.isEmpty && resource.type.kind == "Namespace") || resource.type.group == PlatformGroup.name {
            problems = NameRules.dns1123Label(name)
        } else {
            problems = NameRules.dns1123Subdomain(name)
        }
        return problems.map { .invalid(path.child("name"), .string(name), $0) }
    }

    /// The Cluster and Tenant validators' findings.
    func semanticIssues(_ object: JSONObject) -> [FieldIssue] {
        let lenient = ValueDecoder(rejectsUnknownFields: false)
        if let kind = resource.typedKind, ObjectIdentifier(kind) == ObjectIdentifier(Cluster.self),
            let cluster = try? lenient.decode(Cluster.self, from: .object(object))
        {
            return ClusterValidator().validate(cluster)
        }
        if let kind = resource.typedKind, ObjectIdentifier(kind) == ObjectIdentifier(Tenant.self),
            let tenant = try? lenient.decode(Tenant.self, from: .object(object))
        {
            return TenantValidator().validate(tenant)
        }
        return []
    }

    /// `object` without the member at `path` (arrays are walked by index).
    static func removing(_ path: [FieldPath.Component], from object: JSONObject) -> JSONObject {
        guard case .object(let result) = removing(path[...], from: .object(object)) else { return object }
        return result
    }

    static func removing(_ path: ArraySlice<FieldPath.Component>, from value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, value) {
        case (.key(let key), .object(var object)):
            if rest.isEmpty { object[key] = nil } else if let child = object[key] { object[key] = removing(rest, from: child) }
            return .object(object)
        case (.index(let index), .array(var array)) where array.indices.contains(index):
            if !rest.isEmpty { array[index] = removing(rest, from: array[index]) }
            return .array(array)
        default:
            return value
        }
    }
}
