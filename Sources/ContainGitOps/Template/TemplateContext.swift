import ContainModel
import ContainTenancy

/// The facts of a cluster and the platform the catalog's templates may use
/// (`${cluster.replicas}`, `${platform.backup.bucket}`, …), derived from the specs.
enum TemplateContext {
    /// The context for a cluster; `settings` are the component's merged settings.
    static func make(cluster: Cluster, platform: Platform?, settings: JSONObject, warnings: inout [String]) -> JSONValue {
        var context = base(cluster: cluster, platform: platform, warnings: &warnings)
        context["settings"] = .object(settings)
        return .object(context)
    }

    /// The cluster and platform facts without settings.
    static func base(cluster: Cluster, platform: Platform?, warnings: inout [String]) -> JSONObject {
        let spec = cluster.spec
        let production = spec.tier == .production
        var facts: JSONObject = [
            "name": .string(cluster.name),
            "environment": .string(spec.environment.rawValue),
            "tier": .string(spec.tier.rawValue),
            "provider": .string(spec.provider.rawValue),
            "kubernetesVersion": .string(spec.kubernetesVersion),
            "zones": .array(spec.zones.map(JSONValue.string)),
            "zoneCount": .integer(Int64(spec.zones.count)),
            "isProduction": .bool(production),
            "replicas": .integer(production ? 2 : 1),
            "quorumReplicas": .integer(production ? 3 : 1),
            "clusterDomain": .string(spec.network?.clusterDomain ?? "cluster.local"),
        ]
        if let region = spec.region { facts["region"] = .string(region) }
        if let domain = spec.network?.ingressDomain { facts["ingressDomain"] = .string(domain) }
        if let cidr = spec.network?.podCIDR { facts["podCIDR"] = .string(cidr) }
        if let cidr = spec.network?.serviceCIDR { facts["serviceCIDR"] = .string(cidr) }
        var allowlist = spec.network?.securedIngressAllowlist ?? []
        if allowlist.isEmpty {
            // Fail closed: an empty allowlist would let everyone through the secured class.
            allowlist = ["127.0.0.1/32"]
            warnings.append("cluster \(cluster.name): no spec.network.securedIngressAllowlist; the external-secured ingress class admits nobody until one is set")
        }
        facts["securedIngressAllowlist"] = .array(allowlist.map(JSONValue.string))
        facts["securedIngressAllowlistText"] = .string(allowlist.joined(separator: ","))
        facts["storage"] = storage(cluster)
        facts["gpu"] = gpu(cluster)

        var context: JSONObject = ["cluster": .object(facts)]
        context["platform"] = platformFacts(platform)
        return context
    }

    private static func storage(_ cluster: Cluster) -> JSONValue {
        let spec = cluster.spec
        let production = spec.tier == .production
        let storage = spec.storage
        var facts: JSONObject = [
            "replicas": .integer(Int64(storage?.replicas ?? (production ? 3 : 1))),
            "failureDomain": .string(storage?.failureDomain?.rawValue ?? (production ? "zone" : "host")),
        ]
        let defaultClass: String
        switch spec.provider {
        case .eks: defaultClass = "gp3"
        case .aks: defaultClass = "managed-csi-zrs"
        case .talos, .local: defaultClass = "ceph-block"
        }
        facts["defaultClass"] = .string(storage?.classes?.first ?? defaultClass)
        var affinity = JSONObject()
        var tolerations: [JSONValue] = []
        if let poolName = storage?.nodePool, let pool = spec.nodePools.first(where: { $0.name == poolName }) {
            let labels = pool.labels ?? [:]
            if !labels.isEmpty {
                let expressions: [JSONValue] = labels.keys.sorted().map { key in
                    ["key": .string(key), "operator": "In", "values": [.string(labels[key] ?? "")]]
                }
                affinity["requiredDuringSchedulingIgnoredDuringExecution"] =
                    ["nodeSelectorTerms": [["matchExpressions": .array(expressions)]]]
            }
            tolerations = IsolationPlanner.tolerations(for: pool.taints ?? []).compactMap { try? ValueEncoder().encode($0) }
        }
        facts["nodeAffinity"] = .object(affinity)
        facts["tolerations"] = .array(tolerations)
        return .object(facts)
    }

    private static func gpu(_ cluster: Cluster) -> JSONValue {
        let pools = cluster.spec.nodePools.filter { $0.gpu != nil }
        let mig = pools.compactMap { $0.gpu?.mig }
        let strategy = mig.contains { $0.strategy == .mixed } ? "mixed" : (mig.isEmpty ? "none" : "single")
        return ["present": .bool(!pools.isEmpty), "mig": .bool(!mig.isEmpty), "migStrategy": .string(strategy)]
    }

    private static func platformFacts(_ platform: Platform?) -> JSONValue {
        var facts = JSONObject()
        guard let spec = platform?.spec else { return .object(facts) }
        if let domain = spec.domain { facts["domain"] = .string(domain) }
        let plane = spec.managementPlane
        if let registry = plane?.registry { facts["registry"] = .string(registry) }
        if let git = plane?.git { facts["git"] = .string(git) }
        if let store = plane?.secretStore { facts["secretStore"] = .string(store) }
        if let issuer = plane?.identityProvider?.issuerURL { facts["identityIssuer"] = .string(issuer) }
        if let backup = plane?.backup {
            var object: JSONObject = ["endpoint": .string(backup.endpoint), "bucket": .string(backup.bucket)]
            object["region"] = .string(backup.region ?? "us-east-1")
            facts["backup"] = .object(object)
        }
        return .object(facts)
    }
}
