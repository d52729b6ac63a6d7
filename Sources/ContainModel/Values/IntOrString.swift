/// `intstr.IntOrString`: a value that is either an integer or a string, as Kubernetes uses for
/// ports (`8080` or `http`) and rollout limits (`1` or `25%`).
///
/// It decodes from a JSON integer or a JSON string and encodes back to the same JSON type, so a
/// manifest round-trips unchanged.
public enum IntOrString: Sendable, Hashable {
    case int(Int)
    case string(String)

    /// The integer, when this is one.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value resolved against a total, as Kubernetes' `GetScaledValueFromIntOrPercent` does:
    /// an integer is itself, a percentage such as `25%` is that share of `total`, rounded up or
    /// down. `nil` for a string that is not a whole-number percentage.
    public func scaledValue(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let value):
            return value
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return nil }
            let (product, overflow) = percent.multipliedReportingOverflow(by: total)
            guard !overflow else { return nil }
            let quotient = product / 100
            let hasRemainder = product % 100 != 0
            if roundUp, hasRemainder, product > 0 { return quotient + 1 }
            if !roundUp, hasRemainder, product < 0 { return quotient - 1 }
            return quotient
        }
    }
}

extension IntOrString: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if case .integer(let value)? = try? container.decode(JSONValue.self) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "integer \(value) is out of range"))
        } else {
            let found = (try? container.decode(JSONValue.self))?.typeName ?? "another type"
            throw DecodingError.typeMismatch(
                IntOrString.self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected integer or string, got \(found)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}

extension IntOrString: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

extension IntOrString: CustomStringConvertible {
    /// The value as written in a manifest: `8080` or `http`.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }
}
