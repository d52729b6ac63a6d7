import ContainModel

/// Plans the NetworkPolicies of a tenant namespace. Policies are additive, so the namespace is
/// closed by the first and each later one opens exactly one path:
///
/// 1. `default-deny`: every pod, `Ingress` and `Egress`, no rules.
/// 2. `allow-dns`: egress to the cluster DNS pods (`kube-system`, `k8s-app: kube-dns`) on UDP
///    and TCP 53.
/// 3. `allow-same-namespace`: ingress from and egress to pods of the same namespace.
/// 4. `allow-same-tenant`: ingress from and egress to the tenant's other namespaces (selected by
///    the `platform.contain.dev/tenant` label, which only Contain sets on namespaces).
/// 5. `allow-ingress-controllers` (when the tenant lists ingress classes): ingress from the
///    controller pods of each class, in their namespace.
/// 6. `allow-from-tenants` (when `spec.network.allowFrom` lists tenants): ingress from exactly
///    those tenants' namespaces.
/// 7. `allow-to-tenants` (when tenants on the cluster list this one in their `allowFrom`): egress
///    to those tenants' namespaces, the other half of their `allow-from-tenants`.
/// 8. `allow-internet-egress` (when `spec.network.allowInternetEgress`): egress to `0.0.0.0/0`
///    except the cluster's pod and service CIDRs and the private and link-local ranges.
/// 9. `allow-apiserver-egress` (virtual-cluster hosts, when
///    ``PlatformDefaults/apiServerCIDRs`` is set): egress to the API server on TCP 443 and 6443.
public enum NetworkPolicyPlanner {
    /// The name of the policy that closes the namespace.
    public static let defaultDenyName = "default-deny"

    static func policies(namespace: String, placement: TenantPlacement) -> [NetworkPolicy] {
        let tenant = placement.tenantName
        let defaults = placement.defaults
        let network = placement.tenant.spec.network
        var policies: [NetworkPolicy] = []
        func add(_ name: String, ingress: [NetworkPolicyIngressRule]? = nil,
                 egress: [NetworkPolicyEgressRule]? = nil, types: [PolicyType]) {
            policies.append(NetworkPolicy(
                metadata: TenancyLabels.meta(name: name, namespace: namespace, tenant: tenant),
                spec: NetworkPolicySpec(podSelector: LabelSelector(), ingress: ingress, egress: egress, policyTypes: types)))
        }

        add(defaultDenyName, types: [.ingress, .egress])

        let dnsPort = IntOrString.int(defaults.dnsPort)
        add("allow-dns", egress: [NetworkPolicyEgressRule(
            ports: [NetworkPolicyPort(protocol: .udp, port: dnsPort), NetworkPolicyPort(protocol: .tcp, port: dnsPort)],
            to: [NetworkPolicyPeer(
                podSelector: LabelSelector(matchLabels: defaults.dnsPodLabels),
                namespaceSelector: TenancyLabels.namespaceSelector(named: defaults.dnsNamespace))])],
            types: [.egress])

        let samePods = [NetworkPolicyPeer(podSelector: LabelSelector())]
        add("allow-same-namespace", ingress: [NetworkPolicyIngressRule(from: samePods)],
            egress: [NetworkPolicyEgressRule(to: samePods)], types: [.ingress, .egress])

        let sameTenant = [NetworkPolicyPeer(namespaceSelector: TenancyLabels.namespaceSelector(tenant: tenant))]
        add("allow-same-tenant", ingress: [NetworkPolicyIngressRule(from: sameTenant)],
            egress: [NetworkPolicyEgressRule(to: sameTenant)], types: [.ingress, .egress])

        let controllerPeers = ingressControllerPeers(placement)
        if !controllerPeers.isEmpty {
            add("allow-ingress-controllers", ingress: [NetworkPolicyIngressRule(from: controllerPeers)], types: [.ingress])
        }

        let sources = sortedUnique((network?.allowFrom ?? []).filter { $0 != tenant })
        if !sources.isEmpty {
            add("allow-from-tenants", ingress: [NetworkPolicyIngressRule(from: sources.map {
                NetworkPolicyPeer(namespaceSelector: TenancyLabels.namespaceSelector(tenant: $0))
            })], types: [.ingress])
        }

        let destinations = placement.neighbours
            .filter { ($0.spec.network?.allowFrom ?? []).contains(tenant) }
            .map(\.name)
        if !destinations.isEmpty {
            add("allow-to-tenants", egress: [NetworkPolicyEgressRule(to: sortedUnique(destinations).map {
                NetworkPolicyPeer(namespaceSelector: TenancyLabels.namespaceSelector(tenant: $0))
            })], types: [.egress])
        }

        if network?.allowInternetEgress == true {
            add("allow-internet-egress", egress: [NetworkPolicyEgressRule(to: [NetworkPolicyPeer(
                ipBlock: IPBlock(cidr: "0.0.0.0/0", except: internetExceptions(placement)))])],
                types: [.egress])
        }

        if placement.tier == .virtualCluster, !defaults.apiServerCIDRs.isEmpty {
            add("allow-apiserver-egress", egress: [NetworkPolicyEgressRule(
                ports: [NetworkPolicyPort(protocol: .tcp, port: .int(443)), NetworkPolicyPort(protocol: .tcp, port: .int(6443))],
                to: sortedUnique(defaults.apiServerCIDRs).map { NetworkPolicyPeer(ipBlock: IPBlock(cidr: $0)) })],
                types: [.egress])
        }
        return policies
    }

    /// The ranges internet egress excludes: the cluster's pod and service CIDRs (when set and
    /// IPv4), then the platform's private ranges, without duplicates, in that order.
    public static func internetExceptions(cluster: Cluster, defaults: PlatformDefaults) -> [String] {
        let clusterRanges = [cluster.spec.network?.podCIDR, cluster.spec.network?.serviceCIDR]
            .compactMap { $0 }
            .filter { !$0.contains(":") }  // an IPv6 range cannot be an exception of 0.0.0.0/0
        var seen = Set<String>()
        return (clusterRanges + defaults.privateRanges).filter { seen.insert($0).inserted }
    }

    private static func internetExceptions(_ placement: TenantPlacement) -> [String] {
        internetExceptions(cluster: placement.cluster, defaults: placement.defaults)
    }

    /// One peer per distinct ingress controller serving one of the tenant's classes.
    private static func ingressControllerPeers(_ placement: TenantPlacement) -> [NetworkPolicyPeer] {
        let classes = sortedUnique(placement.tenant.spec.network?.ingress?.classes ?? [])
        var seen = Set<NetworkPolicyPeer>()
        return classes.compactMap { ingressClass in
            guard let controller = placement.defaults.ingressControllers[ingressClass] else { return nil }
            let peer = NetworkPolicyPeer(
                podSelector: LabelSelector(matchLabels: controller.podLabels),
                namespaceSelector: TenancyLabels.namespaceSelector(named: controller.namespace))
            return seen.insert(peer).inserted ? peer : nil
        }
    }

    private static func sortedUnique(_ names: [String]) -> [String] {
        Array(Set(names)).sorted(by: byteOrder)
    }
}
