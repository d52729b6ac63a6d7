import ContainModel

/// An object under admission, typed when a guardrail reads its kind.
/// Indirect: requests and inputs carry it by reference, so passing one around copies no pod.
public indirect enum AdmissionObject: Sendable {
    case pod(Pod)
    /// A workload with a pod template: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob.
    case workload(any PodTemplateCarrier)
    case ingress(Ingress)
    case service(Service)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case roleBinding(RoleBinding)
    case namespace(Namespace)
    /// Any other kind, kept as JSON (no guardrail reads it).
    case other(JSONValue)

    /// Wraps a typed object in its case (kinds no guardrail reads become `.other`).
    public init(_ object: any KubeObject) {
        switch object {
        case let pod as Pod: self = .pod(pod)
        case let carrier as any PodTemplateCarrier: self = .workload(carrier)
        case let ingress as Ingress: self = .ingress(ingress)
        case let service as Service: self = .service(service)
        case let claim as PersistentVolumeClaim: self = .persistentVolumeClaim(claim)
        case let binding as RoleBinding: self = .roleBinding(binding)
        case let namespace as Namespace: self = .namespace(namespace)
        default: self = .other((try? ValueEncoder().encode(object)) ?? .null)
        }
    }

    /// The kinds guardrails read, by `apiVersion` and kind.
    static let guardedKinds: [String: any KubeObject.Type] = {
        var kinds: [String: any KubeObject.Type] = [:]
        let types: [any KubeObject.Type] = [
            Pod.self, Deployment.self, ReplicaSet.self, StatefulSet.self, DaemonSet.self, Job.self, CronJob.self,
            Ingress.self, Service.self, PersistentVolumeClaim.self, RoleBinding.self, Namespace.self,
        ]
        for type in types { kinds[type.resourceType.apiVersion + "/" + type.resourceType.kind] = type }
        return kinds
    }()

    /// Whether any rule reads objects of `kind`; the engine allows every other kind untouched, so
    /// callers may skip decoding them.
    public static func isGuarded(_ kind: GroupVersionKind) -> Bool { guardedKinds[kind.apiVersion + "/" + kind.kind] != nil }

    /// Decodes `value` as the kind the request names. Unknown members are ignored (the API
    /// server already validated the object, and may know newer fields), but a wrong type or a
    /// missing required member is an error naming the field.
    public static func decode(_ value: JSONValue, kind: GroupVersionKind) throws(AdmissionObjectError) -> AdmissionObject {
        guard case .object = value else {
            throw AdmissionObjectError(message: "expected a JSON object, got \(value.typeName)")
        }
        guard let type = guardedKinds[kind.apiVersion + "/" + kind.kind] else { return .other(value) }
        do {
            return AdmissionObject(try decodeTyped(type, value))
        } catch {
            throw AdmissionObjectError(message: error.problems.map(\.description).joined(separator: "; "))
        }
    }

    private static func decodeTyped<T: KubeObject>(_ type: T.Type, _ value: JSONValue) throws(DecodingFailure) -> any KubeObject {
        try ValueDecoder(rejectsUnknownFields: false).decode(type, from: value)
    }

    /// The object's metadata, when typed.
    public var metadata: ObjectMeta? {
        switch self {
        case .pod(let object): object.metadata
        case .workload(let object): object.metadata
        case .ingress(let object): object.metadata
        case .service(let object): object.metadata
        case .persistentVolumeClaim(let object): object.metadata
        case .roleBinding(let object): object.metadata
        case .namespace(let object): object.metadata
        case .other(let value): value["metadata"].flatMap { try? ValueDecoder(rejectsUnknownFields: false).decode(ObjectMeta.self, from: $0) }
        }
    }
}

/// An object in a review that does not decode as its kind.
public struct AdmissionObjectError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
