/// A closed set of string values: any `CaseIterable` type with `String` raw values, which covers
/// every `StringEnum` and the few string enums that decode themselves (`Condition.Status`,
/// `LabelSelectorOperator`). Its schema is `type: string` with `enum` listing the raw values.
typealias OpenAPIStringCases = CaseIterable & RawRepresentable<String>

/// The raw values of a string enum, in declaration order.
func openAPIRawValues<E: OpenAPIStringCases>(_ type: E.Type) -> [String] {
    E.allCases.map(\.rawValue)
}
