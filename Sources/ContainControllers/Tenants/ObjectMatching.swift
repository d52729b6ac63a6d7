import ContainModel

/// Whether a live object already holds everything a desired object says: every member of
/// `desired` is in `live` with an equal value (objects compared recursively, arrays element by
/// element, extra members in `live` ignored, as servers add defaults and metadata).
enum ObjectMatching {
    static func contains(_ live: JSONValue, _ desired: JSONValue) -> Bool {
        switch (live, desired) {
        case (.object(let live), .object(let desired)):
            for (key, value) in desired {
                guard let liveValue = live[key] else {
                    if case .null = value { continue }
                    if case .array(let items) = value, items.isEmpty { continue }
                    if case .object(let members) = value, members.isEmpty { continue }
                    return false
                }
                if !contains(liveValue, value) { return false }
            }
            return true
        case (.array(let live), .array(let desired)):
            guard live.count == desired.count else { return false }
            return zip(live, desired).allSatisfy { contains($0, $1) }
        case (.integer(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .integer(let b)): return a == Double(b)
        default:
            return live == desired
        }
    }
}
