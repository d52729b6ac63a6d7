/// Label and annotation checks on raw metadata, so that objects of any kind get them.
enum LabelRules {
    /// Kubernetes' limit on the total size of an object's annotations.
    static let totalAnnotationSizeLimit = 256 * 1024

    static func validate(labels: JSONValue?, at path: FieldPath) -> [FieldIssue] {
        guard case .object(let labels) = labels else { return [] }
        var issues: [FieldIssue] = []
        for (key, value) in labels {
            for problem in LabelValidation.isQualifiedName(key) {
                issues.append(.invalid(path.child(key), .string(key), problem))
            }
            guard case .string(let text) = value else {
                issues.append(.invalid(path.child(key), value, "label values must be strings"))
                continue
            }
            for problem in LabelValidation.isValidLabelValue(text) {
                issues.append(.invalid(path.child(key), .string(text), problem))
            }
        }
        return issues
    }

    static func validate(annotations: JSONValue?, at path: FieldPath) -> [FieldIssue] {
        guard case .object(let annotations) = annotations else { return [] }
        var issues: [FieldIssue] = []
        var total = 0
        for (key, value) in annotations {
            for problem in LabelValidation.isQualifiedName(key) {
                issues.append(.invalid(path.child(key), .string(key), problem))
            }
            if case .string(let text) = value {
                total += key.utf8.count + text.utf8.count
            } else {
                issues.append(.invalid(path.child(key), value, "annotation values must be strings"))
            }
        }
        if total > totalAnnotationSizeLimit {
            issues.append(.invalid(path, .string("<\(total) bytes>"), "may not be more than 262144 bytes"))
        }
        return issues
    }
}
