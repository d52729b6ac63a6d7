import ContainModel

/// Decodes the protobuf bodies of `authorization.k8s.io/v1` reviews (what `kubectl auth can-i`
/// sends) into their JSON form, field numbers as in `authorization/v1/generated.proto`.
enum AccessReviewDecoder {
    static func decode(_ envelope: KubernetesProtobufEnvelope) throws -> JSONObject {
        var object: JSONObject = ["apiVersion": .string(envelope.apiVersion.isEmpty ? "authorization.k8s.io/v1" : envelope.apiVersion),
                                  "kind": .string(envelope.kind)]
        var spec = JSONObject()
        try ProtobufReader.fields(envelope.raw) { field in
            guard case .bytes(2, let bytes) = field else { return }
            spec = try decodeSpec(bytes, kind: envelope.kind)
        }
        object["spec"] = .object(spec)
        return object
    }

    static func decodeSpec(_ bytes: ArraySlice<UInt8>, kind: String) throws -> JSONObject {
        var spec = JSONObject()
        var groups: [JSONValue] = []
        try ProtobufReader.fields(bytes) { field in
            guard case .bytes(let number, let value) = field else { return }
            if kind == "SelfSubjectRulesReview" {
                if number == 1 { spec["namespace"] = .string(try ProtobufReader.string(value)) }
                return
            }
            switch number {
            case 1: spec["resourceAttributes"] = .object(try strings(value, names: [1: "namespace", 2: "verb", 3: "group", 4: "version",
                                                                                     5: "resource", 6: "subresource", 7: "name"]))
            case 2: spec["nonResourceAttributes"] = .object(try strings(value, names: [1: "path", 2: "verb"]))
            case 3 where kind == "SubjectAccessReview": spec["user"] = .string(try ProtobufReader.string(value))
            case 4 where kind == "SubjectAccessReview": groups.append(.string(try ProtobufReader.string(value)))
            case 6 where kind == "SubjectAccessReview": spec["uid"] = .string(try ProtobufReader.string(value))
            default: break
            }
        }
        if !groups.isEmpty { spec["groups"] = .array(groups) }
        return spec
    }

    /// A message whose interesting fields are all strings.
    static func strings(_ bytes: ArraySlice<UInt8>, names: [Int: String]) throws -> JSONObject {
        var object = JSONObject()
        try ProtobufReader.fields(bytes) { field in
            guard case .bytes(let number, let value) = field, let name = names[number] else { return }
            object[name] = .string(try ProtobufReader.string(value))
        }
        return object
    }
}
