/// One OpenAPI v3 schema object, with the Kubernetes extensions (`x-kubernetes-*`) that
/// `kubectl explain`, `kubectl apply`, server-side apply and CRD structural schemas read.
///
/// It is a plain value; ``jsonValue()`` renders it in the JSON shape the API server serves.
/// Properties keep their order (the order the Swift type declares its fields).
public struct OpenAPISchema: Sendable, Hashable {
    /// The JSON type a schema allows.
    public enum SchemaType: String, Sendable, Hashable, CaseIterable {
        case object, array, string, integer, number, boolean
    }

    /// What members an object may have beyond `properties`: any (`true`), none (`false`) or
    /// members of one schema (a map).
    public indirect enum AdditionalProperties: Sendable, Hashable {
        case allowed(Bool)
        case schema(OpenAPISchema)
    }

    /// A `{group, version, kind}` triple as `x-kubernetes-group-version-kind` lists it.
    public struct GroupVersionKind: Sendable, Hashable {
        public var group: String
        public var version: String
        public var kind: String

        public init(group: String, version: String, kind: String) {
            self.group = group
            self.version = version
            self.kind = kind
        }

        /// The triple as a JSON object.
        public var jsonValue: JSONValue {
            .object(JSONObject([("group", .string(group)), ("kind", .string(kind)), ("version", .string(version))]))
        }
    }

    /// `x-kubernetes-list-type`: how server-side apply merges a list.
    public enum ListType: String, Sendable, Hashable {
        case atomic, set, map
    }

    /// `x-kubernetes-map-type`: how server-side apply merges a map or struct.
    public enum MapType: String, Sendable, Hashable {
        case atomic, granular
    }

    /// One named member of `properties`.
    public struct Property: Sendable, Hashable {
        public var name: String
        public var schema: OpenAPISchema

        public init(name: String, schema: OpenAPISchema) {
            self.name = name
            self.schema = schema
        }
    }

    /// `$ref`: a reference such as `#/components/schemas/io.k8s.api.core.v1.PodSpec`.
    public var ref: String?
    public var type: SchemaType?
    /// `int32`, `int64`, `double`, `date-time`, `byte`, …
    public var format: String?
    public var description: String?
    /// Object members, in declaration order.
    public var properties: [Property]
    /// Names of the members that must be present.
    public var required: [String]
    /// Element schema of an array (kept boxed so the struct can contain itself).
    private var itemsBox: [OpenAPISchema]
    public var additionalProperties: AdditionalProperties?
    /// `enum`: the allowed values.
    public var enumValues: [JSONValue]?
    public var allOf: [OpenAPISchema]
    public var anyOf: [OpenAPISchema]
    public var nullable: Bool
    /// `default`.
    public var defaultValue: JSONValue?
    /// `x-kubernetes-int-or-string: true`.
    public var intOrString: Bool
    /// `x-kubernetes-preserve-unknown-fields: true`.
    public var preserveUnknownFields: Bool
    /// `x-kubernetes-embedded-resource: true`.
    public var embeddedResource: Bool
    /// `x-kubernetes-group-version-kind` (rendered as an array, as component schemas carry it).
    public var groupVersionKinds: [GroupVersionKind]
    public var listType: ListType?
    /// `x-kubernetes-list-map-keys`, for `listType: map`.
    public var listMapKeys: [String]
    public var mapType: MapType?
    /// `x-kubernetes-patch-merge-key`: the field strategic merge patch matches list items by.
    public var patchMergeKey: String? = nil
    /// `x-kubernetes-patch-strategy`: `merge` (or `merge,retainKeys`) for lists that merge.
    public var patchStrategy: String? = nil

    /// A schema; every part is optional.
    public init(type: SchemaType? = nil, format: String? = nil, description: String? = nil,
                properties: [Property] = [], required: [String] = [], items: OpenAPISchema? = nil,
                additionalProperties: AdditionalProperties? = nil, enumValues: [JSONValue]? = nil,
                ref: String? = nil, allOf: [OpenAPISchema] = [], anyOf: [OpenAPISchema] = [],
                nullable: Bool = false, defaultValue: JSONValue? = nil, intOrString: Bool = false,
                preserveUnknownFields: Bool = false, embeddedResource: Bool = false,
                groupVersionKinds: [GroupVersionKind] = [], listType: ListType? = nil,
                listMapKeys: [String] = [], mapType: MapType? = nil) {
        self.ref = ref
        self.type = type
        self.format = format
        self.description = description
        self.properties = properties
        self.required = required
        self.itemsBox = items.map { [$0] } ?? []
        self.additionalProperties = additionalProperties
        self.enumValues = enumValues
        self.allOf = allOf
        self.anyOf = anyOf
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.intOrString = intOrString
        self.preserveUnknownFields = preserveUnknownFields
        self.embeddedResource = embeddedResource
        self.groupVersionKinds = groupVersionKinds
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.mapType = mapType
    }

    /// The element schema of an array.
    public var items: OpenAPISchema? {
        get { itemsBox.first }
        set { itemsBox = newValue.map { [$0] } ?? [] }
    }

    /// A reference to a schema in `components.schemas`.
    public static func reference(to componentName: String) -> OpenAPISchema {
        OpenAPISchema(ref: componentPrefix + componentName)
    }

    /// `#/components/schemas/`, the prefix of every reference this module emits.
    public static let componentPrefix = "#/components/schemas/"

    /// The component name a `$ref` points at, when it points into `components.schemas`.
    public var referencedComponent: String? {
        guard let ref, ref.hasPrefix(Self.componentPrefix) else { return nil }
        return String(ref.dropFirst(Self.componentPrefix.count))
    }

    /// The member schema named `name`, if any.
    public func property(_ name: String) -> OpenAPISchema? {
        properties.first { $0.name == name }?.schema
    }

    /// This schema with a description beside it. A bare `$ref` cannot carry siblings in OpenAPI
    /// 3.0, so a described reference becomes `{description, allOf: [{$ref}]}` as upstream writes it.
    public func described(_ text: String?) -> OpenAPISchema {
        guard let text, !text.isEmpty else { return self }
        if ref != nil {
            var wrapper = OpenAPISchema(description: text, allOf: [OpenAPISchema(ref: ref)])
            wrapper.defaultValue = defaultValue
            return wrapper
        }
        var copy = self
        copy.description = text
        return copy
    }

    /// Every `$ref` in this schema and the schemas inside it.
    public var allReferences: [String] {
        var result: [String] = []
        collectReferences(into: &result)
        return result
    }

    private func collectReferences(into result: inout [String]) {
        if let ref { result.append(ref) }
        for property in properties { property.schema.collectReferences(into: &result) }
        items?.collectReferences(into: &result)
        if case .schema(let schema)? = additionalProperties { schema.collectReferences(into: &result) }
        for schema in allOf { schema.collectReferences(into: &result) }
        for schema in anyOf { schema.collectReferences(into: &result) }
    }

    /// The schema as the JSON object OpenAPI documents carry.
    public func jsonValue() -> JSONValue {
        var object = JSONObject()
        if let ref { object["$ref"] = .string(ref) }
        if let description { object["description"] = .string(description) }
        if let type { object["type"] = .string(type.rawValue) }
        if let format { object["format"] = .string(format) }
        if !properties.isEmpty {
            object["properties"] = .object(JSONObject(properties.map { ($0.name, $0.schema.jsonValue()) }))
        }
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        if let items { object["items"] = items.jsonValue() }
        switch additionalProperties {
        case .allowed(let allowed)?: object["additionalProperties"] = .bool(allowed)
        case .schema(let schema)?: object["additionalProperties"] = schema.jsonValue()
        case nil: break
        }
        if let enumValues { object["enum"] = .array(enumValues) }
        if !allOf.isEmpty { object["allOf"] = .array(allOf.map { $0.jsonValue() }) }
        if !anyOf.isEmpty { object["anyOf"] = .array(anyOf.map { $0.jsonValue() }) }
        if nullable { object["nullable"] = true }
        if let defaultValue { object["default"] = defaultValue }
        if intOrString { object["x-kubernetes-int-or-string"] = true }
        if preserveUnknownFields { object["x-kubernetes-preserve-unknown-fields"] = true }
        if embeddedResource { object["x-kubernetes-embedded-resource"] = true }
        if !groupVersionKinds.isEmpty {
            object["x-kubernetes-group-version-kind"] = .array(groupVersionKinds.map(\.jsonValue))
        }
        if let listType { object["x-kubernetes-list-type"] = .string(listType.rawValue) }
        if !listMapKeys.isEmpty { object["x-kubernetes-list-map-keys"] = .array(listMapKeys.map(JSONValue.string)) }
        if let mapType { object["x-kubernetes-map-type"] = .string(mapType.rawValue) }
        if let patchMergeKey { object["x-kubernetes-patch-merge-key"] = .string(patchMergeKey) }
        if let patchStrategy { object["x-kubernetes-patch-strategy"] = .string(patchStrategy) }
        return .object(object)
    }
}

extension OpenAPISchema {
    /// `type: string`.
    public static let string = OpenAPISchema(type: .string)
    /// `type: boolean`.
    public static let boolean = OpenAPISchema(type: .boolean)
    /// `type: integer` with no format (Swift `Int`).
    public static let integer = OpenAPISchema(type: .integer)
    /// `type: integer, format: int32`.
    public static let int32 = OpenAPISchema(type: .integer, format: "int32")
    /// `type: integer, format: int64`.
    public static let int64 = OpenAPISchema(type: .integer, format: "int64")
    /// `type: number, format: double`.
    public static let double = OpenAPISchema(type: .number, format: "double")

    /// An array of `element`.
    public static func array(of element: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(type: .array, items: element)
    }

    /// A map from strings to `value` (`additionalProperties`).
    public static func map(of value: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(type: .object, additionalProperties: .schema(value))
    }
}
