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

    // MARK: - Go string semantics (upstream compares, sorts and quotes strings as UTF-8 bytes)

    /// `strconv.Quote` (behind `%q` in appArmorProfile_1_0's `"%s=%q"`) escapes every rune that
    /// `strconv.IsPrint` rejects: NBSP, ZERO WIDTH SPACE, NEL and private use as `\uhhhh`,
    /// astral format characters as `\Uhhhhhhhh`, ASCII controls as `\xhh`; printable non-ASCII
    /// (`é`) stays as it is.
    @Test func goQuotingOfNonPrintableCharacters() throws {
        var p = try pod(spec: "containers:\n- name: a")
        p.metadata.annotations = [
            "container.apparmor.security.beta.kubernetes.io/a": "x\u{A0}y\u{200B}z\u{85}\u{E000}\u{E0001}é\u{7F}\u{01}",
        ]
        #expect(try run(PodSecurityChecks.appArmorProfile, p)?.detail
            == #"annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="x\u00a0y\u200bz\u0085\ue000\U000e0001é\x7f\x01"""#)
    }

    /// `sets.String.List()` (capabilitiesBaseline_1_0's `nonDefaultCapabilities`) sorts by
    /// bytes and keeps byte-distinct strings apart: `E` + U+0301 (0x45 …) sorts before `F`, and
    /// before the precomposed `É` (0xC3 0x89), which is a different capability to upstream.
    @Test func capabilityListsSortAndDeduplicateByBytes() throws {
        let p = try pod(spec: """
            containers:
            - name: a
              securityContext: {capabilities: {add: [F, "E\u{301}", "\u{C9}", F]}}
            """)
        #expect(try run(PodSecurityChecks.capabilities_baseline, p)?.detail
            == "container \"a\" must not include \"E\u{301}\", \"F\", \"\u{C9}\" in securityContext.capabilities.add")
    }

    /// `capabilities_allowed_1_0.Has` compares bytes: `KILL` spelled with U+212A KELVIN SIGN is
    /// not the allowed `KILL` (Swift's `==` would call them equal).
    @Test func capabilityAllowListMatchesBytesOnly() throws {
        let p = try pod(spec: """
            containers:
            - name: a
              securityContext: {capabilities: {add: [KILL, "\u{212A}ILL"]}}
            """)
        #expect(try run(PodSecurityChecks.capabilities_baseline, p)?.detail
            == "container \"a\" must not include \"\u{212A}ILL\" in securityContext.capabilities.add")
    }

    /// `strings.HasPrefix(profile, "localhost/")` (allowedAnnotationValue,
    /// validSeccompAnnotationValue) matches bytes, so a combining mark after the slash is still
    /// a localhost profile; Swift's `hasPrefix` compares whole characters and would not match.
    @Test func localhostProfilePrefixMatchesBytes() throws {
        var p = try pod(spec: "containers:\n- name: a")
        p.metadata.annotations = [
            "container.apparmor.security.beta.kubernetes.io/a": "localhost/\u{301}x",
            "seccomp.security.alpha.kubernetes.io/pod": "localhost/\u{301}x",
        ]
        #expect(try run(PodSecurityChecks.appArmorProfile, p) == nil)
        #expect(try run(PodSecurityChecks.seccompProfile_baseline, minor: 18, p) == nil)
    }

    // MARK: - One case per check, from the upstream check functions' format strings

    /// hostNamespaces_1_0: declaration order hostNetwork, hostPID, hostIPC, each `=true`.
    @Test func hostNamespacesAllThree() throws {
        let p = try pod(spec: "hostIPC: true\nhostPID: true\nhostNetwork: true\ncontainers:\n- name: a")
        #expect(try run(PodSecurityChecks.hostNamespaces, p)
            == PodSecurityFinding(reason: "host namespaces", detail: "hostNetwork=true, hostPID=true, hostIPC=true"))
    }

    /// hostPathVolumes_1_0: volume names in declaration order (not sorted).
    @Test func hostPathVolumesKeepDeclarationOrder() throws {
        let p = try pod(spec: """
            containers:
            - name: a
            volumes:
            - {name: z, hostPath: {path: /a}}
            - {name: m, emptyDir: {}}
            - {name: b, hostPath: {path: /b}}
            """)
        #expect(try run(PodSecurityChecks.hostPathVolumes, p)
            == PodSecurityFinding(reason: "hostPath volumes", detail: #"volumes "z", "b""#))
        #expect(try run(PodSecurityChecks.restrictedVolumes, p)?.detail
            == #"volumes "z", "b" use restricted volume type "hostPath""#)
    }

    /// hostPorts_1_0: ports are a set of decimal strings, listed in string order, unquoted.
    @Test func hostPortsSortAsStrings() throws {
        let p = try pod(spec: """
            containers:
            - name: b
              ports: [{containerPort: 1, hostPort: 8080}, {containerPort: 2, hostPort: 443}]
            - name: a
              ports: [{containerPort: 3, hostPort: 80}, {containerPort: 4, hostPort: 443}]
            """)
        #expect(try run(PodSecurityChecks.hostPorts, p)?.detail
            == #"containers "b", "a" use hostPorts 443, 80, 8080"#)
    }

    /// privileged_1_0.
    @Test func privilegedContainers() throws {
        let p = try pod(spec: """
            initContainers:
            - {name: i, securityContext: {privileged: true}}
            containers:
            - {name: a, securityContext: {privileged: false}}
            - {name: b, securityContext: {privileged: true}}
            """)
        #expect(try run(PodSecurityChecks.privileged, p) == PodSecurityFinding(
            reason: "privileged", detail: #"containers "i", "b" must not set securityContext.privileged=true"#))
    }

    /// capabilitiesBaseline_1_0.
    @Test func nonDefaultCapabilities() throws {
        let p = try pod(spec: """
            containers:
            - {name: a, securityContext: {capabilities: {add: [SYS_ADMIN, CHOWN]}}}
            - {name: b, securityContext: {capabilities: {add: [NET_RAW, SYS_ADMIN]}}}
            - {name: c, securityContext: {capabilities: {add: [KILL]}}}
            """)
        #expect(try run(PodSecurityChecks.capabilities_baseline, p) == PodSecurityFinding(
            reason: "non-default capabilities",
            detail: #"containers "a", "b" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add"#))
    }

    /// procMount_1_35_restricted (the wording of both procMount checks).
    @Test func procMountTypes() throws {
        let p = try pod(spec: """
            containers:
            - {name: a, securityContext: {procMount: Default}}
            - {name: b, securityContext: {procMount: Unmasked}}
            """)
        #expect(try run(PodSecurityChecks.procMount, p) == PodSecurityFinding(
            reason: "procMount", detail: #"container "b" must not set securityContext.procMount to "Unmasked""#))
        #expect(try run(PodSecurityChecks.procMount_restricted, p)?.detail
            == #"container "b" must not set securityContext.procMount to "Unmasked""#)
    }

    /// runAsNonRoot_1_0: explicit `false` (pod and containers) is reported before unset.
    @Test func runAsNonRootExplicitFalse() throws {
        let p = try pod(spec: """
            securityContext: {runAsNonRoot: false}
            containers:
            - {name: a}
            - {name: b, securityContext: {runAsNonRoot: false}}
            - {name: c, securityContext: {runAsNonRoot: false}}
            """)
        #expect(try run(PodSecurityChecks.runAsNonRoot, p) == PodSecurityFinding(
            reason: "runAsNonRoot != true",
            detail: #"pod and containers "b", "c" must not set securityContext.runAsNonRoot=false"#))
    }

    /// runAsUser_1_23.
    @Test func runAsUserZero() throws {
        let p = try pod(spec: """
            securityContext: {runAsUser: 0}
            containers:
            - {name: a, securityContext: {runAsUser: 0}}
            - {name: b, securityContext: {runAsUser: 1000}}
            """)
        #expect(try run(PodSecurityChecks.runAsUser, minor: 34, p) == PodSecurityFinding(
            reason: "runAsUser=0", detail: #"pod and container "a" must not set runAsUser=0"#))
    }

    /// windowsHostProcess_1_0.
    @Test func windowsHostProcess() throws {
        let p = try pod(spec: """
            securityContext: {windowsOptions: {hostProcess: true}}
            containers:
            - {name: a, securityContext: {windowsOptions: {hostProcess: true}}}
            - {name: b, securityContext: {windowsOptions: {hostProcess: true}}}
            """)
        #expect(try run(PodSecurityChecks.windowsHostProcess, p) == PodSecurityFinding(
            reason: "hostProcess",
            detail: #"pod and containers "a", "b" must not set securityContext.windowsOptions.hostProcess=true"#))
    }

    /// sysctls: forbidden names in declaration order, repeats kept, joined by `, `, unquoted.
    @Test func forbiddenSysctls() throws {
        let p = try pod(spec: """
            securityContext:
              sysctls:
              - {name: kernel.msgmax, value: '1'}
              - {name: kernel.shm_rmid_forced, value: '1'}
              - {name: fs.mqueue.msg_max, value: '1'}
              - {name: kernel.msgmax, value: '2'}
            containers:
            - name: a
            """)
        #expect(try run(PodSecurityChecks.sysctls, p) == PodSecurityFinding(
            reason: "forbidden sysctls", detail: "kernel.msgmax, fs.mqueue.msg_max, kernel.msgmax"))
    }

    /// seccompProfileBaseline_1_19.
    @Test func seccompProfileBaselineField() throws {
        let p = try pod(spec: """
            securityContext: {seccompProfile: {type: Unconfined}}
            containers:
            - {name: a, securityContext: {seccompProfile: {type: RuntimeDefault}}}
            - {name: b, securityContext: {seccompProfile: {type: Unconfined}}}
            """)
        #expect(try run(PodSecurityChecks.seccompProfile_baseline, p) == PodSecurityFinding(
            reason: "seccompProfile",
            detail: #"pod and container "b" must not set securityContext.seccompProfile.type to "Unconfined""#))
    }
}
