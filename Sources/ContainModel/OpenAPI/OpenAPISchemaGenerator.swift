/// Derives OpenAPI schemas from Swift `Decodable` types by probing their `init(from:)` with
/// ``OpenAPIProbeDecoder``. Every struct becomes a named component (so recursion and shared types
/// such as `Probe` are emitted once and referenced with `$ref`); scalars, string enums,
/// containers and ``OpenAPISchemaProviding`` leaves are inlined.
///
/// A struct is named after the API group-version it is first reached from (`context`), except
/// the apimachinery types, which keep their upstream names. Not thread-safe; used by one caller.
///
/// Limits of probing, none of which any type in `KindRegistry.standard` hits (its `problems`
/// are empty, which a test checks):
/// - members read through `nestedContainer`/`nestedUnkeyedContainer`/`superDecoder(forKey:)`
///   are recorded as free-form (`x-kubernetes-preserve-unknown-fields`), not followed;
/// - a map read by iterating `allKeys` is seen only if its `CodingKey` accepts any string;
/// - a `String`-backed enum that is not `CaseIterable` becomes a plain string (no `enum`);
/// - a type whose `init(from:)` rejects every placeholder answer (`""`, `0`, `"0"`, an RFC 3339
///   time, `"a"`) stops the probe of the type that requires it; that is listed in `problems`,
///   and such a type should conform to ``OpenAPISchemaProviding``, as `Quantity`, `IntOrString`,
///   `Time`, `JSONValue`, `JSONObject` and `UnstructuredObject` do.
final class OpenAPISchemaGenerator {
    /// Component schemas by name.
    private(set) var schemas: [String: OpenAPISchema] = [:]
    /// Types that could not be probed completely, with why.
    private(set) var problems: [String] = []
    /// The component name prefix for newly met types (`io.k8s.api.core.v1`).
    var context = "dev.contain.model"

    private var names: [ObjectIdentifier: String] = [:]
    private var owners: [String: ObjectIdentifier] = [:]
    private let placeholders = OpenAPIPlaceholderFactory()

    /// Types named as upstream names them wherever they are met: the `metav1` types, and core
    /// types that only Contain's own kinds reach (so they would otherwise be named for them).
    private static let upstreamNames: [ObjectIdentifier: String] = {
        let meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
        let types: [(any Decodable.Type, String)] = [
            (ObjectMeta.self, "ObjectMeta"), (ListMeta.self, "ListMeta"), (OwnerReference.self, "OwnerReference"),
            (ManagedFieldsEntry.self, "ManagedFieldsEntry"), (Condition.self, "Condition"),
            (LabelSelector.self, "LabelSelector"), (LabelSelectorRequirement.self, "LabelSelectorRequirement"),
            (TypeMeta.self, "TypeMeta"), (Status.self, "Status"), (StatusDetails.self, "StatusDetails"),
            (StatusCause.self, "StatusCause"),
        ]
        var names: [ObjectIdentifier: String] = [:]
        for (type, name) in types { names[ObjectIdentifier(type)] = meta + name }
        names[ObjectIdentifier(Taint.self)] = "io.k8s.api.core.v1.Taint"
        return names
    }()

    /// The schema of `type` where it is used: inline, or a `$ref` to its component.
    func schema(for type: any Decodable.Type) -> OpenAPISchema {
        if let provider = type as? any OpenAPISchemaProviding.Type { return provider.openAPISchema }
        if let container = type as? any OpenAPIContainerType.Type {
            switch container.openAPIContainer {
            case .array(let element): return .array(of: schema(for: element))
            case .map(let value): return .map(of: schema(for: value))
            case .optional(let wrapped): return schema(for: wrapped)
            }
        }
        if let scalar = Self.scalarSchema(type) { return scalar }
        if let enumType = type as? any OpenAPIStringCases.Type { return enumSchema(enumType) }
        return .reference(to: component(for: type))
    }

    /// The schema of a standard scalar type, or nil.
    static func scalarSchema(_ type: any Any.Type) -> OpenAPISchema? {
        switch type {
        case is String.Type: .string
        case is Bool.Type: .boolean
        case is Int.Type: .integer
        case is Int8.Type, is Int16.Type, is Int32.Type, is UInt8.Type, is UInt16.Type: .int32
        case is Int64.Type, is UInt.Type, is UInt32.Type, is UInt64.Type: .int64
        case is Double.Type: .double
        case is Float.Type: OpenAPISchema(type: .number, format: "float")
        default: nil
        }
    }

    private func enumSchema<E: OpenAPIStringCases>(_ type: E.Type) -> OpenAPISchema {
        let values = openAPIRawValues(type)
        var schema = OpenAPISchema(type: .string, enumValues: values.map(JSONValue.string))
        if let documented = type as? any OpenAPIDocumented.Type {
            schema.description = Self.joined(documented.typeDescription, Self.possibleValues(values, documented))
        }
        return schema
    }

    /// Upstream's list of documented enum values, appended to a field's description.
    static func possibleValues(_ values: [String], _ documented: any OpenAPIDocumented.Type) -> String? {
        let descriptions = documented.fieldDescriptions
        guard !descriptions.isEmpty else { return nil }
        let lines = values.map { value in
            " - `\"\(value)\"`" + (descriptions[value].map { " \($0)" } ?? "")
        }
        return "Possible enum values:\n" + lines.joined(separator: "\n")
    }

    private static func joined(_ parts: String?...) -> String? {
        let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: "\n\n")
    }

    /// The component name of a struct type, probing it the first time it is met.
    @discardableResult
    func component(for type: any Decodable.Type, named explicitName: String? = nil) -> String {
        let id = ObjectIdentifier(type)
        if let name = names[id] { return name }
        let name = uniqueName(explicitName ?? Self.upstreamNames[id] ?? context + "." + Self.simpleName(type), id)
        names[id] = name
        owners[name] = id
        schemas[name] = OpenAPISchema(type: .object)  // stands in while the type's members are probed
        schemas[name] = build(type)
        return name
    }

    private func uniqueName(_ candidate: String, _ id: ObjectIdentifier) -> String {
        var name = candidate
        var counter = 2
        while let owner = owners[name], owner != id {
            name = candidate + String(counter)
            counter += 1
        }
        return name
    }

    /// `TenantSpec` for `ContainModel.TenantSpec`; nested and generic names are run together.
    static func simpleName(_ type: any Any.Type) -> String {
        let text = String(reflecting: type).replacing("ContainModel.", with: "")
        return String(text.unicodeScalars.filter { CharacterSetAlphanumerics.contains($0) }.map(Character.init))
    }

    private func build(_ type: any Decodable.Type) -> OpenAPISchema {
        let recorder = OpenAPIProbeRecorder()
        let decoder = OpenAPIProbeDecoder(recorder: recorder, placeholders: placeholders)
        var failure: (any Error)?
        do { _ = try type.init(from: decoder) } catch { failure = error }
        let documented = type as? any OpenAPIDocumented.Type
        var schema: OpenAPISchema
        switch recorder.shape {
        case .object(let fields, let additional):
            if let failure {
                problems.append("\(String(reflecting: type)): probing stopped early: \(failure)")
            }
            schema = OpenAPISchema(type: .object)
            for field in fields {
                let fieldSchema = self.fieldSchema(field.type)
                let description = documented?.fieldDescriptions[field.name]
                schema.properties.append(.init(name: field.name,
                                               schema: describe(fieldSchema, description, field.type)))
                if field.required { schema.required.append(field.name) }
            }
            if let additional { schema.additionalProperties = .schema(fieldSchema(additional)) }
        case .array(let element):
            schema = .array(of: element.map(fieldSchema) ?? OpenAPISchema(preserveUnknownFields: true))
        case .single(let types):
            schema = singleSchema(types)
        case .unknown:
            problems.append("\(String(reflecting: type)): asked for no container; schema left free-form")
            schema = OpenAPISchema(preserveUnknownFields: true)
        }
        if let text = documented?.typeDescription, !text.isEmpty { schema.description = text }
        return schema
    }

    private func fieldSchema(_ type: OpenAPIProbeFieldType) -> OpenAPISchema {
        switch type {
        case .type(let type): schema(for: type)
        case .freeForm: OpenAPISchema(preserveUnknownFields: true)
        }
    }

    /// A field's schema with the parent's description for it; an enum keeps its value list.
    private func describe(_ schema: OpenAPISchema, _ description: String?, _ type: OpenAPIProbeFieldType) -> OpenAPISchema {
        guard let description else { return schema }
        guard case .type(let fieldType) = type, schema.enumValues != nil,
            let enumType = Self.unwrapped(fieldType) as? any OpenAPIStringCases.Type,
            let documented = enumType as? any OpenAPIDocumented.Type
        else { return schema.described(description) }
        var copy = schema
        copy.description = Self.joined(description, Self.possibleValues(Self.rawValues(enumType), documented))
        return copy
    }

    private static func rawValues<E: OpenAPIStringCases>(_ type: E.Type) -> [String] { openAPIRawValues(type) }

    private static func unwrapped(_ type: any Decodable.Type) -> any Decodable.Type {
        if let container = type as? any OpenAPIContainerType.Type, case .optional(let wrapped) = container.openAPIContainer {
            return unwrapped(wrapped)
        }
        return type
    }

    /// A type that decodes itself from one value: the schema of what it asked for. Asking for an
    /// integer and a string (as `IntOrString` does) makes it int-or-string.
    private func singleSchema(_ types: [any Decodable.Type]) -> OpenAPISchema {
        let schemas = types.map { schema(for: $0) }
        let hasInteger = schemas.contains { $0.type == .integer }
        let hasString = schemas.contains { $0.type == .string }
        if hasInteger && hasString { return OpenAPISchema(anyOf: [.integer, .string], intOrString: true) }
        return schemas.first ?? OpenAPISchema(preserveUnknownFields: true)
    }

    /// Replaces a component's schema (used to add kind-level extensions after probing).
    func update(_ name: String, _ change: (inout OpenAPISchema) -> Void) {
        guard var schema = schemas[name] else { return }
        change(&schema)
        schemas[name] = schema
    }
}

/// ASCII letters and digits, for component names.
private enum CharacterSetAlphanumerics {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
    }
}
