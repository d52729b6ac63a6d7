import ContainModel

/// Contain on a real cluster: the kustomize bundle committed under `deploy/` and rendered into
/// every cluster's `infrastructure/configs/contain/`. Generated here so both are one source.
///
/// Namespace `contain-system` (Pod Security `restricted` enforced), one ServiceAccount per
/// process, least-privilege RBAC, the operator and admission Deployments (two replicas, spread,
/// restricted security context, read-only root), the webhook Service, a cert-manager CA and
/// serving Certificate whose CA is injected into the webhook configurations, disruption budgets
/// and a default-deny NetworkPolicy with the few flows the processes need.
public struct ContainDeployBundle: Sendable {
    /// The image when none is given.
    public static let defaultImage = "ghcr.io/contain-dev/contain:\(ContainVersion.current)"
    /// The namespace Contain runs in.
    public static let namespace = "contain-system"
    /// The port the admission webhook serves TLS on.
    public static let webhookPort: Int64 = 8443

    public var image: String

    public init(image: String = ContainDeployBundle.defaultImage) { self.image = image }

    /// The bundle's files (name → objects), in kustomization order; `crds/…` are CRDs.
    public func files() -> [(String, [JSONValue])] {
        [
            ("namespace.yaml", [namespaceObject()]),
            ("crds.yaml", CRDGenerator.definitions()),
            ("rbac.yaml", rbac()),
            ("certificates.yaml", certificates()),
            ("operator.yaml", [deployment(name: "contain-operator", account: "contain-operator",
                                          arguments: ["operator", "--leader-elect", "--metrics-bind-address=:8080"], webhook: false)]),
            ("admission.yaml", [deployment(name: "contain-admission", account: "contain-admission",
                                           arguments: ["admission", "--port=8443", "--tls-cert-file=/tls/tls.crt", "--tls-key-file=/tls/tls.key"],
                                           webhook: true), service()]),
            ("webhooks.yaml", webhooks()),
            ("disruption-budgets.yaml", ["contain-operator", "contain-admission"].map(disruptionBudget)),
            ("network-policies.yaml", networkPolicies()),
        ]
    }

    /// The bundle as a tree rooted at `directory` (with its `kustomization.yaml`).
    public func tree(directory: String = "deploy") -> GitOpsTree {
        var tree = GitOpsTree()
        var builder = DirectoryBuilder(directory)
        for (name, objects) in files() { builder.add(name, objects: objects) }
        builder.write(into: &tree)
        return tree
    }

    private static let labels: [String: String] = ["app.kubernetes.io/part-of": "contain"]

    private func meta(_ name: String, namespaced: Bool = true, labels extra: [String: String] = [:]) -> JSONValue {
        var all = Self.labels.merging(extra) { $1 }
        all["app.kubernetes.io/managed-by"] = "contain"
        var object: JSONObject = ["name": .string(name)]
        if namespaced { object["namespace"] = .string(Self.namespace) }
        object["labels"] = .object(JSONObject(all.keys.sorted().map { ($0, .string(all[$0] ?? "")) }))
        return .object(object)
    }

    private func namespaceObject() -> JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": meta(Self.namespace, namespaced: false, labels: [
            "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest",
            "platform.contain.dev/platform-managed": "true",
        ])]
    }

    private func rule(_ groups: [String], _ resources: [String], _ verbs: [String], names: [String] = []) -> JSONValue {
        var object: JSONObject = ["apiGroups": .array(groups.map(JSONValue.string)),
                                  "resources": .array(resources.map(JSONValue.string)),
                                  "verbs": .array(verbs.map(JSONValue.string))]
        if !names.isEmpty { object["resourceNames"] = .array(names.map(JSONValue.string)) }
        return .object(object)
    }

    private func rbac() -> [JSONValue] {
        let read = ["get", "list", "watch"]
        let manage = ["get", "list", "watch", "create", "update", "patch", "delete"]
        let group = PlatformGroup.name
        let operatorRules: [JSONValue] = [
            rule([group], ["tenants", "clusters", "platforms"], read),
            rule([group], ["tenants/status", "clusters/status", "platforms/status"], ["get", "update", "patch"]),
            rule([group], ["tenants/finalizers"], ["update"]),
            rule([""], ["namespaces", "serviceaccounts", "resourcequotas", "limitranges"], manage),
            rule(["rbac.authorization.k8s.io"], ["rolebindings"], manage),
            // Binding a ClusterRole needs `bind` on it; only the three the tenancy planner uses.
            rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["bind"], names: ["admin", "edit", "view"]),
            rule(["networking.k8s.io"], ["networkpolicies"], manage),
            rule(["node.k8s.io"], ["runtimeclasses"], manage),
            rule(["", "events.k8s.io"], ["events"], ["create", "patch"]),
        ]
        let admissionRules: [JSONValue] = [
            rule([group], ["tenants", "clusters", "platforms"], read),
            rule([""], ["namespaces"], read),
        ]
        func clusterRole(_ name: String, _ rules: [JSONValue]) -> [JSONValue] {
            [
                ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": meta(name, namespaced: false),
                 "rules": .array(rules)],
                ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": meta(name, namespaced: false),
                 "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
                 "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(Self.namespace)]]],
            ]
        }
        let accounts: [JSONValue] = ["contain-operator", "contain-admission"].map {
            ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta($0), "automountServiceAccountToken": true]
        }
        let leaderElection: [JSONValue] = [
            ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": meta("contain-leader-election"),
             "rules": [rule(["coordination.k8s.io"], ["leases"], ["get", "list", "watch", "create", "update", "patch"])]],
            ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": meta("contain-leader-election"),
             "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "contain-leader-election"],
             "subjects": [["kind": "ServiceAccount", "name": "contain-operator", "namespace": .string(Self.namespace)]]],
        ]
        return accounts + clusterRole("contain-operator", operatorRules) + clusterRole("contain-admission", admissionRules) + leaderElection
    }

    private func certificates() -> [JSONValue] {
        let service = "contain-admission.\(Self.namespace).svc"
        return [
            ["apiVersion": "cert-manager.io/v1", "kind": "Issuer", "metadata": meta("contain-selfsigned"),
             "spec": ["selfSigned": .object(JSONObject())]],
            ["apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": meta("contain-ca"),
             "spec": ["isCA": true, "commonName": "contain-ca", "secretName": "contain-ca", "duration": "87600h",
                      "privateKey": ["algorithm": "ECDSA", "size": 256],
                      "issuerRef": ["kind": "Issuer", "name": "contain-selfsigned"]]],
            ["apiVersion": "cert-manager.io/v1", "kind": "Issuer", "metadata": meta("contain-ca"),
             "spec": ["ca": ["secretName": "contain-ca"]]],
            ["apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": meta("contain-admission-tls"),
             "spec": ["secretName": "contain-admission-tls", "duration": "2160h", "renewBefore": "360h",
                      "dnsNames": ["contain-admission", .string("contain-admission.\(Self.namespace)"), .string(service), .string(service + ".cluster.local")],
                      "privateKey": ["algorithm": "ECDSA", "size": 256, "rotationPolicy": "Always"],
                      "issuerRef": ["kind": "Issuer", "name": "contain-ca"]]],
        ]
    }

    private func deployment(name: String, account: String, arguments: [String], webhook: Bool) -> JSONValue {
        let selector: JSONValue = ["app.kubernetes.io/name": .string(name)]
        var ports: [JSONValue] = [["name": "metrics", "containerPort": 8080, "protocol": "TCP"]]
        var mounts: [JSONValue] = [["name": "tmp", "mountPath": "/tmp"]]
        var volumes: [JSONValue] = [["name": "tmp", "emptyDir": ["sizeLimit": "64Mi"]]]
        let probePort: JSONValue = webhook ? "webhook" : "metrics"
        let probeScheme: JSONValue = webhook ? "HTTPS" : "HTTP"
        if webhook {
            ports.insert(["name": "webhook", "containerPort": .integer(Self.webhookPort), "protocol": "TCP"], at: 0)
            mounts.append(["name": "tls", "mountPath": "/tls", "readOnly": true])
            volumes.append(["name": "tls", "secret": ["secretName": "contain-admission-tls", "defaultMode": 0o440]])
        }
        let container: JSONValue = [
            "name": .string(name.replacingOccurrences(of: "contain-", with: "")),
            "image": .string(image), "imagePullPolicy": "IfNotPresent",
            "args": .array(arguments.map(JSONValue.string)),
            "ports": .array(ports),
            "readinessProbe": ["httpGet": ["path": "/readyz", "port": probePort, "scheme": probeScheme], "periodSeconds": 10],
            "livenessProbe": ["httpGet": ["path": "/healthz", "port": probePort, "scheme": probeScheme], "periodSeconds": 20],
            "resources": ["requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["cpu": "1", "memory": "512Mi"]],
            "securityContext": [
                "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
                "capabilities": ["drop": ["ALL"]], "seccompProfile": ["type": "RuntimeDefault"],
            ],
            "volumeMounts": .array(mounts),
        ]
        return [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta(name, labels: ["app.kubernetes.io/name": name]),
            "spec": [
                "replicas": 2,
                "selector": ["matchLabels": selector],
                "template": [
                    "metadata": ["labels": ["app.kubernetes.io/name": .string(name), "app.kubernetes.io/part-of": "contain"]],
                    "spec": [
                        "serviceAccountName": .string(account),
                        "securityContext": [
                            "runAsNonRoot": true, "runAsUser": 65532, "runAsGroup": 65532, "fsGroup": 65532,
                            "seccompProfile": ["type": "RuntimeDefault"],
                        ],
                        "topologySpreadConstraints": [[
                            "maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway",
                            "labelSelector": ["matchLabels": selector],
                        ]],
                        "containers": [container],
                        "volumes": .array(volumes),
                    ],
                ],
            ],
        ]
    }

    private func service() -> JSONValue {
        ["apiVersion": "v1", "kind": "Service", "metadata": meta("contain-admission"),
         "spec": ["selector": ["app.kubernetes.io/name": "contain-admission"],
                  "ports": [["name": "webhook", "port": 443, "targetPort": "webhook", "protocol": "TCP"]]]]
    }

    private func webhooks() -> [JSONValue] {
        let annotations: JSONValue = ["cert-manager.io/inject-ca-from": .string("\(Self.namespace)/contain-admission-tls")]
        func client(_ path: String) -> JSONValue {
            ["service": ["name": "contain-admission", "namespace": .string(Self.namespace), "path": .string(path), "port": 443]]
        }
        let tenantNamespaces: JSONValue = ["matchExpressions": [["key": "platform.contain.dev/tenant", "operator": "Exists"]]]
        let workloads: JSONValue = [
            "apiGroups": ["", "apps", "batch"], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
            "resources": ["pods", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs"], "scope": "Namespaced",
        ]
        func metadata(_ name: String) -> JSONValue {
            guard case .object(var object) = meta(name, namespaced: false) else { return meta(name, namespaced: false) }
            object["annotations"] = annotations
            return .object(object)
        }
        return [
            ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration", "metadata": metadata("contain-admission"),
             "webhooks": [
                ["name": "workloads.validate.platform.contain.dev", "admissionReviewVersions": ["v1"], "sideEffects": "None",
                 "failurePolicy": "Fail", "timeoutSeconds": 5, "clientConfig": client("/validate"),
                 "namespaceSelector": tenantNamespaces, "rules": [workloads]],
                ["name": "platform.validate.platform.contain.dev", "admissionReviewVersions": ["v1"], "sideEffects": "None",
                 "failurePolicy": "Fail", "timeoutSeconds": 5, "clientConfig": client("/validate"),
                 "rules": [["apiGroups": .array([.string(PlatformGroup.name)]), "apiVersions": .array([.string(PlatformGroup.version)]),
                            "operations": ["CREATE", "UPDATE"], "resources": ["tenants", "clusters", "platforms"], "scope": "Cluster"]]],
             ]],
            ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration", "metadata": metadata("contain-admission"),
             "webhooks": [
                ["name": "pods.mutate.platform.contain.dev", "admissionReviewVersions": ["v1"], "sideEffects": "None",
                 "failurePolicy": "Fail", "timeoutSeconds": 5, "reinvocationPolicy": "IfNeeded", "clientConfig": client("/mutate"),
                 "namespaceSelector": tenantNamespaces,
                 "rules": [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": ["pods"], "scope": "Namespaced"]]],
             ]],
        ]
    }

    private func disruptionBudget(_ name: String) -> JSONValue {
        ["apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": meta(name),
         "spec": ["minAvailable": 1, "selector": ["matchLabels": ["app.kubernetes.io/name": .string(name)]]]]
    }

    private func networkPolicies() -> [JSONValue] {
        let dns: JSONValue = [
            "to": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "kube-system"]],
                    "podSelector": ["matchLabels": ["k8s-app": "kube-dns"]]]],
            "ports": [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]],
        ]
        // The API server's addresses differ per cluster; its ports do not.
        let apiServer: JSONValue = ["ports": [["protocol": "TCP", "port": 443], ["protocol": "TCP", "port": 6443]]]
        let monitoring: JSONValue = ["from": [["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "monitoring"]]]],
                                     "ports": [["protocol": "TCP", "port": 8080]]]
        return [
            ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("default-deny"),
             "spec": ["podSelector": .object(JSONObject()), "policyTypes": ["Ingress", "Egress"]]],
            ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("contain-egress"),
             "spec": ["podSelector": ["matchLabels": ["app.kubernetes.io/part-of": "contain"]], "policyTypes": ["Egress"],
                      "egress": [dns, apiServer]]],
            ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("contain-admission-ingress"),
             "spec": ["podSelector": ["matchLabels": ["app.kubernetes.io/name": "contain-admission"]], "policyTypes": ["Ingress"],
                      "ingress": [["ports": [["protocol": "TCP", "port": .integer(Self.webhookPort)]]], monitoring]]],
            ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta("contain-operator-metrics"),
             "spec": ["podSelector": ["matchLabels": ["app.kubernetes.io/name": "contain-operator"]], "policyTypes": ["Ingress"],
                      "ingress": [monitoring]]],
        ]
    }
}
