import ContainModel

/// What kube-apiserver checks before it answers a `LocalSubjectAccessReview`: the object's
/// namespace is the URL's (defaulted from it when empty, 400 when it differs, as for every
/// namespaced create), then `ValidateLocalSubjectAccessReview` (422): the spec is a valid
/// SubjectAccessReview spec, metadata holds nothing but the namespace,
/// `spec.resourceAttributes.namespace` equals it, and there are no `nonResourceAttributes`.
enum LocalSubjectAccessReviewRules {
    /// `metadata` with its namespace set from the URL; 400 when the body names another one.
    static func metadata(_ metadata: JSONObject, urlNamespace: String) throws -> JSONObject {
        if let namespace = metadata["namespace"]?.stringValue, !namespace.isEmpty, namespace != urlNamespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        var result = metadata
        result["namespace"] = .string(urlNamespace)
        return result
    }

    /// The field errors of a review whose metadata namespace is `namespace`, in kube-apiserver's order.
    static func problems(metadata: JSONObject, spec: JSONObject, namespace: String) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        let resource = spec["resourceAttributes"]?.objectValue
        let nonResource = spec["nonResourceAttributes"]?.objectValue
        if resource != nil, let nonResource {
            problems.append(("spec.nonResourceAttributes", "Invalid value: \(describe(.object(nonResource))): cannot be specified in combination with resourceAttributes"))
        }
        if resource == nil, nonResource == nil {
            problems.append(("spec.resourceAttributes", "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified"))
        }
        let user = spec["user"]?.stringValue ?? ""
        if user.isEmpty, (spec["groups"]?.arrayValue ?? []).isEmpty {
            problems.append(("spec.user", "Invalid value: \"\": at least one of user or group must be specified"))
        }
        // Empty values are what Go's zero ObjectMeta holds; kubectl sends `creationTimestamp: null`
        // (and protobuf an empty time, which the decoder reads as the epoch).
        let filled = metadata.members.filter { key, value in
            !["namespace", "managedFields", "creationTimestamp"].contains(key) && !isEmpty(value)
        }
        if !filled.isEmpty {
            problems.append(("metadata", "Invalid value: \(describe(.object(JSONObject(filled.map { ($0.key, $0.value) })))): must be empty except for namespace"))
        }
        if let resource {
            let requested = resource["namespace"]?.stringValue ?? ""
            if requested != namespace {
                problems.append(("spec.resourceAttributes.namespace", "Invalid value: \(describe(.string(requested))): must match metadata.namespace"))
            }
        }
        if let nonResource {
            problems.append(("spec.nonResourceAttributes", "Invalid value: \(describe(.object(nonResource))): disallowed on this kind of request"))
        }
        return problems
    }

    /// 422 Invalid in kube-apiserver's words: `LocalSubjectAccessReview.authorization.k8s.io "" is invalid: …`.
    static func invalid(_ problems: [(field: String, message: String)]) -> APIError {
        let summary = problems.map { "\($0.field): \($0.message)" }
        let joined = summary.count == 1 ? summary[0] : "[" + summary.joined(separator: ", ") + "]"
        let causes = problems.map { StatusCause(reason: "FieldValueInvalid", message: $0.message, field: $0.field) }
        return APIError(.failure(code: 422, reason: "Invalid",
                                 message: "LocalSubjectAccessReview.authorization.k8s.io \"\" is invalid: \(joined)",
                                 details: StatusDetails(name: "", group: "authorization.k8s.io", kind: "LocalSubjectAccessReview",
                                                        causes: causes)))
    }

    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .array(let items): return items.isEmpty
        case .object(let object): return object.isEmpty
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String { JSONWriter.compact(value) }
}
