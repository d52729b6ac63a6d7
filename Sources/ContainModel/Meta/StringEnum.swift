/// A closed set of string values in an API field. Decoding an unknown value fails with the
/// message Kubernetes uses, listing what is supported:
/// `Unsupported value: "prod": supported values: "devTest", "production"`.
public protocol StringEnum: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {}

extension StringEnum {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: Self.unsupportedMessage(raw)))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The message for a value outside the set.
    public static func unsupportedMessage(_ raw: String) -> String {
        "Unsupported value: \"\(raw)\": supported values: " + allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }
}
