/// One entry of `LabelSelector.matchExpressions` (metav1 `LabelSelectorRequirement`):
/// `{"key": "tier", "operator": "In", "values": ["web", "api"]}`.
///
/// This is the API (wire) type and holds whatever the client sent; the rules
/// (values required for `In`/`NotIn`, forbidden for `Exists`/`DoesNotExist`, valid
/// keys and values) are applied when the owning selector is compiled.
public struct LabelSelectorRequirement: Codable, Sendable, Hashable {
    /// The label key the requirement applies to (JSON `key`).
    public var key: String

    /// How the key's value relates to `values` (JSON `operator`).
    public var `operator`: LabelSelectorOperator

    /// The values; must be non-empty for `In`/`NotIn` and absent or empty for
    /// `Exists`/`DoesNotExist` (JSON `values`, omitted when nil).
    public var values: [String]?

    /// Creates a requirement; `values` defaults to nil (omitted from JSON).
    public init(key: String, operator op: LabelSelectorOperator, values: [String]? = nil) {
        self.key = key
        self.operator = op
        self.values = values
    }
}
