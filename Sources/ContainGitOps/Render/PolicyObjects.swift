import ContainModel

/// The cluster policies the renderer writes to `policies/`: ValidatingAdmissionPolicies (the
/// API server's own CEL admission, GA since Kubernetes 1.30) that hold tenants' Flux objects to
/// the multi-tenancy rules: outside `flux-system`, every Kustomization and HelmRelease names the
/// ServiceAccount it applies as, and refers only to sources in its own namespace.
enum PolicyObjects {
    static func fluxTenancy() -> [JSONValue] {
        let rules: JSONValue = [
            ["apiGroups": ["kustomize.toolkit.fluxcd.io"], "apiVersions": ["*"], "operations": ["CREATE", "UPDATE"], "resources": ["kustomizations"]],
            ["apiGroups": ["helm.toolkit.fluxcd.io"], "apiVersions": ["*"], "operations": ["CREATE", "UPDATE"], "resources": ["helmreleases"]],
        ]
        let outsideFlux: JSONValue = ["matchExpressions": [["key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["flux-system"]]]]
        func policy(_ name: String, _ validations: [JSONValue]) -> [JSONValue] {
            [
                ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy",
                 "metadata": FluxObjects.metadata(name: name, namespace: nil),
                 "spec": ["failurePolicy": "Fail", "matchConstraints": ["resourceRules": rules], "validations": .array(validations)]],
                ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicyBinding",
                 "metadata": FluxObjects.metadata(name: name, namespace: nil),
                 "spec": ["policyName": .string(name), "validationActions": ["Deny"],
                          "matchResources": ["namespaceSelector": outsideFlux]]],
            ]
        }
        return policy("contain-flux-service-account", [
            ["expression": "has(object.spec.serviceAccountName) && object.spec.serviceAccountName != ''",
             "message": "tenant Flux objects must set spec.serviceAccountName (the namespace's gitops account)"],
        ]) + policy("contain-flux-same-namespace-sources", [
            ["expression": "object.kind != 'Kustomization' || !has(object.spec.sourceRef.__namespace__) || object.spec.sourceRef.__namespace__ == object.metadata.__namespace__",
             "message": "a tenant Kustomization may only use sources in its own namespace"],
            ["expression": "object.kind != 'HelmRelease' || !has(object.spec.chart) || !has(object.spec.chart.spec.sourceRef.__namespace__) || object.spec.chart.spec.sourceRef.__namespace__ == object.metadata.__namespace__",
             "message": "a tenant HelmRelease may only use chart sources in its own namespace"],
        ])
    }
}
