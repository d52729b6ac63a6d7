import ContainModel

/// Labels for a probe pod that a given label selector selects, so that a policy selecting
/// pods by label is exercised by at least one probe.
enum ProbeLabels {
    /// The value given to keys that must merely exist.
    static let placeholder = "contain-probe"

    /// Labels that `selector` matches, or `nil` when no labels can (conflicting requirements)
    /// or the selector is invalid.
    static func satisfying(_ selector: LabelSelector) -> [String: String]? {
        var labels = selector.matchLabels ?? [:]
        let requirements = selector.matchExpressions ?? []
        var forbidden: [String: Set<String>] = [:]
        for requirement in requirements where requirement.operator == .notIn {
            forbidden[requirement.key, default: []].formUnion(requirement.values ?? [])
        }
        for requirement in requirements {
            let key = requirement.key
            switch requirement.operator {
            case .in:
                let values = (requirement.values ?? []).filter { !(forbidden[key]?.contains($0) ?? false) }
                if let current = labels[key] {
                    guard values.contains(current) else { return nil }
                } else {
                    guard let first = values.sorted().first else { return nil }
                    labels[key] = first
                }
            case .exists:
                if labels[key] == nil {
                    var value = placeholder
                    while forbidden[key]?.contains(value) ?? false { value += "-x" }
                    labels[key] = value
                }
            case .notIn, .doesNotExist:
                continue
            }
        }
        guard let matches = try? selector.matches(labels), matches else { return nil }
        return labels
    }
}
