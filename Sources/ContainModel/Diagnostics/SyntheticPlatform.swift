/// Generates a large, valid platform as one multi-document YAML text, for benchmarks and scale
/// tests: three clusters, then tenants and the namespaced objects a provisioned tenant has
/// (Namespace, NetworkPolicy, ResourceQuota, RoleBinding, Deployment), up to `objects` documents.
public enum SyntheticPlatform {
    /// A YAML stream of exactly `objects` documents (at least the three clusters).
    public static func yaml(objects: Int) -> String {
        var documents: [String] = [cluster("dev", tier: "devTest", zones: ["zone-a"], workers: 3)]
        documents.append(cluster("staging", tier: "production", zones: ["zone-a", "zone-b", "zone-c"], workers: 6))
        documents.append(cluster("prod", tier: "production", zones: ["zone-a", "zone-b", "zone-c"], workers: 12))
        var tenant = 0
        while documents.count < objects {
            let name = "team-\(tenant)"
            let group = [tenantDocument(name), namespace(name), networkPolicy(name), resourceQuota(name), roleBinding(name),
                         deployment(name)]
            for document in group where documents.count < objects { documents.append(document) }
            tenant += 1
        }
        return documents.joined(separator: "---\n")
    }

    private static func cluster(_ name: String, tier: String, zones: [String], workers: Int) -> String {
        let production = tier == "production"
        var text = """
            apiVersion: platform.contain.dev/v1alpha1
            kind: Cluster
            metadata:
              name: \(name)
              labels:
                platform.contain.dev/environment: \(name)
            spec:
              environment: \(name == "staging" ? "staging" : name)
              tier: \(tier)
              provider: talos
              kubernetesVersion: "1.33"
              zones: [\(zones.joined(separator: ", "))]
              controlPlane:
                count: \(production ? 3 : 1)
                vcpu: 8
                memory: 12Gi
              nodePools:
              - name: workers
                role: worker
                count: \(workers)
                vcpu: 16
                memory: 64Gi
                maxPods: 110

            """
        if production {
            text += """
                  - name: storage
                    role: storage
                    count: 3
                    vcpu: 16
                    memory: 64Gi
                    taints:
                    - {key: node-role.contain.dev/storage, effect: NoSchedule}
                  storage:
                    replicas: 3
                    failureDomain: zone
                    nodePool: storage

                """
        }
        return text
    }

    private static func tenantDocument(_ name: String) -> String {
        """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata:
          name: \(name)
        spec:
          displayName: Team \(name)
          owners:
          - kind: Group
            name: \(name)-admins
          members:
          - kind: Group
            name: \(name)-developers
            role: edit
          clusters: [dev, staging, prod]
          namespaces:
          - name: \(name)
          - name: \(name)-jobs
            clusters: [prod]
          quota:
            cpu: "20"
            memory: 64Gi
            storage: 500Gi
            pods: 200
            namespaces: 4
          isolation:
            tier: namespace
            runtime: gvisor
            podSecurity: restricted
          network:
            allowInternetEgress: false
            ingress:
              classes: [internal]
              hostnames: [\(name).apps.example.com]
          registries: [registry.example.com/\(name)]

        """
    }

    private static func namespace(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(name)
          labels:
            platform.contain.dev/tenant: \(name)
            app.kubernetes.io/managed-by: contain
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: latest

        """
    }

    private static func networkPolicy(_ name: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: \(name)
          labels:
            platform.contain.dev/tenant: \(name)
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
            ports:
            - {protocol: UDP, port: 53}
            - {protocol: TCP, port: 53}

        """
    }

    private static func resourceQuota(_ name: String) -> String {
        """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: tenant-quota
          namespace: \(name)
        spec:
          hard:
            requests.cpu: "10"
            requests.memory: 32Gi
            limits.cpu: "20"
            limits.memory: 64Gi
            pods: "100"
            services.loadbalancers: "0"
            services.nodeports: "0"

        """
    }

    private static func roleBinding(_ name: String) -> String {
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: tenant-admins
          namespace: \(name)
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: admin
        subjects:
        - apiGroup: rbac.authorization.k8s.io
          kind: Group
          name: \(name)-admins

        """
    }

    private static func deployment(_ name: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: \(name)
          labels: {app: api}
        spec:
          replicas: 3
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              runtimeClassName: gvisor
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: api
                image: registry.example.com/\(name)/api:1.4.2
                ports:
                - {name: http, containerPort: 8080, protocol: TCP}
                resources:
                  requests: {cpu: 250m, memory: 256Mi}
                  limits: {cpu: "1", memory: 512Mi}
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}

        """
    }
}
