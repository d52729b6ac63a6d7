import Foundation

/// A `fieldSelector` as the API serves it: `metadata.name` and `metadata.namespace` with
/// `=`, `==` or `!=`, joined by commas.
public struct FieldSelector: Sendable, Hashable {
    /// One requirement.
    public struct Requirement: Sendable, Hashable {
        public var field: String
        public var value: String
        public var negated: Bool
    }

    public var requirements: [Requirement]

    /// The fields every resource supports.
    public static let supportedFields: Set<String> = ["metadata.name", "metadata.namespace"]

    /// Parses a selector; 400 `field label not supported: x` for other fields.
    public init(parsing text: String) throws(APIError) {
        var requirements: [Requirement] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let term = String(part)
            let field: String, value: String, negated: Bool
            if let range = term.range(of: "!=") {
                field = String(term[..<range.lowerBound]); value = String(term[range.upperBound...]); negated = true
            } else if let range = term.range(of: "==") {
                field = String(term[..<range.lowerBound]); value = String(term[range.upperBound...]); negated = false
            } else if let range = term.range(of: "=") {
                field = String(term[..<range.lowerBound]); value = String(term[range.upperBound...]); negated = false
            } else {
                throw .badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard Self.supportedFields.contains(trimmed) else { throw .badRequest("field label not supported: \(trimmed)") }
            requirements.append(Requirement(field: trimmed, value: value.trimmingCharacters(in: .whitespaces), negated: negated))
        }
        self.requirements = requirements
    }

    /// The exact name required, when there is one (lets the store look up a single key).
    public var exactName: String? {
        requirements.first { $0.field == "metadata.name" && !$0.negated }?.value
    }

    /// Whether an object with this name and namespace passes.
    public func matches(name: String, namespace: String) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = requirement.field == "metadata.name" ? name : namespace
            return (actual == requirement.value) != requirement.negated
        }
    }
}
