// Explicit schemas for the leaf types whose JSON form is not an object of their fields. These
// mirror upstream's definitions in k8s.io/kube-openapi and apimachinery:
// `resource.Quantity` and `intstr.IntOrString` are int-or-string, `metav1.Time` is a date-time
// string, and free-form JSON keeps unknown fields.

extension Quantity: OpenAPISchemaProviding {
    /// `resource.Quantity`: an integer or a string such as `500m` or `1.5Gi`.
    public static var openAPISchema: OpenAPISchema {
        OpenAPISchema(
            description: "Quantity is a fixed-point representation of a number, written as a string with an optional "
                + "SI or binary suffix (`500m`, `1.5Gi`, `12e6`) or as a plain number.",
            anyOf: [.integer, .string], intOrString: true)
    }
}

extension IntOrString: OpenAPISchemaProviding {
    /// `intstr.IntOrString`: an integer or a string.
    public static var openAPISchema: OpenAPISchema {
        OpenAPISchema(description: "IntOrString is a type that can hold an int32 or a string.",
                      anyOf: [.integer, .string], intOrString: true)
    }
}

extension Time: OpenAPISchemaProviding {
    /// `metav1.Time`: an RFC 3339 timestamp.
    public static var openAPISchema: OpenAPISchema {
        OpenAPISchema(type: .string, format: "date-time",
                      description: "Time is an RFC 3339 timestamp in UTC with whole seconds, such as 2026-01-02T15:04:05Z.")
    }
}

extension JSONValue: OpenAPISchemaProviding {
    /// Any JSON value, kept as written.
    public static var openAPISchema: OpenAPISchema { OpenAPISchema(preserveUnknownFields: true) }
}

extension JSONObject: OpenAPISchemaProviding {
    /// Any JSON object, kept as written.
    public static var openAPISchema: OpenAPISchema { OpenAPISchema(type: .object, preserveUnknownFields: true) }
}

extension UnstructuredObject: OpenAPISchemaProviding {
    /// A whole Kubernetes object of any kind, kept as written.
    public static var openAPISchema: OpenAPISchema {
        OpenAPISchema(type: .object, preserveUnknownFields: true, embeddedResource: true)
    }
}
