/// Recognises `Array`, `Dictionary` and `Optional` by conformance, so the generator can look
/// at their element types without calling their `init(from:)`.
protocol OpenAPIContainerType {
    /// The shape of the container.
    static var openAPIContainer: OpenAPIContainerKind { get }
}

/// What a standard-library container holds.
enum OpenAPIContainerKind {
    case array(any Decodable.Type)
    case map(any Decodable.Type)
    case optional(any Decodable.Type)
}

extension Array: OpenAPIContainerType where Element: Decodable {
    static var openAPIContainer: OpenAPIContainerKind { .array(Element.self) }
}

extension Set: OpenAPIContainerType where Element: Decodable {
    static var openAPIContainer: OpenAPIContainerKind { .array(Element.self) }
}

extension Dictionary: OpenAPIContainerType where Key == String, Value: Decodable {
    static var openAPIContainer: OpenAPIContainerKind { .map(Value.self) }
}

extension Optional: OpenAPIContainerType where Wrapped: Decodable {
    static var openAPIContainer: OpenAPIContainerKind { .optional(Wrapped.self) }
}
