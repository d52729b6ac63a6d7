/// The operator of a metav1 `LabelSelectorRequirement`; the raw values are the
/// JSON spellings Kubernetes uses.
public enum LabelSelectorOperator: String, Codable, Sendable, Hashable, CaseIterable {
    /// The label is present and its value is one of `values`.
    case `in` = "In"
    /// The label is absent, or its value is none of `values`.
    case notIn = "NotIn"
    /// The label is present, with any value.
    case exists = "Exists"
    /// The label is absent.
    case doesNotExist = "DoesNotExist"

    /// Decodes an operator, rejecting unknown spellings with upstream's wording
    /// (`"Foo" is not a valid label selector operator`) as the decoding error's description.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = LabelSelectorOperator(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: GoText.quote(raw) + " is not a valid label selector operator")
        }
        self = value
    }

    /// The operator this corresponds to in a compiled `LabelRequirement`.
    public var requirementOperator: LabelRequirement.Operator {
        switch self {
        case .in: return .in
        case .notIn: return .notIn
        case .exists: return .exists
        case .doesNotExist: return .doesNotExist
        }
    }
}
