/// Kubernetes' name rules (k8s.io/apimachinery/pkg/util/validation), with upstream's messages.
public enum NameRules {
    /// Longest DNS-1123 label.
    public static let dns1123LabelMaxLength = 63

    static let labelFormatMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
        + "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    /// Problems with `value` as a DNS-1123 label (namespace names, most Contain names); empty when valid.
    public static func dns1123Label(_ value: String) -> [String] {
        var problems: [String] = []
        if value.utf8.count > dns1123LabelMaxLength { problems.append(LabelValidationMessages.maxLength(dns1123LabelMaxLength)) }
        if !isLabel(value.utf8[...]) { problems.append(labelFormatMessage) }
        return problems
    }

    /// Problems with `value` as a DNS-1123 subdomain (most Kubernetes object names); empty when valid.
    public static func dns1123Subdomain(_ value: String) -> [String] {
        LabelValidation.isDNS1123Subdomain(value)
    }

    /// Problems with `value` as a path segment name (RBAC object names, which may hold `:`).
    public static func pathSegmentName(_ value: String) -> [String] {
        if value == "." || value == ".." { return ["may not be '\(value)'"] }
        var problems: [String] = []
        for forbidden in ["/", "%"] where value.contains(forbidden) {
            problems.append("may not contain '\(forbidden)'")
        }
        return problems
    }

    private static func isLabel(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        guard alphanumeric(first), alphanumeric(last) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
}
