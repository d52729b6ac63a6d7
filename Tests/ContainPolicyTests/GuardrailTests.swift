import ContainModel
import ContainPolicy
import Testing

@Suite struct GuardrailTests {
    typealias F = GuardrailFixtures

    // MARK: - One violating object per rule, in each mode

    /// A request that breaks exactly `rule` for `tenant`.
    struct Case: Sendable, CustomStringConvertible {
        let rule: GuardrailRule
        let tenant: String
        let yaml: String
        var user: AdmissionUser = AdmissionUser()
        var description: String { rule.rawValue }
    }

    static let cases: [Case] = [
        Case(rule: .podSecurity, tenant: "web", yaml: F.podYAML(namespace: "web", extraSpec: "  hostNetwork: true\n")),
        Case(rule: .registries, tenant: "web", yaml: F.podYAML(namespace: "web", images: ["nginx:1.27"])),
        Case(rule: .imageDigest, tenant: "payments",
             yaml: F.podYAML(namespace: "payments", images: ["registry.example.com/payments/api:2.0"], runtimeClass: "gvisor")),
        Case(rule: .resources, tenant: "web", yaml: F.podYAML(namespace: "web", resources: false)),
        Case(rule: .runtimeClass, tenant: "payments",
             yaml: F.podYAML(namespace: "payments", images: ["registry.example.com/payments/api@sha256:" + String(repeating: "a", count: 64)],
                             runtimeClass: "kata")),
        Case(rule: .gpu, tenant: "web", yaml: F.podYAML(namespace: "web").replacingOccurrences(
            of: "limits: {cpu: 200m, memory: 128Mi}", with: "limits: {cpu: 200m, memory: 128Mi, nvidia.com/gpu: 1}")),
        Case(rule: .ingress, tenant: "web", yaml: """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: web}
            spec:
              ingressClassName: external
              rules: [{host: shop.example.org}]
            """),
        Case(rule: .serviceTypes, tenant: "web", yaml: """
            apiVersion: v1
            kind: Service
            metadata: {name: shop, namespace: web}
            spec: {type: NodePort, ports: [{port: 80}]}
            """),
        Case(rule: .storageClasses, tenant: "web", yaml: """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: web}
            spec: {storageClassName: ceph-bucket, accessModes: [ReadWriteOnce]}
            """),
        Case(rule: .roleBindings, tenant: "web", yaml: """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: helpers, namespace: web}
            subjects: [{kind: Group, name: payments-admins, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            """),
        Case(rule: .namespaceQuota, tenant: "web", yaml: """
            apiVersion: v1
            kind: Namespace
            metadata: {name: web-extra}
            """, user: AdmissionUser(username: "dev@example.com", groups: ["web-admins"])),
    ]

    @Test(arguments: cases)
    func enforceRefusesWithTheRuleNamed(_ testCase: Case) throws {
        let engine = try AdmissionEngine(directory: F.directory(testCase.tenant, guardrails: TenantGuardrails(defaultMode: .enforce),
                                                                namespaceCounts: ["web": 3]))
        let decision = try F.review(testCase.yaml, engine: engine, user: testCase.user)
        #expect(!decision.allowed)
        #expect(decision.code == 403)
        #expect(decision.violations.map(\.rule) == [testCase.rule])
        #expect(decision.warnings.isEmpty && decision.auditAnnotations.isEmpty)
        if testCase.rule == .podSecurity {
            #expect(decision.message.hasPrefix("violates PodSecurity \"restricted:latest\": host namespaces (hostNetwork=true)"))
        } else {
            #expect(decision.message.hasPrefix(testCase.rule.rawValue + ": "))
        }
    }

    @Test(arguments: cases)
    func warnAdmitsWithAWarning(_ testCase: Case) throws {
        let engine = try AdmissionEngine(directory: F.directory(testCase.tenant, guardrails: TenantGuardrails(defaultMode: .warn),
                                                                namespaceCounts: ["web": 3]))
        let decision = try F.review(testCase.yaml, engine: engine, user: testCase.user)
        #expect(decision.allowed)
        #expect(decision.warnings.count == 1)
        #expect(decision.violations.map(\.rule) == [testCase.rule])
        #expect(decision.auditAnnotations.isEmpty)
    }

    @Test(arguments: cases)
    func auditAdmitsWithAnAuditAnnotation(_ testCase: Case) throws {
        let engine = try AdmissionEngine(directory: F.directory(testCase.tenant, guardrails: TenantGuardrails(defaultMode: .audit),
                                                                namespaceCounts: ["web": 3]))
        let decision = try F.review(testCase.yaml, engine: engine, user: testCase.user)
        #expect(decision.allowed)
        #expect(decision.warnings.isEmpty)
        #expect(Array(decision.auditAnnotations.keys) == [testCase.rule.rawValue])
    }

    @Test func perRuleModeOverridesTheDefault() throws {
        let guardrails = TenantGuardrails(defaultMode: .enforce, modes: GuardrailModes(registries: .warn))
        let engine = try AdmissionEngine(directory: F.directory("web", guardrails: guardrails))
        let warned = try F.review(F.podYAML(namespace: "web", images: ["nginx"]), engine: engine)
        #expect(warned.allowed && warned.warnings.count == 1)
        let denied = try F.review(F.podYAML(namespace: "web", resources: false), engine: engine)
        #expect(!denied.allowed)
    }

    // MARK: - Allowed cases

    @Test func compliantObjectsAreAllowed() throws {
        let engine = try F.engine()
        let digest = "@sha256:" + String(repeating: "0", count: 64)
        let allowed = [
            F.podYAML(namespace: "web"),
            F.podYAML(namespace: "payments", images: ["registry.example.com/payments/api:2.0" + digest], runtimeClass: "gvisor"),
            F.podYAML(namespace: "ml", images: ["nvcr.io/nvidia/pytorch:24.01", "registry.example.com/ml/train"], runtimeClass: "kata")
                .replacingOccurrences(of: "limits: {cpu: 200m, memory: 128Mi}", with: "limits: {cpu: 200m, memory: 128Mi, nvidia.com/mig-1g.10gb: 1}"),
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: web}
            spec:
              ingressClassName: internal
              rules: [{host: www.example.com}, {host: api.web.example.com}]
              tls: [{hosts: ["*.web.example.com"], secretName: tls}]
            """,
            """
            apiVersion: v1
            kind: Service
            metadata: {name: shop, namespace: web}
            spec: {type: LoadBalancer, ports: [{port: 80}]}
            """,
            """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: web}
            spec: {storageClassName: ceph-filesystem}
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: devs, namespace: web}
            subjects:
            - {kind: Group, name: web-developers, apiGroup: rbac.authorization.k8s.io}
            - {kind: User, name: someone-new@example.com, apiGroup: rbac.authorization.k8s.io}
            - {kind: ServiceAccount, name: deployer, namespace: web-preview}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            """,
        ]
        for yaml in allowed {
            let decision = try F.review(yaml, engine: engine)
            #expect(decision.allowed, "\(decision.message)")
            #expect(decision.violations.isEmpty, "\(decision.violations)")
        }
    }

    // MARK: - Rule details

    @Test func registryPrefixesMatchWholePathComponents() throws {
        let engine = try F.engine()
        for (image, allowed) in [
            ("registry.example.com/web/app", true), ("registry.example.com/web", true),
            ("registry.example.com/webshop/app", false), ("registry.example.com.evil.io/web/app", false),
            ("registry.example.com:5000/web/app", false), ("web/app", false), ("nginx", false),
        ] {
            let decision = try F.review(F.podYAML(namespace: "web", images: [image]), engine: engine)
            #expect(decision.allowed == allowed, "\(image): \(decision.message)")
        }
    }

    @Test func digestMustBeWellFormed() throws {
        let engine = try F.engine()
        for (suffix, allowed) in [("@sha256:" + String(repeating: "a", count: 64), true), ("@sha256:abc", false),
                                  (":1.0@sha256:" + String(repeating: "A", count: 64), false), (":latest", false)] {
            let yaml = F.podYAML(namespace: "payments", images: ["registry.example.com/payments/api" + suffix], runtimeClass: "gvisor")
            #expect(try F.review(yaml, engine: engine).allowed == allowed, "\(suffix)")
        }
    }

    @Test func runtimeClassOfADefaultRuntimeTenantMustStayUnset() throws {
        let decision = try F.review(F.podYAML(namespace: "web", runtimeClass: "gvisor"), engine: F.engine())
        #expect(!decision.allowed)
        #expect(decision.message.contains("runtimeClassName \"gvisor\" is not allowed"))
    }

    @Test func validatingStageRefusesAPodMutationShouldHaveFixed() throws {
        let yaml = F.podYAML(namespace: "payments", images: ["registry.example.com/payments/a@sha256:" + String(repeating: "b", count: 64)])
        let validating = try F.review(yaml, engine: F.engine(), stage: .validating)
        #expect(validating.violations.map(\.rule) == [.runtimeClass])
        let offline = try F.review(yaml, engine: F.engine(), stage: .offline)
        #expect(offline.allowed && offline.violations.isEmpty)
    }

    @Test func migProfilesOutsideTheTenantsListAreRefused() throws {
        let yaml = F.podYAML(namespace: "ml", images: ["nvcr.io/nvidia/cuda"], runtimeClass: "kata")
            .replacingOccurrences(of: "limits: {cpu: 200m, memory: 128Mi}", with: "limits: {cpu: 200m, memory: 128Mi, nvidia.com/mig-3g.40gb: 1, nvidia.com/gpu: 1}")
        let decision = try F.review(yaml, engine: F.engine())
        #expect(decision.violations.count == 2)
        #expect(decision.message.contains("MIG profile 3g.40gb, not among tenant \"ml\"'s profiles (1g.10gb)"))
        #expect(decision.message.contains("nvidia.com/gpu, but tenant \"ml\" has no GPU quota"))
    }

    @Test func hostClaimedMoreSpecificallyByAnotherTenantIsRefused() throws {
        // ml claims *.example.com; payments claims pay.example.com exactly.
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: x, namespace: ml}
            spec:
              ingressClassName: internal
              rules: [{host: pay.example.com}, {host: notebooks.example.com}, {host: a.web.example.com}, {}]
            """
        let decision = try F.review(ingress, engine: F.engine())
        #expect(decision.violations.map(\.path) == ["spec.rules[0].host", "spec.rules[2].host", "spec.rules[3].host"])
        #expect(decision.message.contains("host \"pay.example.com\" is claimed by tenant \"payments\" (pay.example.com)"))
        #expect(decision.message.contains("host \"a.web.example.com\" is claimed by tenant \"web\" (*.web.example.com)"))
        #expect(decision.message.contains("a rule without a host answers for every hostname"))
    }

    @Test func hostsInUseByAnotherTenantAreClaims() throws {
        let directory = TenantDirectory(tenants: try F.tenants(), hostsInUse: ["grafana.example.com": "web"])
        let ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: x, namespace: ml}
            spec: {ingressClassName: internal, rules: [{host: grafana.example.com}]}
            """
        let decision = try F.review(ingress, engine: AdmissionEngine(directory: directory))
        #expect(decision.message == "ingress: host \"grafana.example.com\" is claimed by tenant \"web\" (grafana.example.com)")
    }

    @Test func serviceTypesFollowTheListOrTheQuota() throws {
        func service(_ type: String, _ namespace: String) -> String {
            "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: \(namespace)}\nspec: {type: \(type)}\n"
        }
        let engine = try F.engine()
        #expect(try F.review(service("LoadBalancer", "web"), engine: engine).allowed)   // quota.loadBalancers: 1
        #expect(try !F.review(service("LoadBalancer", "payments"), engine: engine).allowed)
        #expect(try F.review(service("NodePort", "ml"), engine: engine).allowed)        // network.serviceTypes
        #expect(try !F.review(service("LoadBalancer", "ml"), engine: engine).allowed)
        #expect(try !F.review(service("ExternalName", "web"), engine: engine).allowed)
        #expect(try F.review(service("ClusterIP", "payments"), engine: engine).allowed)
    }

    @Test func roleBindingSubjectsOfOtherTenantsAreRefused() throws {
        let binding = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: b, namespace: web}
            subjects:
            - {kind: User, name: ada@example.com}
            - {kind: ServiceAccount, name: default, namespace: payments}
            - {kind: Group, name: "system:serviceaccounts:ml"}
            - {kind: ServiceAccount, name: default}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            """
        let decision = try F.review(binding, engine: F.engine())
        #expect(decision.violations.map(\.path) == ["subjects[0]", "subjects[1]", "subjects[2]"])
        #expect(decision.message.contains("subject User \"ada@example.com\" belongs to tenant \"ml\", not to tenant \"web\""))
    }

    @Test func namespaceQuotaCountsTheTenantsNamespaces() throws {
        let owner = AdmissionUser(username: "lead", groups: ["web-admins"])
        let yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: web-extra}\n"
        let underQuota = try F.review(yaml, engine: AdmissionEngine(directory: F.directory(namespaceCounts: ["web": 2])),
                                      stage: .mutating, user: owner)
        #expect(underQuota.allowed)
        #expect(underQuota.patch == [PatchOperation(.add, "/metadata/labels", ["platform.contain.dev/tenant": "web"])])
        let atQuota = try F.review(yaml, engine: AdmissionEngine(directory: F.directory(namespaceCounts: ["web": 3])), user: owner)
        #expect(atQuota.message == "namespaceQuota: tenant \"web\" already has 3 namespaces, its quota is 3")
        let declared = try F.review("apiVersion: v1\nkind: Namespace\nmetadata: {name: web-preview}\n",
                                    engine: AdmissionEngine(directory: F.directory(namespaceCounts: ["web": 3])), user: owner)
        #expect(declared.allowed)
        let foreign = try F.review("apiVersion: v1\nkind: Namespace\nmetadata: {name: payments}\n", engine: F.engine(), user: owner)
        #expect(foreign.message == "namespaceQuota: namespace \"payments\" belongs to tenant \"payments\"")
        let platformAdmin = try F.review(yaml, engine: AdmissionEngine(directory: F.directory(namespaceCounts: ["web": 3])),
                                         user: AdmissionUser(username: "admin", groups: ["system:masters"]))
        #expect(platformAdmin.allowed)
    }

    // MARK: - Pod Security

    @Test func workloadTemplatesOnlyWarnForPodSecurity() throws {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: web}
            spec:
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec:
                  containers: [{name: app, image: registry.example.com/web/app, securityContext: {privileged: true}}]
            """
        let decision = try F.review(deployment, engine: F.engine())
        #expect(decision.allowed)
        #expect(decision.warnings.count == 1)
        let warning = try #require(decision.warnings.first)
        #expect(warning.hasPrefix("would violate PodSecurity \"restricted:latest\": privileged (container \"app\" must not set securityContext.privileged=true), allowPrivilegeEscalation != false"))
    }

    @Test func namespacesWithoutATenantGetTheDefaultLevel() throws {
        let engine = AdmissionEngine(directory: try F.directory(), defaultPodSecurity: PodSecurityPolicy(level: .baseline))
        let restrictedOnly = F.podYAML(namespace: "elsewhere", images: ["nginx"])
            .replacingOccurrences(of: "allowPrivilegeEscalation: false, ", with: "")
        #expect(try F.review(restrictedOnly, engine: engine).allowed)
        let privileged = F.podYAML(namespace: "elsewhere", images: ["nginx"], extraSpec: "  hostPID: true\n")
        #expect(try F.review(privileged, engine: engine).message == "violates PodSecurity \"baseline:latest\": host namespaces (hostPID=true)")
    }

    @Test func namespaceLabelsSetThePodSecurityPolicy() throws {
        let engine = try F.engine()
        let pod = F.podYAML(namespace: "web").replacingOccurrences(of: "allowPrivilegeEscalation: false, ", with: "")
        let request = try Self.request(pod)
        let labels = ["pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted",
                      "pod-security.kubernetes.io/warn-version": "v1.30"]
        let decision = engine.review(request, context: AdmissionContext(stage: .validating, namespaceLabels: labels))
        #expect(decision.allowed)
        #expect(decision.warnings == [#"would violate PodSecurity "restricted:v1.30": allowPrivilegeEscalation != false (container "c0" must set securityContext.allowPrivilegeEscalation=false)"#])
    }

    // MARK: - Operations

    @Test func deleteConnectAndUnchangedUpdatesAreAllowed() throws {
        let engine = try F.engine()
        let bad = try Self.request(F.podYAML(namespace: "web", images: ["nginx"], extraSpec: "  hostNetwork: true\n"))
        #expect(!engine.review(bad, context: AdmissionContext(stage: .validating)).allowed)
        var delete = bad
        delete.operation = .delete
        delete.oldObject = bad.object
        delete.object = nil
        #expect(engine.review(delete, context: AdmissionContext(stage: .validating)) == .allow)
        var connect = bad
        connect.operation = .connect
        connect.object = .other(["kind": "PodExecOptions", "apiVersion": "v1"])
        #expect(engine.review(connect, context: AdmissionContext(stage: .validating)) == .allow)
        var update = bad
        update.operation = .update
        update.oldObject = bad.object
        #expect(engine.review(update, context: AdmissionContext(stage: .validating)).allowed)
        var status = bad
        status.subResource = "status"
        #expect(engine.review(status, context: AdmissionContext(stage: .validating)).allowed)
    }

    static func request(_ yaml: String) throws -> AdmissionRequest {
        let pod = try F.decode(Pod.self, yaml)
        return AdmissionRequest.create(pod)
    }
}
