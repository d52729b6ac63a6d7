import ContainModel
import ContainPolicy
import Testing

/// Reasons and details against the exact strings of upstream's `check_*_test.go`.
@Suite struct PodSecurityMessageTests {
    @Test func capabilitiesRestrictedMultipleContainers() throws {
        let p = try pod(spec: """
            containers:
            - name: a
              securityContext: {capabilities: {add: [FOO, BAR]}}
            - name: b
              securityContext: {capabilities: {add: [BAR, BAZ]}}
            - name: c
              securityContext: {capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, FOO]}}
            """)
        let finding = try #require(try run(PodSecurityChecks.capabilities_restricted, p))
        #expect(finding.reason == "unrestricted capabilities")
        #expect(finding.detail == #"containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add"#)
    }

    @Test func seccompProfileRestricted() throws {
        let none = try pod(spec: "containers:\n- name: a")
        #expect(try run(PodSecurityChecks.seccompProfile_restricted, none)
            == PodSecurityFinding(reason: "seccompProfile", detail: #"pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost""#))

        let podInvalid = try pod(spec: "securityContext: {seccompProfile: {type: Unconfined}}\ncontainers:\n- name: a")
        #expect(try run(PodSecurityChecks.seccompProfile_restricted, podInvalid)?.detail
            == #"pod must not set securityContext.seccompProfile.type to "Unconfined""#)

        let containersInvalid = try pod(spec: """
            securityContext: {seccompProfile: {type: RuntimeDefault}}
            containers:
            - name: a
            - name: b
              securityContext: {}
            - name: c
              securityContext: {seccompProfile: {type: Unconfined}}
            - name: d
              securityContext: {seccompProfile: {type: Unconfined}}
            - name: e
              securityContext: {seccompProfile: {type: RuntimeDefault}}
            """)
        #expect(try run(PodSecurityChecks.seccompProfile_restricted, containersInvalid)?.detail
            == #"containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined""#)

        let fallthrough_ = try pod(spec: """
            containers:
            - name: a
            - name: b
              securityContext: {}
            - name: d
              securityContext: {seccompProfile: {type: RuntimeDefault}}
            """)
        #expect(try run(PodSecurityChecks.seccompProfile_restricted, fallthrough_)?.detail
            == #"pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost""#)
    }

    @Test func hostPorts() throws {
        let one = try pod(spec: """
            containers:
            - name: a
              ports: [{containerPort: 80, hostPort: 0}]
            - name: b
              ports: [{containerPort: 80, hostPort: 0}, {containerPort: 81, hostPort: 20}]
            """)
        #expect(try run(PodSecurityChecks.hostPorts, one) == PodSecurityFinding(reason: "hostPort", detail: #"container "b" uses hostPort 20"#))
        let many = try pod(spec: """
            containers:
            - name: a
              ports: [{containerPort: 80, hostPort: 0}]
            - name: b
              ports: [{containerPort: 80}, {containerPort: 81, hostPort: 10}, {containerPort: 82, hostPort: 20}]
            - name: c
              ports: [{containerPort: 80}, {containerPort: 81, hostPort: 10}, {containerPort: 82, hostPort: 30}]
            """)
        #expect(try run(PodSecurityChecks.hostPorts, many)?.detail == #"containers "b", "c" use hostPorts 10, 20, 30"#)
    }

    @Test func seLinuxOptions() throws {
        let podAndContainers = try pod(spec: """
            securityContext: {seLinuxOptions: {type: foo, user: bar, role: baz}}
            containers:
            - {name: a, securityContext: {seLinuxOptions: {type: container_t}}}
            - {name: b, securityContext: {seLinuxOptions: {type: container_init_t}}}
            - {name: c, securityContext: {seLinuxOptions: {type: container_kvm_t}}}
            - {name: d, securityContext: {seLinuxOptions: {type: container_engine_t}}}
            - {name: e, securityContext: {seLinuxOptions: {type: bar}}}
            - {name: f, securityContext: {seLinuxOptions: {user: bar}}}
            - {name: g, securityContext: {seLinuxOptions: {role: baz}}}
            """)
        #expect(try run(PodSecurityChecks.seLinuxOptions, minor: 31, podAndContainers) == PodSecurityFinding(
            reason: "seLinuxOptions",
            detail: #"pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set"#))
        // container_engine_t only from v1.31.
        #expect(try run(PodSecurityChecks.seLinuxOptions, minor: 30, podAndContainers)?.detail
            == #"pod and containers "d", "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "container_engine_t", "foo"; user may not be set; role may not be set"#)
        let userOnly = try pod(spec: "securityContext: {seLinuxOptions: {user: bad}}\ncontainers:\n- name: a")
        #expect(try run(PodSecurityChecks.seLinuxOptions, userOnly)?.detail
            == "pod set forbidden securityContext.seLinuxOptions: user may not be set")
    }

    @Test func appArmorProfile() throws {
        let prefix = "container.apparmor.security.beta.kubernetes.io/"
        let annotated = try pod(spec: "containers:\n- name: a", annotations: [
            prefix: "bogus", prefix + "a": "", prefix + "b": "runtime/default", prefix + "c": "localhost/",
            prefix + "d": "localhost/foo", prefix + "e": "unconfined", prefix + "f": "unknown",
        ])
        let finding = try #require(try run(PodSecurityChecks.appArmorProfile, annotated))
        #expect(finding.reason == "forbidden AppArmor profiles")
        #expect(finding.detail == "annotations must not set AppArmor profile type to "
            + [#""\#(prefix)="bogus"""#, #""\#(prefix)e="unconfined"""#, #""\#(prefix)f="unknown"""#].joined(separator: ", "))

        let field = try pod(spec: """
            containers:
            - name: foo
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
            - name: bar
              securityContext: {appArmorProfile: {type: Unconfined}}
            """)
        #expect(try run(PodSecurityChecks.appArmorProfile, field) == PodSecurityFinding(
            reason: "forbidden AppArmor profile", detail: #"container "bar" must not set AppArmor profile type to "Unconfined""#))
    }

    @Test func hostProbesAndHostLifecycle() throws {
        let p = try pod(spec: """
            containers:
            - name: a
              livenessProbe: {httpGet: {host: 127.0.0.1, port: 80}}
              readinessProbe: {tcpSocket: {host: '::1', port: 80}}
              startupProbe: {httpGet: {host: localhost, port: 80}}
            """)
        #expect(try run(PodSecurityChecks.hostProbesAndHostLifecycle, p) == PodSecurityFinding(
            reason: "probe or lifecycle host", detail: #"container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost""#))
        #expect(PodSecurityChecks.hostProbesAndHostLifecycle.revision(atMinor: 33) == nil)
    }

    @Test func restrictedVolumes() throws {
        let p = try pod(spec: """
            containers:
            - name: a
            volumes:
            - {name: a1, emptyDir: {}}
            - {name: a2, secret: {secretName: s}}
            - {name: a3, configMap: {name: c}}
            - {name: b1, hostPath: {path: /}}
            - {name: b4, gitRepo: {repository: r}}
            - {name: b5, nfs: {server: s, path: /}}
            """)
        #expect(try run(PodSecurityChecks.restrictedVolumes, p) == PodSecurityFinding(
            reason: "restricted volume types",
            detail: #"volumes "b1", "b4", "b5" use restricted volume types "gitRepo", "hostPath", "nfs""#))
        let one = try pod(spec: "containers:\n- name: a\nvolumes:\n- {name: host, hostPath: {path: /var}}")
        #expect(try run(PodSecurityChecks.restrictedVolumes, one)?.detail
            == #"volume "host" uses restricted volume type "hostPath""#)
        #expect(try run(PodSecurityChecks.hostPathVolumes, one)
            == PodSecurityFinding(reason: "hostPath volumes", detail: #"volume "host""#))
    }

    @Test func seccompAnnotationsBeforeV1Dot19() throws {
        let p = try pod(spec: "containers:\n- name: app", annotations: [
            "seccomp.security.alpha.kubernetes.io/pod": "unconfined",
            "container.seccomp.security.alpha.kubernetes.io/app": "runtime/default",
            "container.seccomp.security.alpha.kubernetes.io/other": "unconfined",  // no such container
        ])
        #expect(try run(PodSecurityChecks.seccompProfile_baseline, minor: 18, p) == PodSecurityFinding(
            reason: "seccompProfile",
            detail: #"forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined""#))
        // From v1.19 the annotations are no longer read.
        #expect(try run(PodSecurityChecks.seccompProfile_baseline, minor: 19, p) == nil)
    }

    @Test func kubeAPIServerMessageForBarePod() throws {
        let p = try pod(spec: "containers:\n- name: app\n  image: nginx")
        let policy = PodSecurityPolicy(level: .restricted)
        let result = PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: policy)
        #expect(!result.allowed)
        #expect(result.violations.map(\.checkID)
            == ["allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"])
        #expect(result.message(policy: policy) == #"violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")"#)
        #expect(result.forbiddenReason
            == "allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile")
    }

    @Test func baselineChecksComeFirstThenRestricted() throws {
        let p = try pod(spec: """
            hostNetwork: true
            hostPID: true
            securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
            containers:
            - name: app
              securityContext: {privileged: true, allowPrivilegeEscalation: true, capabilities: {drop: [ALL]}}
            """)
        let policy = PodSecurityPolicy(level: .restricted, version: try PodSecurityVersion.parse("v1.32"))
        let result = PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: policy)
        #expect(result.message(policy: policy) == #"violates PodSecurity "restricted:v1.32": host namespaces (hostNetwork=true, hostPID=true), privileged (container "app" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)"#)
        let baseline = PodSecurityPolicy(level: .baseline, version: .latest)
        #expect(PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: baseline).violations.map(\.checkID)
            == ["hostNamespaces", "privileged"])
        let privileged = PodSecurityPolicy(level: .privileged)
        let allowed = PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: privileged)
        #expect(allowed.allowed)
        #expect(allowed.message(policy: privileged) == nil)
    }

    @Test func goQuotingOfAnnotationValues() throws {
        let p = try pod(spec: "containers:\n- name: a", annotations: [
            "container.apparmor.security.beta.kubernetes.io/a": #"say "hi"\"#,
        ])
        let detail = try run(PodSecurityChecks.appArmorProfile, p)?.detail
        #expect(detail
            == #"annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="say \"hi\"\\"""#)
    }
}
