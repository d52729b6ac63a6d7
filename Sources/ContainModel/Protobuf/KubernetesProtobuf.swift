/// Request bodies in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`), as
/// client-go's typed clients — `kubectl create namespace|configmap|secret|…` — send them: the
/// magic `k8s\0`, then a `runtime.Unknown` envelope whose `typeMeta` names the kind and whose
/// `raw` holds the object's message. Decoded into the JSON object the rest of the server works
/// with; kinds without a descriptor here are refused with a message naming them.
public enum KubernetesProtobuf {
    /// The media type.
    public static let contentType = "application/vnd.kubernetes.protobuf"

    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    typealias Field = ProtobufMessage.Field

    /// Decodes a body into the object it carries.
    public static func decode(_ bytes: [UInt8]) throws(ProtobufError) -> JSONObject {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw ProtobufError("the body does not start with the Kubernetes protobuf prefix k8s\\0")
        }
        let unknown = ProtobufMessage([
            1: Field("typeMeta", .message(ProtobufMessage([1: Field("apiVersion", .string), 2: Field("kind", .string)]))),
            2: Field("raw", .bytes), 3: Field("contentEncoding", .string), 4: Field("contentType", .string),
        ])
        var reader = ProtobufWireReader(bytes[magic.count...])
        var apiVersion = "", kind = ""
        var raw: ArraySlice<UInt8> = []
        while let (number, wire) = try reader.next() {
            switch (number, wire) {
            case (1, .bytes(let typeMeta)):
                guard case .message(let message) = unknown.fields[1]?.type else { continue }
                let decoded = try message.decode(typeMeta)
                apiVersion = decoded["apiVersion"]?.stringValue ?? ""
                kind = decoded["kind"]?.stringValue ?? ""
            case (2, .bytes(let bytes)):
                raw = bytes
            case (3, .bytes(let encoding)) where !encoding.isEmpty:
                throw ProtobufError("content encoding \(String(decoding: encoding, as: UTF8.self)) is not supported")
            default:
                continue
            }
        }
        guard let message = messages["\(apiVersion)/\(kind)"] else {
            throw ProtobufError("protobuf bodies of \(kind.isEmpty ? "this kind" : "\(apiVersion) \(kind)") are not supported; send JSON")
        }
        var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
        for (key, value) in try message.decode(raw).members { object[key] = value }
        return object
    }

    /// The kinds whose protobuf bodies are understood, by `apiVersion/kind`.
    public static var supportedKinds: [String] { messages.keys.sorted() }

    // MARK: Descriptors (field numbers from the upstream generated.proto files)

    static let labelSelector = ProtobufMessage([
        1: Field("matchLabels", .map(.string)),
        2: Field("matchExpressions", .message(ProtobufMessage([
            1: Field("key", .string), 2: Field("operator", .string), 3: Field("values", .string, repeated: true),
        ])), repeated: true),
    ])

    static let objectMeta = ProtobufMessage([
        1: Field("name", .string), 2: Field("generateName", .string), 3: Field("namespace", .string),
        5: Field("uid", .string), 6: Field("resourceVersion", .string), 7: Field("generation", .int64),
        8: Field("creationTimestamp", .time), 9: Field("deletionTimestamp", .time),
        10: Field("deletionGracePeriodSeconds", .int64), 11: Field("labels", .map(.string)),
        12: Field("annotations", .map(.string)),
        13: Field("ownerReferences", .message(ProtobufMessage([
            1: Field("kind", .string), 3: Field("name", .string), 4: Field("uid", .string), 5: Field("apiVersion", .string),
            6: Field("controller", .bool), 7: Field("blockOwnerDeletion", .bool),
        ])), repeated: true),
        14: Field("finalizers", .string, repeated: true),
    ])

    static let policyRule = ProtobufMessage([
        1: Field("verbs", .string, repeated: true), 2: Field("apiGroups", .string, repeated: true),
        3: Field("resources", .string, repeated: true), 4: Field("resourceNames", .string, repeated: true),
        5: Field("nonResourceURLs", .string, repeated: true),
    ])

    static let binding = ProtobufMessage([
        1: Field("metadata", .message(objectMeta)),
        2: Field("subjects", .message(ProtobufMessage([
            1: Field("kind", .string), 2: Field("apiGroup", .string), 3: Field("name", .string), 4: Field("namespace", .string),
        ])), repeated: true),
        3: Field("roleRef", .message(ProtobufMessage([1: Field("apiGroup", .string), 2: Field("kind", .string), 3: Field("name", .string)]))),
    ])

    static let messages: [String: ProtobufMessage] = [
        "v1/Namespace": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)),
            2: Field("spec", .message(ProtobufMessage([1: Field("finalizers", .string, repeated: true)]))),
        ]),
        "v1/ConfigMap": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)), 2: Field("data", .map(.string)),
            3: Field("binaryData", .map(.bytes)), 4: Field("immutable", .bool),
        ]),
        "v1/Secret": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)), 2: Field("data", .map(.bytes)), 3: Field("type", .string),
            4: Field("stringData", .map(.string)), 5: Field("immutable", .bool),
        ]),
        "v1/ServiceAccount": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)),
            2: Field("secrets", .message(ProtobufMessage([
                1: Field("kind", .string), 2: Field("namespace", .string), 3: Field("name", .string), 4: Field("uid", .string),
                5: Field("apiVersion", .string), 6: Field("resourceVersion", .string), 7: Field("fieldPath", .string),
            ])), repeated: true),
            3: Field("imagePullSecrets", .message(ProtobufMessage([1: Field("name", .string)])), repeated: true),
            4: Field("automountServiceAccountToken", .bool),
        ]),
        "v1/ResourceQuota": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)),
            2: Field("spec", .message(ProtobufMessage([
                1: Field("hard", .map(.quantity)), 2: Field("scopes", .string, repeated: true),
                3: Field("scopeSelector", .message(ProtobufMessage([
                    1: Field("matchExpressions", .message(ProtobufMessage([
                        1: Field("scopeName", .string), 2: Field("operator", .string), 3: Field("values", .string, repeated: true),
                    ])), repeated: true),
                ]))),
            ]))),
        ]),
        "rbac.authorization.k8s.io/v1/Role": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)), 2: Field("rules", .message(policyRule), repeated: true),
        ]),
        "rbac.authorization.k8s.io/v1/ClusterRole": ProtobufMessage([
            1: Field("metadata", .message(objectMeta)), 2: Field("rules", .message(policyRule), repeated: true),
            3: Field("aggregationRule", .message(ProtobufMessage([1: Field("clusterRoleSelectors", .message(labelSelector), repeated: true)]))),
        ]),
        "rbac.authorization.k8s.io/v1/RoleBinding": binding,
        "rbac.authorization.k8s.io/v1/ClusterRoleBinding": binding,
    ]
}
