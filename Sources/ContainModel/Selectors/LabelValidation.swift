/// Validation of label keys and label values, following Kubernetes'
/// `k8s.io/apimachinery` rules (`validation.IsQualifiedName`, which upstream now
/// calls `content.IsLabelKey`, and `validation.IsValidLabelValue`).
///
/// Every function returns the list of problems it found, worded exactly as
/// upstream words them, and an empty list when the input is valid. Returning a
/// list (rather than throwing) lets callers that validate whole objects — for
/// example `metadata.labels` — attach each problem to a field path of their own.
///
/// Lengths are measured in UTF-8 bytes, as Go's `len` does, and only ASCII
/// letters and digits count as alphanumeric.
public enum LabelValidation {
    /// The maximum length, in bytes, of a label value and of the name part of a label key.
    public static let labelValueMaxLength = 63

    /// The maximum length, in bytes, of the name part of a qualified name (label key).
    public static let qualifiedNameMaxLength = 63

    /// The maximum length, in bytes, of a DNS-1123 subdomain (and so of a label key prefix).
    public static let dns1123SubdomainMaxLength = 253

    /// Checks a label key ("qualified name"): an optional DNS-1123 subdomain prefix of at most
    /// 253 bytes followed by `/`, then a name of 1 to 63 bytes matching
    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    ///
    /// - Returns: upstream's messages for each problem, or `[]` when `value` is a valid key.
    public static func isQualifiedName(_ value: String) -> [String] {
        let bytes = value.utf8
        var problems: [String] = []
        let name: Substring.UTF8View
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            let prefix = bytes[bytes.startIndex..<slash]
            let suffix = bytes[bytes.index(after: slash)...]
            if suffix.contains(UInt8(ascii: "/")) {
                return [LabelValidationMessages.tooManySlashes]
            }
            name = suffix
            if prefix.isEmpty {
                problems.append("prefix part " + LabelValidationMessages.empty)
            } else {
                for problem in dns1123SubdomainProblems(prefix) {
                    problems.append("prefix part " + problem)
                }
            }
        } else {
            name = bytes[...]
        }
        if name.isEmpty {
            problems.append("name part " + LabelValidationMessages.empty)
        } else if name.count > qualifiedNameMaxLength {
            problems.append("name part " + LabelValidationMessages.maxLength(qualifiedNameMaxLength))
        }
        if !isLabelName(name) {
            problems.append("name part " + LabelValidationMessages.qualifiedNameFormat)
        }
        return problems
    }

    /// Checks a label value: empty, or at most 63 bytes matching
    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    ///
    /// - Returns: upstream's messages for each problem, or `[]` when `value` is a valid label value.
    public static func isValidLabelValue(_ value: String) -> [String] {
        let bytes = value.utf8[...]
        var problems: [String] = []
        if bytes.count > labelValueMaxLength {
            problems.append(LabelValidationMessages.maxLength(labelValueMaxLength))
        }
        if !bytes.isEmpty && !isLabelName(bytes) {
            problems.append(LabelValidationMessages.labelValueFormat)
        }
        return problems
    }

    /// Checks a lowercase RFC 1123 subdomain (at most 253 bytes; dot-separated labels of
    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`), the rule for label key prefixes and most object names.
    ///
    /// - Returns: upstream's messages for each problem, or `[]` when `value` is a valid subdomain.
    public static func isDNS1123Subdomain(_ value: String) -> [String] {
        dns1123SubdomainProblems(value.utf8[...])
    }

    // MARK: - Byte-level checks

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, anchored at both ends.
    static func isLabelName(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard isASCIIAlphanumeric(first), isASCIIAlphanumeric(last) else { return false }
        for byte in bytes where !isASCIIAlphanumeric(byte) {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                continue
            default:
                return false
            }
        }
        return true
    }

    static func dns1123SubdomainProblems(_ bytes: Substring.UTF8View) -> [String] {
        var problems: [String] = []
        if bytes.count > dns1123SubdomainMaxLength {
            problems.append(LabelValidationMessages.maxLength(dns1123SubdomainMaxLength))
        }
        if !isDNS1123SubdomainSyntax(bytes) {
            problems.append(LabelValidationMessages.dns1123SubdomainFormat)
        }
        return problems
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`, anchored at both ends.
    static func isDNS1123SubdomainSyntax(_ bytes: Substring.UTF8View) -> Bool {
        // Every dot-separated label must be non-empty, made of [-a-z0-9],
        // and start and end with [a-z0-9].
        var labelLength = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if labelLength == 0 || previous == UInt8(ascii: "-") { return false }
                labelLength = 0
            } else if isLowercaseAlphanumeric(byte) {
                labelLength += 1
            } else if byte == UInt8(ascii: "-") {
                if labelLength == 0 { return false }
                labelLength += 1
            } else {
                return false
            }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return false
        }
    }
}

/// Upstream's message texts, kept in one place so a change of upstream wording
/// (it has changed over releases) is a one-line edit.
enum LabelValidationMessages {
    static let labelNameRegex = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelNameRule =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueRule =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let dns1123SubdomainRule =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    static let dns1123SubdomainRegex = #"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"#

    static let empty = "must be non-empty"

    static let qualifiedNameFormat = regexError(labelNameRule, labelNameRegex, examples: ["MyName", "my.name", "123-abc"])

    static let tooManySlashes = "a valid label key " + qualifiedNameFormat
        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"

    static let labelValueFormat = regexError(
        labelValueRule, "(" + labelNameRegex + ")?", examples: ["MyValue", "my_value", "12345"])

    static let dns1123SubdomainFormat = regexError(
        dns1123SubdomainRule, dns1123SubdomainRegex, examples: ["example.com"])

    static func maxLength(_ length: Int) -> String {
        "must be no more than \(length) bytes"
    }

    /// Upstream's `RegexError`, including its quirk of a double space before each "or".
    static func regexError(_ message: String, _ regex: String, examples: [String]) -> String {
        if examples.isEmpty {
            return message + " (regex used for validation is '" + regex + "')"
        }
        var text = message + " (e.g. "
        for (index, example) in examples.enumerated() {
            if index > 0 { text += " or " }
            text += "'" + example + "', "
        }
        return text + "regex used for validation is '" + regex + "')"
    }
}
