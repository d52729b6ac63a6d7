/// One condition of a label selector — a key, an operator and its values — such as
/// `app in (web,api)`, `tier!=cache` or `!canary` (upstream's `labels.Requirement`).
///
/// A `LabelRequirement` can only be created valid: the initializer applies
/// upstream's `NewRequirement` rules, so matching and printing never meet a
/// malformed requirement.
public struct LabelRequirement: Sendable, Hashable, CustomStringConvertible {
    /// How a requirement relates its key to its values (upstream's `selection.Operator`);
    /// the raw values are upstream's operator strings.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// `key in (a,b)`: the label is present and its value is one of the values.
        case `in` = "in"
        /// `key notin (a,b)`: the label is absent, or its value is none of the values.
        case notIn = "notin"
        /// `key=a`: the label is present with exactly this value.
        case equals = "="
        /// `key==a`: the same as `=`, kept distinct because it prints back as `==`.
        case doubleEquals = "=="
        /// `key!=a`: the label is absent, or its value differs.
        case notEquals = "!="
        /// `key`: the label is present, with any value.
        case exists = "exists"
        /// `!key`: the label is absent.
        case doesNotExist = "!"
        /// `key>5`: the label's value is an integer greater than the value.
        case greaterThan = "gt"
        /// `key<5`: the label's value is an integer less than the value.
        case lessThan = "lt"
    }

    /// The label key the requirement is about.
    public let key: String

    /// How the label's value is compared with `values`.
    public let `operator`: Operator

    /// The values, in the order they were given. Requirements parsed from a string hold
    /// them sorted and without duplicates, as upstream's parser does.
    public let values: [String]

    /// For `gt`/`lt`, the integer value parsed once at construction (zero otherwise).
    private let integerBound: Int64

    /// Creates a requirement, validating it the way upstream's `NewRequirement` does:
    /// the key must be a valid label key, every value a valid label value, `in`/`notin`
    /// need at least one value, `=`/`==`/`!=` exactly one, `exists`/`!` none, and
    /// `gt`/`lt` exactly one integer.
    ///
    /// - Throws: `LabelSelectorError` with upstream's message, e.g.
    ///   `values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty`.
    public init(key: String, operator op: Operator, values: [String] = []) throws(LabelSelectorError) {
        let problems = Self.problems(key: key, operator: op, values: values, validateKey: true)
        if !problems.isEmpty {
            throw LabelSelectorError(message: LabelFieldProblem.aggregate(problems))
        }
        self.init(validatedKey: key, operator: op, values: values)
    }

    /// Creates a requirement whose inputs have already passed `problems(...)`.
    init(validatedKey key: String, operator op: Operator, values: [String]) {
        self.key = key
        self.operator = op
        self.values = values
        switch op {
        case .greaterThan, .lessThan:
            self.integerBound = values.first.flatMap { Int64($0) } ?? 0
        default:
            self.integerBound = 0
        }
    }

    /// Upstream's `NewRequirement` checks, in upstream's order, as field problems.
    static func problems(
        key: String, operator op: Operator, values: [String], validateKey: Bool
    ) -> [LabelFieldProblem] {
        var problems: [LabelFieldProblem] = []
        if validateKey {
            let keyProblems = LabelValidation.isQualifiedName(key)
            if !keyProblems.isEmpty {
                problems.append(.invalid("key", string: key, keyProblems.joined(separator: "; ")))
            }
        }
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                problems.append(.invalid(
                    "values", strings: values, "for 'in', 'notin' operators, values set can't be empty"))
            }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 {
                problems.append(.invalid(
                    "values", strings: values, "exact-match compatibility requires one single value"))
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                problems.append(.invalid(
                    "values", strings: values, "values set must be empty for exists and does not exist"))
            }
        case .greaterThan, .lessThan:
            if values.count != 1 {
                problems.append(.invalid(
                    "values", strings: values, "for 'Gt', 'Lt' operators, exactly one value is required"))
            }
            for (index, value) in values.enumerated() where Int64(value) == nil {
                problems.append(.invalid(
                    "values[\(index)]", string: value, "for 'Gt', 'Lt' operators, the value must be an integer"))
            }
        }
        for (index, value) in values.enumerated() {
            let valueProblems = LabelValidation.isValidLabelValue(value)
            if !valueProblems.isEmpty {
                problems.append(.invalid(
                    "values[\(index)][\(key)]", string: value, valueProblems.joined(separator: "; ")))
            }
        }
        return problems
    }

    /// Whether `labels` satisfy this requirement, with upstream's semantics: `notin` and `!=`
    /// match when the key is absent; `gt`/`lt` need the label's value to parse as a 64-bit
    /// integer and never match otherwise.
    public func matches(_ labels: [String: String]) -> Bool {
        switch self.operator {
        case .in, .equals, .doubleEquals:
            guard let value = labels[key] else { return false }
            return values.contains(value)
        case .notIn, .notEquals:
            guard let value = labels[key] else { return true }
            return !values.contains(value)
        case .exists:
            return labels[key] != nil
        case .doesNotExist:
            return labels[key] == nil
        case .greaterThan:
            guard let value = labels[key], let number = Int64(value) else { return false }
            return number > integerBound
        case .lessThan:
            guard let value = labels[key], let number = Int64(value) else { return false }
            return number < integerBound
        }
    }

    /// The requirement in selector syntax, exactly as upstream's `Requirement.String()`
    /// prints it: `!key`, `key`, `key=v`, `key==v`, `key!=v`, `key>v`, `key<v`,
    /// `key in (a,b)`, `key notin (a,b)`, with several values printed in sorted order.
    public var description: String {
        var text = ""
        switch self.operator {
        case .exists:
            return key
        case .doesNotExist:
            return "!" + key
        case .equals: text = key + "="
        case .doubleEquals: text = key + "=="
        case .notEquals: text = key + "!="
        case .greaterThan: text = key + ">"
        case .lessThan: text = key + "<"
        case .in: text = key + " in ("
        case .notIn: text = key + " notin ("
        }
        if values.count == 1 {
            text += values[0]
        } else {
            text += Self.sortedByBytes(values).joined(separator: ",")
        }
        if self.operator == .in || self.operator == .notIn {
            text += ")"
        }
        return text
    }

    /// Sorts strings by their UTF-8 bytes, the order Go's `sort.Strings` uses.
    static func sortedByBytes(_ strings: [String]) -> [String] {
        if isSortedByBytes(strings) { return strings }
        return strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func isSortedByBytes(_ strings: [String]) -> Bool {
        var index = strings.startIndex
        while index + 1 < strings.endIndex {
            if strings[index + 1].utf8.lexicographicallyPrecedes(strings[index].utf8) { return false }
            index += 1
        }
        return true
    }
}
