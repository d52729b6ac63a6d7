import ContainModel

/// A review as the API server sent it: the request, decoded, and the review's `apiVersion`
/// (the response must carry the same).
public struct DecodedAdmissionReview: Sendable {
    /// `admission.k8s.io/v1` or `admission.k8s.io/v1beta1`.
    public var apiVersion: String
    public var request: AdmissionRequest
}

/// Reads `admission.k8s.io/v1` (and `v1beta1`) AdmissionReview JSON as kube-apiserver sends it.
/// Anything malformed, truncated or missing is an `AdmissionReviewError` naming what is wrong.
public enum AdmissionReviewDecoder {
    /// The review versions understood.
    public static let apiVersions: Set<String> = ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"]

    /// Members no rule reads, left out while the review is parsed (their values are still
    /// checked as JSON). A pod under review is mostly these: `managedFields` alone is half of a
    /// typical review, and environment, mounts and scheduling hints are most of the rest. A rule
    /// that starts reading one of them must take it off this list; the equivalence test over the
    /// whole Pod Security corpus and the guardrail fixtures compares decisions with and without it.
    public static let unreadMembers = [
        "managedFields", "ownerReferences", "status", "options", "env", "envFrom", "volumeMounts", "volumeDevices", "args",
        "command", "resizePolicy", "terminationMessagePath", "terminationMessagePolicy", "affinity", "tolerations",
        "topologySpreadConstraints", "readinessGates", "dnsConfig", "hostAliases", "imagePullSecrets", "nodeSelector", "items",
        "sources", "httpHeaders",
    ]

    /// Decodes a review from its JSON text, leaving out `unreadMembers`.
    public static func decode(_ text: String) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        try decode(bytes: Array(text.utf8))
    }

    /// Decodes a review from its JSON bytes as they came off the wire, leaving out `unreadMembers`.
    public static func decode(bytes: [UInt8]) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        let value: JSONValue
        do {
            value = try JSONReader.value(bytes: bytes, omitting: unreadMembers)
        } catch {
            throw AdmissionReviewError("the body is not valid JSON: \(error.position.line):\(error.position.column): \(error.message)")
        }
        return try decode(value)
    }

    /// Decodes a review from a parsed JSON value.
    public static func decode(_ value: JSONValue) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        guard case .object(let review) = value else {
            throw AdmissionReviewError("expected an AdmissionReview object, got \(value.typeName)")
        }
        guard let apiVersion = review["apiVersion"]?.stringValue else {
            throw AdmissionReviewError("apiVersion: Required value: expected \"admission.k8s.io/v1\"")
        }
        guard apiVersions.contains(apiVersion) else {
            throw AdmissionReviewError("apiVersion: Unsupported value: \"\(apiVersion)\": supported values: \"admission.k8s.io/v1\", \"admission.k8s.io/v1beta1\"")
        }
        guard review["kind"]?.stringValue == "AdmissionReview" else {
            throw AdmissionReviewError("kind: Unsupported value: \(describe(review["kind"])): supported values: \"AdmissionReview\"")
        }
        guard let requestValue = review["request"] else { throw AdmissionReviewError("request: Required value") }
        guard case .object(let request) = requestValue else {
            throw AdmissionReviewError("request: Invalid value: expected an object, got \(requestValue.typeName)")
        }
        let uid = try string(request, "uid", required: true)!
        guard !uid.isEmpty else { throw AdmissionReviewError("request.uid: Required value") }
        let kind = try groupVersionKind(request["kind"], field: "request.kind")
        let operationText = try string(request, "operation", required: true)!
        guard let operation = AdmissionOperation(rawValue: operationText) else {
            throw AdmissionReviewError("request.operation: Unsupported value: \"\(operationText)\": supported values: \"CREATE\", \"UPDATE\", \"DELETE\", \"CONNECT\"")
        }
        var user = AdmissionUser()
        if let userInfo = request["userInfo"] {
            guard case .object(let info) = userInfo else {
                throw AdmissionReviewError("request.userInfo: Invalid value: expected an object, got \(userInfo.typeName)")
            }
            user.username = try string(info, "username", required: false, prefix: "request.userInfo.") ?? ""
            if let groups = info["groups"], !groups.isNull {
                guard case .array(let items) = groups else {
                    throw AdmissionReviewError("request.userInfo.groups: Invalid value: expected an array, got \(groups.typeName)")
                }
                for (index, item) in items.enumerated() {
                    guard let group = item.stringValue else {
                        throw AdmissionReviewError("request.userInfo.groups[\(index)]: Invalid value: expected a string, got \(item.typeName)")
                    }
                    user.groups.append(group)
                }
            }
        }
        var dryRun = false
        if let value = request["dryRun"], !value.isNull {
            guard let flag = value.boolValue else {
                throw AdmissionReviewError("request.dryRun: Invalid value: expected a boolean, got \(value.typeName)")
            }
            dryRun = flag
        }
        let object = try decodeObject(request["object"], kind: kind, field: "request.object")
        let oldObject = try decodeObject(request["oldObject"], kind: kind, field: "request.oldObject")
        switch operation {
        case .create where object == nil:
            throw AdmissionReviewError("request.object: Required value: a CREATE review carries the new object")
        case .update where object == nil || oldObject == nil:
            throw AdmissionReviewError("request.\(object == nil ? "object" : "oldObject"): Required value: an UPDATE review carries the new and the old object")
        default:
            break
        }
        let admission = AdmissionRequest(
            uid: uid, kind: kind, subResource: try string(request, "subResource", required: false),
            name: try string(request, "name", required: false), namespace: try string(request, "namespace", required: false),
            operation: operation, user: user, object: object, oldObject: oldObject, dryRun: dryRun)
        return DecodedAdmissionReview(apiVersion: apiVersion, request: admission)
    }

    /// The uid of a review, if one can be read, for error reports.
    public static func uid(in text: String) -> String? {
        (try? JSONReader.value(text))?["request"]?["uid"]?.stringValue
    }

    private static func decodeObject(_ value: JSONValue?, kind: GroupVersionKind, field: String) throws(AdmissionReviewError) -> AdmissionObject? {
        guard let value, !value.isNull else { return nil }
        // CONNECT reviews carry options (PodExecOptions…), not the kind named in request.kind.
        if let objectKind = value["kind"]?.stringValue, objectKind != kind.kind {
            return .other(value)
        }
        do {
            return try AdmissionObject.decode(value, kind: kind)
        } catch {
            throw AdmissionReviewError("\(field): \(error.message)")
        }
    }

    private static func groupVersionKind(_ value: JSONValue?, field: String) throws(AdmissionReviewError) -> GroupVersionKind {
        guard let value else { throw AdmissionReviewError("\(field): Required value") }
        guard case .object(let object) = value else {
            throw AdmissionReviewError("\(field): Invalid value: expected an object, got \(value.typeName)")
        }
        let group = try string(object, "group", required: false, prefix: field + ".") ?? ""
        let version = try string(object, "version", required: true, prefix: field + ".")!
        let kind = try string(object, "kind", required: true, prefix: field + ".")!
        return GroupVersionKind(group: group, version: version, kind: kind)
    }

    private static func string(_ object: JSONObject, _ key: String, required: Bool, prefix: String = "request.") throws(AdmissionReviewError) -> String? {
        guard let value = object[key], !value.isNull else {
            if required { throw AdmissionReviewError("\(prefix)\(key): Required value") }
            return nil
        }
        guard let string = value.stringValue else {
            throw AdmissionReviewError("\(prefix)\(key): Invalid value: expected a string, got \(value.typeName)")
        }
        return string
    }

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "null" }
        if let string = value.stringValue { return "\"\(string)\"" }
        return value.typeName
    }
}
