import ContainModel

/// The inputs of a reachability computation: namespaces with their labels, pods with their
/// labels and ports, and NetworkPolicies.
///
/// Namespaces that pods or policies refer to but that are not declared are added implicitly,
/// with only the automatic `kubernetes.io/metadata.name` label. Namespaced objects without a
/// namespace are placed in `default`. When two pods share a namespace and name, the first wins.
public struct NetworkModel: Sendable {
    /// Declared namespaces, by name.
    public private(set) var namespaces: [String: NetworkNamespace]
    /// The pods, in insertion order (duplicates by `PodRef` dropped, first kept).
    public private(set) var pods: [NetworkPod]
    /// The policies, in insertion order.
    public private(set) var policies: [NetworkPolicy]

    /// Creates a model from typed values.
    public init(namespaces: [NetworkNamespace] = [], pods: [NetworkPod] = [], policies: [NetworkPolicy] = []) {
        self.namespaces = [:]
        self.pods = []
        self.policies = []
        for namespace in namespaces { add(namespace) }
        for pod in pods { add(pod) }
        for policy in policies { add(policy) }
    }

    /// Adds (or replaces) a namespace.
    public mutating func add(_ namespace: NetworkNamespace) {
        namespaces[namespace.name] = namespace
    }

    /// Adds a pod, unless a pod with the same namespace and name is already there.
    public mutating func add(_ pod: NetworkPod) {
        guard !pods.contains(where: { $0.ref == pod.ref }) else { return }
        pods.append(pod)
    }

    /// Adds a policy; one without a namespace goes to `default`.
    public mutating func add(_ policy: NetworkPolicy) {
        var policy = policy
        if (policy.metadata.namespace ?? "").isEmpty { policy.metadata.namespace = "default" }
        policies.append(policy)
    }

    /// Every namespace the model mentions (declared, or used by a pod or policy), each with its
    /// labels, sorted by name.
    public var allNamespaces: [NetworkNamespace] {
        var result = namespaces
        for pod in pods where result[pod.ref.namespace] == nil {
            result[pod.ref.namespace] = NetworkNamespace(name: pod.ref.namespace)
        }
        for policy in policies {
            let name = policy.metadata.namespace ?? "default"
            if result[name] == nil { result[name] = NetworkNamespace(name: name) }
        }
        return result.values.sorted { $0.name < $1.name }
    }

    /// A model from loaded manifests: `Namespace`s, `NetworkPolicy`s, and one representative pod
    /// for every `Pod` and every workload that carries a pod template (Deployment, StatefulSet,
    /// DaemonSet, ReplicaSet, Job, CronJob), named after the object. Other kinds are ignored.
    public init(manifests: [LoadedManifest]) {
        self.init()
        for manifest in manifests {
            guard case .typed(let object) = manifest.object else { continue }
            if let namespace = object as? Namespace {
                add(NetworkNamespace(namespace))
            } else if let policy = object as? NetworkPolicy {
                add(policy)
            } else if let carrier = object as? any PodTemplateCarrier {
                add(NetworkPod(carrier: carrier))
            }
        }
    }

    /// A model from the compact what-if form (see `NetworkWorkloads`), plus policies.
    public init(workloads: NetworkWorkloads, policies: [NetworkPolicy] = []) {
        self.init(namespaces: workloads.networkNamespaces, pods: workloads.networkPods, policies: policies)
    }

    /// A model with these extra policies (for what-if questions).
    public func adding(policies more: [NetworkPolicy]) -> NetworkModel {
        var copy = self
        for policy in more { copy.add(policy) }
        return copy
    }
}
