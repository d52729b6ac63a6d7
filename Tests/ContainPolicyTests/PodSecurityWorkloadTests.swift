import ContainModel
import ContainPolicy
import Testing

@Suite struct PodSecurityWorkloadTests {
    static let deploymentYAML = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
              annotations:
                container.seccomp.security.alpha.kubernetes.io/web: unconfined
            spec:
              containers:
              - name: web
                image: nginx
                securityContext:
                  privileged: true
        """

    @Test func evaluatesTheTemplateOfADeployment() throws {
        let deployment = try decodeYAML(Deployment.self, Self.deploymentYAML)
        let policy = PodSecurityPolicy(level: .baseline, version: try .parse("v1.18"))
        let result = PodSecurityEvaluator.evaluate(carrier: deployment, policy: policy)
        // The template's annotations count; the Deployment's own do not.
        #expect(result.message(policy: policy) == #"violates PodSecurity "baseline:v1.18": privileged (container "web" must not set securityContext.privileged=true), seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/web="unconfined")"#)
    }

    @Test func fixedDeploymentIsAllowedAtRestricted() throws {
        var deployment = try decodeYAML(Deployment.self, Self.deploymentYAML)
        var spec = deployment.podSpec
        spec.securityContext = PodSecurityContext(runAsNonRoot: true, seccompProfile: SeccompProfile(type: .runtimeDefault))
        spec.containers[0].securityContext = SecurityContext(
            capabilities: Capabilities(drop: ["ALL"]), allowPrivilegeEscalation: false)
        deployment.podSpec = spec
        let result = PodSecurityEvaluator.evaluate(carrier: deployment, policy: PodSecurityPolicy(level: .restricted))
        #expect(result.allowed, "\(result.forbiddenDetail)")
        #expect(result.violations.isEmpty)
    }
}
