/// A label query over a set of resources, as it appears in API objects
/// (metav1 `LabelSelector`, e.g. `spec.selector` of a Deployment):
/// `{"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "In", "values": ["api"]}]}`.
///
/// `matchLabels` and `matchExpressions` are ANDed. An empty selector (`{}`) matches
/// every object; a missing (nil) selector matches none — see
/// `LabelSelectorExpression.init(_:)`. Compile once with `compiled()` and reuse
/// the result to match many objects.
public struct LabelSelector: Codable, Sendable, Hashable {
    /// Labels that must be present with exactly these values (JSON `matchLabels`, omitted when nil).
    public var matchLabels: [String: String]?

    /// Further requirements, all of which must hold (JSON `matchExpressions`, omitted when nil).
    public var matchExpressions: [LabelSelectorRequirement]?

    /// Creates a selector; both parts default to nil, which gives the match-everything selector.
    public init(matchLabels: [String: String]? = nil, matchExpressions: [LabelSelectorRequirement]? = nil) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// Whether the selector has neither labels nor expressions, and so matches everything.
    public var isEmpty: Bool {
        (matchLabels?.isEmpty ?? true) && (matchExpressions?.isEmpty ?? true)
    }

    /// Validates and compiles the selector, as upstream's `LabelSelectorAsSelector` does.
    ///
    /// An empty selector compiles to `LabelSelectorExpression.everything`. Each
    /// `matchLabels` entry becomes `key=value` (checked in key order, so the first
    /// error reported is deterministic where upstream's map order is not); each
    /// expression is checked with upstream's rules: `In`/`NotIn` need at least one
    /// value, `Exists`/`DoesNotExist` must have none, and keys and values must be valid.
    ///
    /// - Throws: `LabelSelectorError` with upstream's message, e.g.
    ///   `values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty`.
    public func compiled() throws(LabelSelectorError) -> LabelSelectorExpression {
        if isEmpty {
            return .everything
        }
        var requirements: [LabelRequirement] = []
        if let matchLabels {
            for key in matchLabels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                requirements.append(
                    try LabelRequirement(key: key, operator: .equals, values: [matchLabels[key] ?? ""]))
            }
        }
        for expression in matchExpressions ?? [] {
            requirements.append(
                try LabelRequirement(
                    key: expression.key,
                    operator: expression.operator.requirementOperator,
                    values: expression.values ?? []))
        }
        return LabelSelectorExpression(requirements: requirements)
    }

    /// Compiles the selector and tests `labels` against it.
    ///
    /// When matching many objects, call `compiled()` once instead.
    /// - Throws: `LabelSelectorError` if the selector is invalid (see `compiled()`).
    public func matches(_ labels: [String: String]) throws(LabelSelectorError) -> Bool {
        try compiled().matches(labels)
    }

    /// Parses the label selector string syntax into a metav1 selector, as upstream's
    /// `ParseToLabelSelector` does: `k=v` and `k==v` go to `matchLabels` (a later one
    /// wins for a repeated key), `in`, `notin`, `k` and `!k` become `matchExpressions`
    /// with sorted values. Parts that come out empty are left nil (upstream leaves them
    /// empty, which serialises the same way: omitted).
    ///
    /// - Throws: `LabelSelectorError`: for a syntax error, upstream's
    ///   `couldn't parse the selector string "<s>": <reason>`; for `!=`,
    ///   `"!=" is not a valid label selector operator`; for `>`/`<`,
    ///   `"gt" isn't supported in label selectors` (resp. `"lt"`).
    public init(parsing selector: String) throws(LabelSelectorError) {
        let expression: LabelSelectorExpression
        do {
            expression = try LabelSelectorExpression(parsing: selector)
        } catch {
            throw LabelSelectorError(
                message: "couldn't parse the selector string \"\(selector)\": \(error.message)",
                position: error.position)
        }
        var labels: [String: String] = [:]
        var expressions: [LabelSelectorRequirement] = []
        for requirement in expression.requirements {
            let op: LabelSelectorOperator
            switch requirement.operator {
            case .equals, .doubleEquals:
                labels[requirement.key] = requirement.values.first ?? ""
                continue
            case .in: op = .in
            case .notIn: op = .notIn
            case .exists: op = .exists
            case .doesNotExist: op = .doesNotExist
            case .greaterThan, .lessThan:
                throw LabelSelectorError(
                    message: GoText.quote(requirement.operator.rawValue)
                        + " isn't supported in label selectors")
            case .notEquals:
                throw LabelSelectorError(
                    message: GoText.quote(requirement.operator.rawValue)
                        + " is not a valid label selector operator")
            }
            let values = LabelRequirement.sortedByBytes(requirement.values)
            expressions.append(
                LabelSelectorRequirement(key: requirement.key, operator: op, values: values.isEmpty ? nil : values))
        }
        self.init(
            matchLabels: labels.isEmpty ? nil : labels,
            matchExpressions: expressions.isEmpty ? nil : expressions)
    }

    /// The selector as a human-readable string, as upstream's `FormatLabelSelector`
    /// prints it for `kubectl`-style output: `<none>` for a nil or empty selector,
    /// `<error>` for an invalid one, otherwise the canonical selector string.
    public static func format(_ selector: LabelSelector?) -> String {
        guard let expression = try? LabelSelectorExpression(selector) else {
            return "<error>"
        }
        let text = expression.description
        return text.isEmpty ? "<none>" : text
    }
}
