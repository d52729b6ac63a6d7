import ContainModel
import ContainNetwork
import ContainTenancy

/// The network of one workload cluster as `contain verify` sees it: every tenant's planned
/// namespaces and NetworkPolicies (plus those of the input), a probe pod in every tenant
/// namespace, the cluster DNS pod and one pod per ingress controller.
struct ClusterProbeModel {
    /// The name of the probe pod placed in every tenant namespace. It has no labels, so only
    /// policies selecting every pod of the namespace select it.
    static let probeName = "contain-probe"

    let cluster: Cluster
    /// Tenants on the cluster with at least one namespace there, by name.
    var tenants: [String: Tenant] = [:]
    /// The owning tenant of every tenant namespace.
    var tenantOfNamespace: [String: String] = [:]
    /// Every tenant's namespaces, sorted.
    var namespacesOfTenant: [String: [String]] = [:]
    var model = NetworkModel()
    let dnsPod: PodRef
    /// The controller pod serving each ingress class that some tenant here uses.
    var controllerPods: [String: PodRef] = [:]
    var warnings: [String] = []

    init(cluster: Cluster, input: VerificationInput, defaults: PlatformDefaults) {
        self.cluster = cluster
        let onCluster = input.tenants.filter { $0.spec.clusters.contains(cluster.name) }
        var namespaces: [NetworkNamespace] = []
        var policies: [NetworkPolicy] = []
        for tenant in onCluster.sorted(by: { $0.name < $1.name }) {
            let state = TenancyPlanner.desiredState(
                tenant: tenant, cluster: cluster, tenantsOnCluster: onCluster, defaults: defaults)
            warnings += state.warnings.map { "cluster \(cluster.name): \($0)" }
            for object in state.objects {
                switch object {
                case .namespace(let namespace):
                    let name = namespace.metadata.name ?? ""
                    namespaces.append(NetworkNamespace(namespace))
                    tenantOfNamespace[name] = tenant.name
                    namespacesOfTenant[tenant.name, default: []].append(name)
                    tenants[tenant.name] = tenant
                case .networkPolicy(let policy):
                    policies.append(policy)
                default:
                    continue
                }
            }
        }
        // Policies from the input replace planned ones of the same name, or are added.
        for policy in input.policies {
            let namespace = policy.metadata.namespace ?? "default"
            guard tenantOfNamespace[namespace] != nil else { continue }
            if let index = policies.firstIndex(where: {
                $0.metadata.namespace == namespace && $0.metadata.name == policy.metadata.name
            }) {
                policies[index] = policy
            } else {
                policies.append(policy)
            }
        }
        // Platform namespaces: DNS and the ingress controllers.
        dnsPod = PodRef(namespace: defaults.dnsNamespace, name: "kube-dns")
        var pods: [NetworkPod] = [NetworkPod(
            ref: dnsPod, labels: defaults.dnsPodLabels,
            ports: [NetworkPodPort(name: "dns", port: defaults.dnsPort, protocol: .udp),
                    NetworkPodPort(name: "dns-tcp", port: defaults.dnsPort, protocol: .tcp)])]
        let classes = Set(tenants.values.flatMap { $0.spec.network?.ingress?.classes ?? [] })
        for ingressClass in classes.sorted() {
            guard let controller = defaults.ingressControllers[ingressClass] else { continue }
            let ref = PodRef(namespace: controller.namespace, name: "controller-\(ingressClass)")
            controllerPods[ingressClass] = ref
            pods.append(NetworkPod(ref: ref, labels: controller.podLabels))
        }
        // One probe per tenant namespace, then probes for the label selectors of input policies.
        let tenantNamespaces = tenantOfNamespace.keys.sorted()
        for namespace in tenantNamespaces {
            pods.append(NetworkPod(namespace: namespace, name: Self.probeName))
        }
        pods += Self.selectorProbes(policies: input.policies, tenantNamespaces: Set(tenantNamespaces))
        for carrier in input.workloads {
            let pod = NetworkPod(carrier: carrier)
            if tenantOfNamespace[pod.ref.namespace] != nil { pods.append(pod) }
        }
        model = NetworkModel(namespaces: namespaces, pods: pods, policies: policies)
    }

    /// For every label selector of the input's policies, a pod it selects: in the policy's
    /// namespace for `spec.podSelector` and for peers without a `namespaceSelector`, in every
    /// tenant namespace for peers with one. So a policy that opens a path only to labelled
    /// pods is still exercised.
    static func selectorProbes(policies: [NetworkPolicy], tenantNamespaces: Set<String>) -> [NetworkPod] {
        var wanted: [(namespace: String, labels: [String: String])] = []
        func want(_ selector: LabelSelector?, in namespaces: [String]) {
            guard let selector, !selector.isEmpty, let labels = ProbeLabels.satisfying(selector) else { return }
            for namespace in namespaces where tenantNamespaces.contains(namespace) {
                wanted.append((namespace, labels))
            }
        }
        let all = tenantNamespaces.sorted()
        for policy in policies {
            let namespace = policy.metadata.namespace ?? "default"
            want(policy.spec?.podSelector, in: [namespace])
            let peers = (policy.spec?.ingress ?? []).flatMap { $0.from ?? [] } + (policy.spec?.egress ?? []).flatMap { $0.to ?? [] }
            for peer in peers {
                want(peer.podSelector, in: peer.namespaceSelector == nil ? [namespace] : all)
            }
        }
        var seen = Set<String>()
        var counters: [String: Int] = [:]
        var pods: [NetworkPod] = []
        for (namespace, labels) in wanted {
            let key = namespace + "\u{0}" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            guard seen.insert(key).inserted else { continue }
            counters[namespace, default: 0] += 1
            pods.append(NetworkPod(namespace: namespace, name: "\(probeName)-\(counters[namespace]!)", labels: labels))
        }
        return pods
    }

    /// The probe pod of a tenant namespace.
    func probe(in namespace: String) -> PodRef { PodRef(namespace: namespace, name: Self.probeName) }

    /// Whether `destination` lists `source` in `spec.network.allowFrom`.
    func declares(_ destination: String, allowsFrom source: String) -> Bool {
        tenants[destination]?.spec.network?.allowFrom?.contains(source) ?? false
    }
}
