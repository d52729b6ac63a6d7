import ContainModel

/// A pod as NetworkPolicy sees it: where it is, its labels and its declared container ports.
public struct NetworkPod: Sendable, Hashable {
    /// The pod's namespace and name.
    public var ref: PodRef
    /// The pod's labels, which policy `podSelector`s match.
    public var labels: [String: String]
    /// The ports its containers declare; named ports in policies resolve against these.
    public var ports: [NetworkPodPort]

    /// Creates a pod.
    public init(ref: PodRef, labels: [String: String] = [:], ports: [NetworkPodPort] = []) {
        self.ref = ref
        self.labels = labels
        self.ports = ports
    }

    /// Creates a pod in `namespace` named `name`.
    public init(namespace: String, name: String, labels: [String: String] = [:], ports: [NetworkPodPort] = []) {
        self.init(ref: PodRef(namespace: namespace, name: name), labels: labels, ports: ports)
    }

    /// A representative pod of a workload (or a Pod itself): named after the object, with the
    /// template's labels and the ports of its regular containers (`spec.containers`, which is
    /// where Kubernetes network plugins resolve named ports).
    public init(carrier: some PodTemplateCarrier, defaultNamespace: String = "default") {
        let namespace = carrier.metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? defaultNamespace
        let ports = carrier.podSpec.containers.flatMap { ($0.ports ?? []).map(NetworkPodPort.init) }
        self.init(
            namespace: namespace, name: carrier.metadata.name ?? "",
            labels: carrier.podTemplateMetadata?.labels ?? [:], ports: ports)
    }
}
