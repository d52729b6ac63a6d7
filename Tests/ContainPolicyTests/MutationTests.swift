import ContainModel
import ContainPolicy
import Testing

/// Mutation patches are applied with ContainModel's JSON Patch and the result is judged again.
@Suite struct MutationTests {
    typealias F = GuardrailFixtures

    /// Mutates `yaml`, applies the patch, decodes the result strictly and re-validates it.
    static func mutateAndRevalidate(_ yaml: String, engine: AdmissionEngine) throws -> (patched: JSONValue, patch: [PatchOperation], revalidated: AdmissionDecision) {
        let original = try F.requireDocument(yaml)
        let mutation = try F.review(yaml, engine: engine, stage: .mutating)
        #expect(mutation.allowed, "\(mutation.message)")
        let patched = try JSONPatch.apply(PatchOperation.document(mutation.patch), to: original)
        let revalidated = try F.review(YAMLWriter.document(patched), engine: engine, stage: .validating)
        return (patched, mutation.patch, revalidated)
    }

    @Test func sandboxTenantPodsGetTheRuntimeClassAndDefaults() throws {
        let yaml = F.podYAML(namespace: "payments", images: ["registry.example.com/payments/api@sha256:" + String(repeating: "c", count: 64)],
                             resources: false)
        // Before mutation the validating stage refuses it on both counts.
        let before = try F.review(yaml, engine: F.engine(), stage: .validating)
        #expect(Set(before.violations.map(\.rule)) == [.runtimeClass, .resources])
        let result = try Self.mutateAndRevalidate(yaml, engine: F.engine())
        #expect(result.patch.map(\.path) == ["/spec/runtimeClassName", "/spec/containers/0/resources"])
        #expect(result.revalidated.allowed && result.revalidated.violations.isEmpty, "\(result.revalidated.violations)")
        let pod = try ValueDecoder().decode(Pod.self, from: result.patched)
        #expect(pod.spec.runtimeClassName == "gvisor")
        let resources = try #require(pod.spec.containers[0].resources)
        #expect(resources.requests == ["cpu": Quantity(milliValue: 100), "memory": Quantity(128 * 1024 * 1024, format: .binarySI)])
        #expect(resources.limits == ["cpu": Quantity(milliValue: 500), "memory": Quantity(512 * 1024 * 1024, format: .binarySI)])
    }

    @Test func partialResourcesAreCompletedWithoutBreakingRequestsBelowLimits() throws {
        var yaml = F.podYAML(namespace: "web", images: ["registry.example.com/web/a", "registry.example.com/web/b", "registry.example.com/web/c"])
        // c0: only a low memory limit; c1: requests only (cpu above the default limit); c2 complete.
        var containers = yaml.components(separatedBy: "    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}\n")
        #expect(containers.count == 4)
        containers[0] += "    resources: {limits: {memory: 64Mi}}\n"
        containers[1] += "    resources: {requests: {cpu: \"2\", memory: 1Gi}}\n"
        containers[2] += "    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}\n"
        yaml = containers.joined()
        let result = try Self.mutateAndRevalidate(yaml, engine: F.engine())
        #expect(result.revalidated.allowed && result.revalidated.violations.isEmpty)
        let pod = try ValueDecoder().decode(Pod.self, from: result.patched)
        let c0 = try #require(pod.spec.containers[0].resources)
        #expect(c0.requests?["memory"] == Quantity(64 * 1024 * 1024, format: .binarySI))  // capped at its limit
        #expect(c0.requests?["cpu"] == Quantity(milliValue: 100))
        #expect(c0.limits?["cpu"] == Quantity(milliValue: 500))
        let c1 = try #require(pod.spec.containers[1].resources)
        #expect(c1.limits?["cpu"] == Quantity(2))                                          // raised to its request
        #expect(c1.limits?["memory"] == Quantity(1024 * 1024 * 1024, format: .binarySI))
        #expect(pod.spec.containers[2].resources?.limits?["cpu"] == Quantity(milliValue: 200)) // untouched
        #expect(!result.patch.contains { $0.path.hasPrefix("/spec/containers/2") })
    }

    @Test func tenantDefaultsReplaceThePlatformsAndRequireRefuses() throws {
        let defaults = TenantGuardrails(defaultRequests: ["cpu": Quantity(milliValue: 50), "memory": Quantity(32 * 1024 * 1024, format: .binarySI)],
                                        defaultLimits: ["memory": Quantity(64 * 1024 * 1024, format: .binarySI)])
        let engine = try AdmissionEngine(directory: F.directory("web", guardrails: defaults))
        let yaml = F.podYAML(namespace: "web", resources: false)
        let result = try Self.mutateAndRevalidate(yaml, engine: engine)
        #expect(result.revalidated.allowed)
        let pod = try ValueDecoder().decode(Pod.self, from: result.patched)
        #expect(pod.spec.containers[0].resources == ResourceRequirements(
            limits: ["memory": Quantity(64 * 1024 * 1024, format: .binarySI)],
            requests: ["cpu": Quantity(milliValue: 50), "memory": Quantity(32 * 1024 * 1024, format: .binarySI)]))

        let require = try AdmissionEngine(directory: F.directory("web", guardrails: TenantGuardrails(containerResources: .require)))
        let refused = try F.review(yaml, engine: require, stage: .mutating)
        #expect(!refused.allowed && refused.patch.isEmpty)
        #expect(refused.message == #"resources: container "c0" must set resources requests.cpu, requests.memory, limits.cpu, limits.memory"#)
        // Offline too: requiring is not something mutation fixes.
        #expect(try !F.review(yaml, engine: require, stage: .offline).allowed)
    }

    @Test func claimsWithoutAClassGetTheTenantsFirstClass() throws {
        let yaml = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: web}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """
        #expect(try !F.review(yaml, engine: F.engine(), stage: .validating).allowed)
        let result = try Self.mutateAndRevalidate(yaml, engine: F.engine())
        #expect(result.patch == [PatchOperation(.add, "/spec/storageClassName", "ceph-block")])
        #expect(result.revalidated.allowed)
    }

    @Test func warnModeDoesNotMutate() throws {
        let engine = try AdmissionEngine(directory: F.directory("payments", guardrails: TenantGuardrails(defaultMode: .warn)))
        let yaml = F.podYAML(namespace: "payments", images: ["registry.example.com/payments/a@sha256:" + String(repeating: "d", count: 64)], resources: false)
        let mutation = try F.review(yaml, engine: engine, stage: .mutating)
        #expect(mutation.patch.isEmpty)
        let validation = try F.review(yaml, engine: engine, stage: .validating)
        #expect(validation.allowed && validation.warnings.count == 2)
    }

    @Test func workloadsAreNotMutatedButChecked() throws {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d, namespace: payments}
            spec:
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec:
                  runtimeClassName: runc-fast
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: app
                    image: registry.example.com/payments/api@sha256:\(String(repeating: "e", count: 64))
                    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            """
        let decision = try F.review(deployment, engine: F.engine(), stage: .mutating)
        #expect(decision.patch.isEmpty)
        #expect(decision.violations.map(\.path) == ["spec.template.spec.runtimeClassName"])
        #expect(!decision.allowed)
    }
}
