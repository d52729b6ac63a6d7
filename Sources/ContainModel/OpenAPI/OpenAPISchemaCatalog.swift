/// The OpenAPI component schemas of a set of kinds, derived from their Swift types: one per
/// kind (`dev.contain.platform.v1alpha1.Tenant`, carrying `x-kubernetes-group-version-kind`),
/// one per list kind (`…TenantList`), and one per struct they use (`io.k8s.api.core.v1.PodSpec`,
/// `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`), referenced with `$ref`.
///
/// Nested types are named after the group-version of the first kind that reaches them, with the
/// core group first, then the other built-in groups, then the rest; so `PodSpec` is
/// `io.k8s.api.core.v1.PodSpec` in every document, as upstream names it.
public struct OpenAPISchemaCatalog: Sendable {
    /// Every component schema, by name.
    public let schemas: [String: OpenAPISchema]
    /// Types whose `init(from:)` could not be probed completely, with why. Empty for every
    /// type in `KindRegistry.standard`.
    public let problems: [String]

    /// The catalog of `kinds` (and everything they use).
    public init(kinds: [any KubeObject.Type]) {
        let generator = OpenAPISchemaGenerator()
        for kind in Self.namingOrder(kinds) { Self.add(kind, to: generator) }
        var schemas = generator.schemas
        BuiltInListRules.annotate(&schemas)
        self.schemas = schemas
        problems = generator.problems
    }

    /// The catalog of every kind in `KindRegistry.standard`.
    public static let standard = OpenAPISchemaCatalog(kinds: KindRegistry.standard.allTypes)

    /// The schema of any `Decodable` type with the components it references; for types that are
    /// not kinds (tests, ad hoc tooling). Structs are named under `dev.contain.model`.
    public static func derive(_ type: any Decodable.Type) -> (schema: OpenAPISchema, components: [String: OpenAPISchema]) {
        let generator = OpenAPISchemaGenerator()
        let schema = generator.schema(for: type)
        return (schema, generator.schemas)
    }

    /// The component name of a kind: reverse-DNS of its group, then version and kind.
    public static func componentName(for resource: ResourceType) -> String {
        componentPrefix(group: resource.group, version: resource.version) + "." + resource.kind
    }

    /// The component name of a kind's list (`…TenantList`).
    public static func listComponentName(for resource: ResourceType) -> String {
        componentName(for: resource) + "List"
    }

    /// The name prefix of a group-version as upstream writes it: `io.k8s.api.core.v1` for the
    /// core group, `io.k8s.api.networking.v1` for `networking.k8s.io/v1`, `io.k8s.api.apps.v1`
    /// for `apps/v1`, and the reversed DNS name otherwise (`dev.contain.platform.v1alpha1`).
    public static func componentPrefix(group: String, version: String) -> String {
        if group.isEmpty { return "io.k8s.api.core.\(version)" }
        if !group.contains(".") { return "io.k8s.api.\(group).\(version)" }
        if group.hasSuffix(".k8s.io") {
            let first = group.split(separator: ".").first.map(String.init) ?? group
            return "io.k8s.api.\(first).\(version)"
        }
        return group.split(separator: ".").reversed().joined(separator: ".") + "." + version
    }

    /// Whether a group is one of Kubernetes' own (core, a dotless group such as `apps`, or one
    /// under `k8s.io`): those accept strategic merge patches; custom groups do not.
    public static func isBuiltInGroup(_ group: String) -> Bool {
        group.isEmpty || !group.contains(".") || group.hasSuffix(".k8s.io")
    }

    /// The schema of a kind, if the catalog has it.
    public func schema(for kind: any KubeObject.Type) -> OpenAPISchema? {
        schemas[Self.componentName(for: kind.resourceType)]
    }

    /// `roots` and every component they reference, directly or not, sorted by name.
    public func reachableComponents(from roots: [String]) -> [String] {
        var seen: Set<String> = []
        var pending = roots
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let schema = schemas[name] else { continue }
            pending.append(contentsOf: schema.allReferences.compactMap { OpenAPISchema(ref: $0).referencedComponent })
        }
        return seen.filter { schemas[$0] != nil }.sorted()
    }

    /// The schema with every `$ref` replaced by the component it names, as CRD
    /// `openAPIV3Schema` needs. A reference deeper than `maximumDepth` (a recursive type)
    /// becomes a free-form object.
    public func inlined(_ schema: OpenAPISchema, maximumDepth: Int = 32) -> OpenAPISchema {
        guard maximumDepth > 0 else { return OpenAPISchema(type: .object, preserveUnknownFields: true) }
        var result = schema
        if let name = schema.referencedComponent {
            guard let target = schemas[name] else { return schema }
            result = inlined(target, maximumDepth: maximumDepth - 1)
            if let description = schema.description { result.description = description }
            return result
        }
        if schema.allOf.count == 1, schema.properties.isEmpty, schema.type == nil, let only = schema.allOf.first {
            var merged = inlined(only, maximumDepth: maximumDepth)
            if let description = schema.description { merged.description = description }
            if let value = schema.defaultValue { merged.defaultValue = value }
            return merged
        }
        result.properties = schema.properties.map { .init(name: $0.name, schema: inlined($0.schema, maximumDepth: maximumDepth - 1)) }
        result.items = schema.items.map { inlined($0, maximumDepth: maximumDepth - 1) }
        if case .schema(let value)? = schema.additionalProperties {
            result.additionalProperties = .schema(inlined(value, maximumDepth: maximumDepth - 1))
        }
        result.allOf = schema.allOf.map { inlined($0, maximumDepth: maximumDepth - 1) }
        result.anyOf = schema.anyOf.map { inlined($0, maximumDepth: maximumDepth - 1) }
        return result
    }

    /// Kinds in the order that decides which group-version names a shared type: the core group,
    /// then other built-in groups, then custom groups; by group, version and kind within those.
    static func namingOrder(_ kinds: [any KubeObject.Type]) -> [any KubeObject.Type] {
        func rank(_ type: any KubeObject.Type) -> Int {
            let group = type.resourceType.group
            return group.isEmpty ? 0 : (isBuiltInGroup(group) ? 1 : 2)
        }
        return kinds.sorted { lhs, rhs in
            let l = lhs.resourceType, r = rhs.resourceType
            if rank(lhs) != rank(rhs) { return rank(lhs) < rank(rhs) }
            return (l.group, l.version, l.kind) < (r.group, r.version, r.kind)
        }
    }

    private static func add(_ kind: any KubeObject.Type, to generator: OpenAPISchemaGenerator) {
        let resource = kind.resourceType
        generator.context = componentPrefix(group: resource.group, version: resource.version)
        let name = generator.component(for: kind, named: componentName(for: resource))
        generator.update(name) { schema in
            decorateKind(&schema, resource: resource, kind: resource.kind)
            for (field, text) in standardDescriptions(kind: resource.kind) where schema.property(field) != nil {
                guard let index = schema.properties.firstIndex(where: { $0.name == field }),
                    schema.properties[index].schema.description == nil
                else { continue }
                schema.properties[index].schema = schema.properties[index].schema.described(text)
            }
        }
        let listName = generator.component(for: listType(of: kind), named: listComponentName(for: resource))
        generator.update(listName) { schema in
            decorateKind(&schema, resource: resource, kind: resource.kind + "List")
            schema.description = "\(resource.kind)List is a list of \(resource.kind)."
            let texts = standardDescriptions(kind: resource.kind + "List").merging(
                ["metadata": listMetadataDescription, "items": "List of \(resource.kind.lowercased())s."]) { $1 }
            for index in schema.properties.indices {
                guard let text = texts[schema.properties[index].name] else { continue }
                schema.properties[index].schema = schema.properties[index].schema.described(text)
            }
        }
    }

    private static func listType<K: KubeObject>(of kind: K.Type) -> any Decodable.Type { ObjectList<K>.self }

    /// Adds the group-version-kind and relaxes `required` as upstream's kinds do: `apiVersion`,
    /// `kind` and `metadata` are filled in by the server and never required.
    private static func decorateKind(_ schema: inout OpenAPISchema, resource: ResourceType, kind: String) {
        schema.groupVersionKinds = [.init(group: resource.group, version: resource.version, kind: kind)]
        schema.required.removeAll { ["apiVersion", "kind", "metadata"].contains($0) }
    }

    private static let listMetadataDescription =
        "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"

    private static func standardDescriptions(kind: String) -> [String: String] {
        [
            "apiVersion": "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
            "kind": "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
            "metadata": "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
            "spec": "The desired state of the \(kind).",
            "status": "The most recently observed state of the \(kind). Populated by the system. Read-only.",
        ]
    }
}
