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
    /// Inside `mapMembers` nothing is left out: their keys are data.
    public static let unreadMembers = [
        "managedFields", "ownerReferences", "status", "options", "env", "envFrom", "volumeMounts", "volumeDevices", "args",
        "command", "resizePolicy", "terminationMessagePath", "terminationMessagePolicy", "affinity", "tolerations",
        "topologySpreadConstraints", "readinessGates", "dnsConfig", "hostAliases", "imagePullSecrets", "nodeSelector", "items",
        "sources", "httpHeaders",
    ]

    /// Maps of the kinds under review, whose keys may be any name (even one of `unreadMembers`):
    /// they are kept whole.
    public static let mapMembers = [
        "labels", "annotations", "limits", "requests", "overhead", "volumeAttributes", "selector", "matchLabels",
    ]

    /// `unreadMembers` as the scanner matches them.
    static let unreadMemberList = JSONScanner.SkipList(unreadMembers)

    /// Decodes a review from its JSON text, leaving out `unreadMembers`.
    public static func decode(_ text: String) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        try decode(bytes: Array(text.utf8))
    }

    /// Decodes a review from its JSON bytes as they came off the wire, leaving out `unreadMembers`:
    /// a pod review the scanner reads (`scanned(bytes:)`), any other the general way (`parsed(bytes:)`).
    public static func decode(bytes: [UInt8]) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        if let review = scanned(bytes: bytes) { return review }
        return try parsed(bytes: bytes)
    }

    /// Decodes a review the general way: parsed into a `JSONValue` (leaving out `unreadMembers`),
    /// then decoded by `ValueDecoder`; every error names what is wrong.
    public static func parsed(bytes: [UInt8]) throws(AdmissionReviewError) -> DecodedAdmissionReview {
        let value: JSONValue
        do {
            value = try JSONReader.value(bytes: bytes, omitting: unreadMembers, keepingWhole: mapMembers)
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

    /// A review of a pod read by a `JSONScanner` straight into the typed request, with nothing
    /// built for the members no rule reads; nil for any other review and for anything the
    /// scanner does not expect, malformed or not, which `parsed(bytes:)` then accepts or refuses
    /// with a message. Where it gives a review, it is the one `parsed(bytes:)` gives (the
    /// equivalence tests compare the two over the Pod Security corpus).
    public static func scanned(bytes: [UInt8]) -> DecodedAdmissionReview? {
        JSONScanner.scan(bytes, skipping: unreadMemberList) { scanner throws(JSONScanner.Unexpected) -> DecodedAdmissionReview in
            var apiVersion: String?
            var isReview = false
            var request: AdmissionRequest?
            try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
                switch key {
                case "apiVersion": apiVersion = try scanner.string()
                case "kind": isReview = try scanner.string() == "AdmissionReview"
                case "request": request = try scanRequest(&scanner)
                default: try scanner.skipValue()
                }
            }
            guard let apiVersion, apiVersions.contains(apiVersion), isReview, let request else { throw JSONScanner.Unexpected() }
            return DecodedAdmissionReview(apiVersion: apiVersion, request: request)
        }
    }

    /// The request of a pod review, as `decode(_:)` reads it; `Unexpected` wherever `decode(_:)`
    /// would throw or read the object some other way than as a pod.
    private static func scanRequest(_ scanner: inout JSONScanner) throws(JSONScanner.Unexpected) -> AdmissionRequest {
        var uid = "", operation: AdmissionOperation?, kind: GroupVersionKind?
        var subResource: String?, name: String?, namespace: String?
        var user = AdmissionUser(), dryRun = false
        var object: AdmissionObject?, oldObject: AdmissionObject?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "uid": uid = try scanner.string()
            case "kind":
                let requested = try scanGroupVersionKind(&scanner)
                guard requested == GroupVersionKind(group: "", version: "v1", kind: "Pod") else { throw JSONScanner.Unexpected() }
                kind = requested
            case "operation":
                guard let value = AdmissionOperation(rawValue: try scanner.string()) else { throw JSONScanner.Unexpected() }
                operation = value
            case "userInfo": user = try scanUser(&scanner)
            case "subResource": subResource = scanner.takeNull() ? nil : try scanner.string()
            case "name": name = scanner.takeNull() ? nil : try scanner.string()
            case "namespace": namespace = scanner.takeNull() ? nil : try scanner.string()
            case "dryRun": dryRun = scanner.takeNull() ? false : try scanner.bool()
            case "object", "oldObject":
                // The object must follow `kind`, as kube-apiserver writes it, to be read as a pod.
                guard kind != nil else { throw JSONScanner.Unexpected() }
                let pod: AdmissionObject? = scanner.takeNull() ? nil : .pod(try Pod.scan(&scanner))
                if case .pod(let read)? = pod, read.kind != "Pod" { throw JSONScanner.Unexpected() }
                if case "object" = key { object = pod } else { oldObject = pod }
            default: try scanner.skipValue()
            }
        }
        guard !uid.isEmpty, let kind, let operation else { throw JSONScanner.Unexpected() }
        switch operation {
        case .create where object == nil, .update where object == nil || oldObject == nil:
            throw JSONScanner.Unexpected()
        default:
            break
        }
        return AdmissionRequest(
            uid: uid, kind: kind, subResource: subResource, name: name, namespace: namespace,
            operation: operation, user: user, object: object, oldObject: oldObject, dryRun: dryRun)
    }

    private static func scanGroupVersionKind(_ scanner: inout JSONScanner) throws(JSONScanner.Unexpected) -> GroupVersionKind {
        var group = "", version: String?, kind: String?
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "group": group = scanner.takeNull() ? "" : try scanner.string()
            case "version": version = try scanner.string()
            case "kind": kind = try scanner.string()
            default: try scanner.skipValue()
            }
        }
        guard let version, let kind else { throw JSONScanner.Unexpected() }
        return GroupVersionKind(group: group, version: version, kind: kind)
    }

    private static func scanUser(_ scanner: inout JSONScanner) throws(JSONScanner.Unexpected) -> AdmissionUser {
        var user = AdmissionUser()
        try scanner.members { key, scanner throws(JSONScanner.Unexpected) in
            switch key {
            case "username": user.username = scanner.takeNull() ? "" : try scanner.string()
            case "groups":
                if scanner.takeNull() { return }
                try scanner.elements { scanner throws(JSONScanner.Unexpected) in user.groups.append(try scanner.string()) }
            default: try scanner.skipValue()
            }
        }
        return user
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
