import ContainModel
import ContainTenancy
import Testing

@Suite struct RBACAndLabelTests {
    @Test func rolesFollowTheSpec() throws {
        let web = try #require(Fixtures.tenant("web"))
        let dev = try #require(Fixtures.cluster("dev"))
        let bindings = Fixtures.state(web, dev).roleBindings.filter { $0.namespace == "web" }
        func subjects(_ role: String) -> [String] {
            bindings.filter { $0.roleRef.name == role && $0.name != "contain-gitops" }
                .flatMap { $0.subjects ?? [] }.map { "\($0.kind.rawValue):\($0.name)" }
        }
        #expect(subjects("admin") == ["Group:web-admins"])
        #expect(subjects("edit") == ["Group:web-developers"])
        #expect(subjects("view") == ["User:auditor@example.com"])
        #expect(bindings.allSatisfy { $0.roleRef.kind == "ClusterRole" && $0.roleRef.apiGroup == "rbac.authorization.k8s.io" })

        // Members default to edit (payments-developers has no role).
        let payments = try #require(Fixtures.tenant("payments"))
        let paymentsBindings = Fixtures.state(payments, dev).roleBindings
        #expect(paymentsBindings.first { $0.name == "contain-edit" }?.subjects?.map(\.name) == ["payments-developers"])
    }

    @Test func gitOpsServiceAccountIsBoundOnlyInItsNamespace() throws {
        let web = try #require(Fixtures.tenant("web"))
        let dev = try #require(Fixtures.cluster("dev"))
        let state = Fixtures.state(web, dev)
        let gitops = state.roleBindings.filter { $0.name == "contain-gitops" }
        #expect(gitops.count == state.namespaceNames.count)
        for binding in gitops {
            #expect(binding.roleRef.name == "edit")
            #expect(binding.subjects == [Subject(kind: .serviceAccount, name: "gitops", namespace: binding.namespace)])
        }
    }

    /// Every object carries the tenant and managed-by labels, except shared cluster-scoped
    /// objects, which say they are platform-managed; namespaced objects live in a planned namespace.
    @Test func everyObjectIsLabelled() throws {
        for (tenant, cluster) in Fixtures.placements {
            let state = Fixtures.state(tenant, cluster)
            let namespaces = Set(state.namespaceNames)
            for object in state.objects {
                let labels = object.metadata.labels ?? [:]
                #expect(labels[TenancyLabels.managedBy] == "contain", "\(object.reference)")
                if case .runtimeClass = object {
                    #expect(labels[TenancyLabels.platformManaged] == "true")
                    #expect(labels[TenancyLabels.tenant] == nil)
                } else {
                    #expect(labels[TenancyLabels.tenant] == tenant.name, "\(object.reference)")
                }
                if !object.isClusterScoped {
                    #expect(namespaces.contains(object.metadata.namespace ?? ""), "\(object.reference)")
                }
            }
        }
    }

    @Test func podSecurityLabelsAtTheTenantLevel() throws {
        for (tenant, cluster) in Fixtures.placements {
            let level = (tenant.spec.isolation ?? TenantIsolation()).effectivePodSecurity.rawValue
            for namespace in Fixtures.state(tenant, cluster).namespaces {
                let labels = namespace.metadata.labels ?? [:]
                for mode in ["enforce", "audit", "warn"] {
                    #expect(labels["pod-security.kubernetes.io/\(mode)"] == level)
                    #expect(labels["pod-security.kubernetes.io/\(mode)-version"] == "latest")
                }
            }
        }
    }

    @Test func tenantLabelsCannotOverrideReservedKeys() throws {
        var tenant = Fixtures.makeTenant("t", clusters: ["c1"], namespaces: [])
        tenant.spec.namespaces = [TenantNamespace(
            name: "a",
            labels: ["team": "blue", TenancyLabels.tenant: "other", "pod-security.kubernetes.io/enforce": "privileged",
                     "platform.contain.dev/anything": "x"],
            annotations: ["note": "hi", TenancyLabels.runtimeClassAnnotation: "none",
                          TenancyLabels.nodeSelectorAnnotation: "x=y"])]
        let state = TenancyPlanner.desiredState(tenant: tenant, cluster: Fixtures.makeCluster("c1"), tenantsOnCluster: [], defaults: .standard)
        let namespace = try #require(state.namespaces.first)
        let labels = namespace.metadata.labels ?? [:]
        #expect(labels["team"] == "blue")
        #expect(labels[TenancyLabels.tenant] == "t")
        #expect(labels["pod-security.kubernetes.io/enforce"] == "restricted")
        #expect(labels["platform.contain.dev/anything"] == nil)
        #expect(namespace.metadata.annotations == ["note": "hi"])
    }
}
