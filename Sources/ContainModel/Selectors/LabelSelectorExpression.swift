/// A compiled label selector: a conjunction of `LabelRequirement`s that can be
/// matched against an object's labels (upstream's `labels.Selector`).
///
/// Build one by parsing the string syntax of `?labelSelector=` with
/// `init(parsing:)`, or by converting a `LabelSelector` (metav1) with
/// `LabelSelector.compiled()`. Parse once per request, then call `matches(_:)`
/// for every candidate object.
///
/// Requirements are kept sorted by key (stably, so requirements on the same key
/// keep their input order), which makes `description` canonical: it prints
/// exactly what upstream's `Selector.String()` prints.
public struct LabelSelectorExpression: Sendable, Hashable, CustomStringConvertible {
    /// The requirements, sorted by key; all must hold for `matches(_:)` to succeed.
    public let requirements: [LabelRequirement]

    /// Whether this is the selector that matches no object at all (upstream's
    /// `labels.Nothing()`, the result of converting a nil `LabelSelector`).
    public let matchesNothing: Bool

    /// The selector with no requirements, which matches every object (upstream's
    /// `labels.Everything()`; what the empty string and `LabelSelector()` compile to).
    public static let everything = LabelSelectorExpression(sortedRequirements: [], matchesNothing: false)

    /// The selector that matches no object (upstream's `labels.Nothing()`).
    public static let nothing = LabelSelectorExpression(sortedRequirements: [], matchesNothing: true)

    /// Creates a selector from requirements, sorting them by key as upstream's `Selector.Add` does.
    public init(requirements: [LabelRequirement]) {
        self.init(sortedRequirements: Self.sortedByKey(requirements), matchesNothing: false)
    }

    private init(sortedRequirements: [LabelRequirement], matchesNothing: Bool) {
        self.requirements = sortedRequirements
        self.matchesNothing = matchesNothing
    }

    /// Parses the label selector string syntax (upstream's `labels.Parse`), e.g.
    /// `env in (prod,staging),tier!=cache,!canary,replicas>2`.
    ///
    /// Whitespace around tokens is ignored; the empty string (or only whitespace)
    /// yields `everything`; `x=`, `x in ()` and `x in (a,)` select the empty value;
    /// duplicate values are dropped and values sorted.
    ///
    /// - Throws: `LabelSelectorError` with upstream's message and the byte offset where
    ///   parsing failed, e.g. `found ',', expected: identifier after ','`.
    public init(parsing selector: String) throws(LabelSelectorError) {
        var parser = LabelSelectorParser(selector)
        let parsed = try parser.parse()
        self.init(requirements: parsed)
    }

    /// Converts a `LabelSelector` (metav1) the way upstream's `LabelSelectorAsSelector`
    /// does: `nil` selects nothing, an empty selector selects everything.
    ///
    /// - Throws: `LabelSelectorError` when a key, value or operator/value combination is invalid.
    public init(_ labelSelector: LabelSelector?) throws(LabelSelectorError) {
        guard let labelSelector else {
            self = .nothing
            return
        }
        self = try labelSelector.compiled()
    }

    /// A selector requiring each label in `labels` to be present with exactly that value
    /// (upstream's `ValidatedSelectorFromSet`); an empty map gives `everything`.
    ///
    /// - Throws: `LabelSelectorError` if a key or value is not a valid label key or value.
    public init(matchingLabels labels: [String: String]) throws(LabelSelectorError) {
        var requirements: [LabelRequirement] = []
        requirements.reserveCapacity(labels.count)
        for key in labels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            requirements.append(try LabelRequirement(key: key, operator: .equals, values: [labels[key] ?? ""]))
        }
        self.init(sortedRequirements: requirements, matchesNothing: false)
    }

    /// Whether the selector places no restriction (upstream's `Empty()`): true for
    /// `everything`, false for `nothing` and for any selector with requirements.
    public var isEmpty: Bool {
        !matchesNothing && requirements.isEmpty
    }

    /// Whether an object with these labels is selected: every requirement must match.
    public func matches(_ labels: [String: String]) -> Bool {
        if matchesNothing { return false }
        for requirement in requirements where !requirement.matches(labels) {
            return false
        }
        return true
    }

    /// If the selector pins `key` to a single value, returns it (upstream's
    /// `RequiresExactMatch`): only the first requirement on `key` is considered, and
    /// only `=`, `==` or a one-value `in` counts. Useful to narrow a list by an index.
    public func requiresExactMatch(_ key: String) -> String? {
        guard let requirement = requirements.first(where: { $0.key == key }) else { return nil }
        switch requirement.operator {
        case .equals, .doubleEquals, .in:
            return requirement.values.count == 1 ? requirement.values[0] : nil
        default:
            return nil
        }
    }

    /// A copy with more requirements, re-sorted by key (upstream's `Add`).
    /// Adding to `nothing` leaves it `nothing`, as upstream does.
    public func adding(_ more: [LabelRequirement]) -> LabelSelectorExpression {
        if matchesNothing { return self }
        return LabelSelectorExpression(requirements: requirements + more)
    }

    /// The canonical string form, exactly as upstream's `String()` prints it: the
    /// requirements in key order joined by `,` with no spaces, e.g.
    /// `a in (x,y),b!=c,!d`. `everything` and `nothing` both print as the empty string.
    public var description: String {
        var text = ""
        for (index, requirement) in requirements.enumerated() {
            if index > 0 { text += "," }
            text += requirement.description
        }
        return text
    }

    /// Stable sort by key in byte order; upstream's `sort.Sort(ByKey)` is stable for the
    /// small selectors seen in practice (it uses insertion sort below 13 elements).
    static func sortedByKey(_ requirements: [LabelRequirement]) -> [LabelRequirement] {
        var isSorted = true
        var index = requirements.startIndex
        while index + 1 < requirements.endIndex {
            if requirements[index + 1].key.utf8.lexicographicallyPrecedes(requirements[index].key.utf8) {
                isSorted = false
                break
            }
            index += 1
        }
        if isSorted { return requirements }
        return requirements.enumerated().sorted { lhs, rhs in
            if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
            return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
        }.map(\.element)
    }
}
