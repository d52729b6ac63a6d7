/// A type that states its own OpenAPI schema instead of having it derived by probing its
/// `init(from:)`. Leaf types whose JSON form is not an object of their fields conform:
/// `Quantity`, `IntOrString`, `Time`, `JSONValue`, `JSONObject`, `UnstructuredObject`.
public protocol OpenAPISchemaProviding {
    /// The schema, inlined wherever the type is used.
    static var openAPISchema: OpenAPISchema { get }
}

/// A type whose schema carries descriptions for `kubectl explain`: one for the type and one per
/// JSON member. For a closed string set (`StringEnum`), `fieldDescriptions` is keyed by raw value
/// and rendered as upstream's "Possible enum values" list.
public protocol OpenAPIDocumented {
    /// Descriptions by JSON member name (or by raw value, for a string enum).
    static var fieldDescriptions: [String: String] { get }
    /// The description of the type itself.
    static var typeDescription: String { get }
}

extension OpenAPIDocumented {
    public static var fieldDescriptions: [String: String] { [:] }
}
