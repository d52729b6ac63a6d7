import ContainModel

extension Verdict {
    /// The verdict as JSON: `allowed` (the answer), `from`, `to`, `port`, `protocol`,
    /// `selfTraffic`, then `egress` and `ingress` (each `null` for an external address, else
    /// `pod`, `isolated`, `allowed`, the selecting `policies` and the `allowingRules`), and the
    /// one-line-per-side `explanation`.
    public var json: JSONValue {
        .object(JSONObject([
            ("allowed", .bool(allowed)),
            ("from", .string(source.description)),
            ("to", .string(destination.description)),
            ("port", .integer(Int64(port))),
            ("protocol", .string(self.protocol.rawValue)),
            ("selfTraffic", .bool(isSelfTraffic)),
            ("egress", egress.map(\.json) ?? .null),
            ("ingress", ingress.map(\.json) ?? .null),
            ("explanation", .array(description.split(separator: "\n").map { .string(String($0).trimmedLeadingSpaces) })),
        ]))
    }
}

extension DirectionVerdict {
    /// This side as JSON (see `Verdict.json`).
    public var json: JSONValue {
        .object(JSONObject([
            ("pod", .string(pod.description)),
            ("isolated", .bool(isolated)),
            ("allowed", .bool(allowed)),
            ("policies", .array(selectingPolicies.map { .string($0.description) })),
            ("allowingRules", .array(allowingRules.map { .string($0.description) })),
        ]))
    }
}

extension String {
    fileprivate var trimmedLeadingSpaces: String { String(drop { $0 == " " }) }
}
