import ContainModel
import ContainRBAC
import Foundation

/// `SelfSubjectAccessReview`, `SelfSubjectRulesReview`, `SubjectAccessReview` and the
/// namespaced `LocalSubjectAccessReview` (authorization.k8s.io/v1): the body (JSON or
/// Kubernetes protobuf) in, the review with its `status` out, as JSON. Needs an authenticated
/// request: it cannot be called without one.
struct AccessReviewHandler: Sendable {
    let policy: RBACPolicy

    /// The review kinds served, by resource.
    static let kinds = ["selfsubjectaccessreviews": "SelfSubjectAccessReview", "selfsubjectrulesreviews": "SelfSubjectRulesReview",
                        "subjectaccessreviews": "SubjectAccessReview", "localsubjectaccessreviews": "LocalSubjectAccessReview"]

    /// The one review served under `/namespaces/{ns}/`; the others are cluster-scoped.
    static let namespacedResource = "localsubjectaccessreviews"

    /// Whether `path` names a review endpoint that exists: version v1, and a namespace exactly
    /// for `localsubjectaccessreviews` (kube-apiserver serves no other combination: 404).
    static func isServed(_ path: ResourcePath) -> Bool {
        path.version == "v1" && path.name == nil && (path.namespace != nil) == (path.plural == namespacedResource)
    }

    /// Decodes a body in either content type.
    static func body(_ bytes: [UInt8], contentType: String) throws -> JSONObject {
        if contentType.contains("protobuf") {
            do {
                var review = try KubernetesProtobuf.decode(bytes)
                if review["spec"] == nil { review["spec"] = .object(JSONObject()) }
                return review
            } catch {
                throw APIError.badRequest("the body of the request could not be decoded as protobuf: \(error.description)")
            }
        }
        return try APIServer.parseObject(String(decoding: bytes, as: UTF8.self), yaml: contentType.contains("yaml"))
    }

    /// The review with its status; `namespace` is the URL's (only for `LocalSubjectAccessReview`).
    func respond(kind: String, body: JSONObject, context: AuthenticatedContext, namespace: String? = nil) throws -> JSONObject {
        if let bodyKind = body["kind"]?.stringValue, !bodyKind.isEmpty, bodyKind != kind {
            throw APIError.badRequest("the body is a \(bodyKind), not a \(kind)")
        }
        var review = body
        review["apiVersion"] = "authorization.k8s.io/v1"
        review["kind"] = .string(kind)
        var metadata = body["metadata"]?.objectValue ?? JSONObject()
        metadata["creationTimestamp"] = .null
        review["metadata"] = .object(metadata)
        let spec = body["spec"]?.objectValue ?? JSONObject()
        switch kind {
        case "SelfSubjectRulesReview":
            review["status"] = .object(rulesStatus(context.user, namespace: spec["namespace"]?.stringValue ?? ""))
        case "LocalSubjectAccessReview":
            guard let namespace, !namespace.isEmpty else { throw APIError.badRequest("namespace is required on this type: ") }
            let metadata = try LocalSubjectAccessReviewRules.metadata(body["metadata"]?.objectValue ?? JSONObject(), urlNamespace: namespace)
            let problems = LocalSubjectAccessReviewRules.problems(metadata: metadata, spec: spec, namespace: namespace)
            guard problems.isEmpty else { throw LocalSubjectAccessReviewRules.invalid(problems) }
            var echoed = metadata
            echoed["creationTimestamp"] = .null
            review["metadata"] = .object(echoed)
            review["status"] = .object(try accessStatus(Self.subject(spec), spec: spec))
        case "SubjectAccessReview":
            // kube-apiserver's rule: a uid alone, or an empty group list, names no one.
            guard !(spec["user"]?.stringValue ?? "").isEmpty || !(spec["groups"]?.arrayValue ?? []).isEmpty else {
                throw APIError.invalidReview("spec.user: Invalid value: \"\": at least one of user or group must be specified")
            }
            review["status"] = .object(try accessStatus(Self.subject(spec), spec: spec))
        default:
            review["status"] = .object(try accessStatus(context.user, spec: spec))
        }
        return review
    }

    /// The user a SubjectAccessReview spec asks about: user, uid and groups as given.
    static func subject(_ spec: JSONObject) -> UserInfo {
        let groups = spec["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return UserInfo(name: spec["user"]?.stringValue ?? "", uid: spec["uid"]?.stringValue ?? "", groups: groups)
    }

    func accessStatus(_ user: UserInfo, spec: JSONObject) throws -> JSONObject {
        let attributes: RequestAttributes
        if let resource = spec["resourceAttributes"]?.objectValue {
            func text(_ key: String) -> String { resource[key]?.stringValue ?? "" }
            attributes = .resource(text("verb"), group: text("group"), version: text("version"), resource: text("resource"),
                                   subresource: text("subresource"), namespace: text("namespace"), name: text("name"))
        } else if let nonResource = spec["nonResourceAttributes"]?.objectValue {
            attributes = .nonResource(nonResource["verb"]?.stringValue ?? "", path: nonResource["path"]?.stringValue ?? "")
        } else {
            throw APIError.invalidReview("spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")
        }
        let decision = policy.authorize(user, attributes)
        var status: JSONObject = ["allowed": .bool(decision.allowed)]
        if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        return status
    }

    func rulesStatus(_ user: UserInfo, namespace: String) -> JSONObject {
        var resourceRules: [JSONValue] = []
        var nonResourceRules: [JSONValue] = []
        for rule in policy.rules(for: user, namespace: namespace) {
            if let urls = rule.nonResourceURLs, !urls.isEmpty {
                nonResourceRules.append(["verbs": .array(rule.verbs.map(JSONValue.string)), "nonResourceURLs": .array(urls.map(JSONValue.string))])
            } else {
                var entry: JSONObject = ["verbs": .array(rule.verbs.map(JSONValue.string)),
                                         "apiGroups": .array((rule.apiGroups ?? []).map(JSONValue.string)),
                                         "resources": .array((rule.resources ?? []).map(JSONValue.string))]
                if let names = rule.resourceNames, !names.isEmpty { entry["resourceNames"] = .array(names.map(JSONValue.string)) }
                resourceRules.append(.object(entry))
            }
        }
        return ["resourceRules": .array(resourceRules), "nonResourceRules": .array(nonResourceRules), "incomplete": false]
    }
}

extension APIError {
    /// 422 for a review whose spec is unusable.
    static func invalidReview(_ message: String) -> APIError {
        APIError(.failure(code: 422, reason: "Invalid", message: message))
    }
    /// 401 Unauthorized, as kube-apiserver words it.
    static let unauthorized = APIError(.failure(code: 401, reason: "Unauthorized", message: "Unauthorized"))
}
