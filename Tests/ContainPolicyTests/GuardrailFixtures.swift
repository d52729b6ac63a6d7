import ContainModel
import ContainPolicy

/// Tenants and objects for the guardrail tests, written as YAML a platform team would write.
enum GuardrailFixtures {
    static let tenantsYAML = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: web}
        spec:
          owners: [{kind: Group, name: web-admins}]
          members: [{kind: Group, name: web-developers}]
          clusters: [prod]
          namespaces: [{name: web}, {name: web-preview}]
          quota: {namespaces: 3, loadBalancers: 1}
          isolation: {runtime: runc, podSecurity: restricted}
          network:
            ingress:
              classes: [external, internal]
              hostnames: [www.example.com, "*.web.example.com"]
          registries: [registry.example.com/web]
          storageClasses: [ceph-block, ceph-filesystem]
        ---
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: payments}
        spec:
          owners: [{kind: Group, name: payments-admins}]
          clusters: [prod]
          namespaces: [{name: payments}]
          isolation: {runtime: gvisor, podSecurity: restricted}
          network:
            ingress: {classes: [external-secured], hostnames: [pay.example.com]}
          registries: [registry.example.com/payments]
          requireImageDigest: true
          storageClasses: [ceph-block]
        ---
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: ml}
        spec:
          owners: [{kind: User, name: ada@example.com}]
          clusters: [prod]
          namespaces: [{name: ml}]
          quota: {migDevices: {1g.10gb: 4}}
          isolation: {runtime: kata, podSecurity: baseline}
          gpu: {profiles: [1g.10gb]}
          network:
            serviceTypes: [NodePort]
            ingress: {classes: [internal], hostnames: ["*.example.com"]}
          registries: [registry.example.com/ml, nvcr.io/nvidia]
        """

    /// The fixture tenants, decoded strictly and valid on their own.
    static func tenants() throws -> [Tenant] {
        try YAMLReader.documents(tenantsYAML).map { try ValueDecoder().decode(Tenant.self, from: $0.value) }
    }

    /// A directory of the fixture tenants, with one tenant's guardrails replaced.
    static func directory(_ name: String? = nil, guardrails: TenantGuardrails? = nil,
                          namespaceCounts: [String: Int] = [:]) throws -> TenantDirectory {
        var tenants = try tenants()
        if let name, let index = tenants.firstIndex(where: { $0.name == name }) {
            tenants[index].spec.guardrails = guardrails
        }
        return TenantDirectory(tenants: tenants, namespaceCounts: namespaceCounts)
    }

    /// An engine over the fixture tenants, optionally with every rule of `tenant` in `mode`.
    static func engine(tenant: String? = nil, mode: GuardrailMode? = nil) throws -> AdmissionEngine {
        try AdmissionEngine(directory: directory(tenant, guardrails: mode.map { TenantGuardrails(defaultMode: $0) }))
    }

    /// A restricted-compliant pod in `namespace` whose containers use `images`.
    static func podYAML(namespace: String, images: [String] = ["registry.example.com/web/app:1.0"],
                        runtimeClass: String? = nil, resources: Bool = true, extraSpec: String = "") -> String {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: \(namespace)}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}

            """
        if let runtimeClass { yaml += "  runtimeClassName: \(runtimeClass)\n" }
        yaml += extraSpec
        yaml += "  containers:\n"
        for (index, image) in images.enumerated() {
            yaml += """
                  - name: c\(index)
                    image: \(image)
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}

                """
            if resources {
                yaml += "    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}\n"
            }
        }
        return yaml
    }

    static func decode<T: KubeObject>(_ type: T.Type, _ yaml: String) throws -> T {
        try ValueDecoder().decode(T.self, from: try requireDocument(yaml))
    }

    static func requireDocument(_ yaml: String) throws -> JSONValue {
        guard let document = try YAMLReader.documents(yaml).first else { throw FixtureError.empty }
        return document.value
    }

    enum FixtureError: Error { case empty }

    /// Reviews `yaml` (any guarded kind) as a CREATE at `stage`.
    static func review(_ yaml: String, engine: AdmissionEngine, stage: AdmissionStage = .validating,
                       user: AdmissionUser = AdmissionUser()) throws -> AdmissionDecision {
        let value = try requireDocument(yaml)
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        let parts = apiVersion.split(separator: "/")
        let kind = GroupVersionKind(group: parts.count == 2 ? String(parts[0]) : "", version: String(parts.last ?? ""),
                                    kind: value["kind"]?.stringValue ?? "")
        let object = try AdmissionObject.decode(value, kind: kind)
        let request = AdmissionRequest(kind: kind, name: value["metadata"]?["name"]?.stringValue,
                                       namespace: value["metadata"]?["namespace"]?.stringValue, operation: .create,
                                       user: user, object: object)
        return engine.review(request, context: AdmissionContext(stage: stage))
    }
}
