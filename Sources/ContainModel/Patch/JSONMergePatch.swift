/// JSON merge patch (RFC 7386), as `kubectl apply` and `kubectl patch --type merge` send it for
/// custom resources: objects merge member by member, `null` removes a member, anything else
/// (arrays included) replaces the target whole.
public enum JSONMergePatch {
    /// The result of applying `patch` to `target`.
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        var result: JSONObject
        if case .object(let targetObject) = target { result = targetObject } else { result = JSONObject() }
        for (key, value) in patchObject.members {
            if case .null = value {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
