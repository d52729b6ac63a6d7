import ContainModel
import ContainPolicy
import Testing

@Suite struct PodSecurityVersionTests {
    @Test func parsesLatestAndPinnedVersions() throws {
        #expect(try PodSecurityVersion.parse("latest") == .latest)
        #expect(try PodSecurityVersion.parse("latest").isLatest)
        #expect(try PodSecurityVersion.parse("v1.0").minor == 0)
        #expect(try PodSecurityVersion.parse("v1.37").minor == 37)
        #expect(try PodSecurityVersion.parse("v1.120").minor == 120)
        #expect(PodSecurityVersion("v1.29")?.description == "v1.29")
        #expect(PodSecurityVersion("latest")?.description == "latest")
    }

    @Test(arguments: ["", "v1", "v1.", "v1.01", "v2.0", "1.0", "v1.-1", "v1.x", "Latest", " v1.0", "v1.0 ",
                      "v1.1.1", "v1.9999999999"])
    func rejectsInvalidVersions(_ text: String) {
        #expect(PodSecurityVersion(text) == nil)
        #expect(throws: PodSecurityVersionError.self) { try PodSecurityVersion.parse(text) }
    }

    @Test func errorIsWordedLikeUpstream() {
        do {
            _ = try PodSecurityVersion.parse("v2")
            Issue.record("v2 parsed")
        } catch {
            #expect(error.description == #"invalid Pod Security version "v2": must be "latest" or "v1.x""#)
        }
    }

    @Test func ordersNumericallyWithLatestLast() throws {
        let v9 = try PodSecurityVersion.parse("v1.9")
        let v10 = try PodSecurityVersion.parse("v1.10")
        #expect(v9 < v10)
        #expect(v10 < .latest)
        #expect(!(PodSecurityVersion.latest < v10))
        #expect([PodSecurityVersion.latest, v10, v9].sorted() == [v9, v10, .latest])
        #expect(PodSecurityVersion.v1(-1) == nil)
        #expect(PodSecurityVersion.v1(5)?.description == "v1.5")
    }

    @Test func policyDescription() throws {
        #expect(PodSecurityPolicy(level: .restricted).description == "restricted:latest")
        #expect(PodSecurityPolicy(level: .baseline, version: try .parse("v1.0")).description == "baseline:v1.0")
    }

    @Test func versionsSelectCheckRevisions() throws {
        func ids(_ level: PodSecurityLevel, _ version: String) throws -> [String] {
            PodSecurityEvaluator.checkIDs(for: PodSecurityPolicy(level: level, version: try .parse(version)))
        }
        #expect(PodSecurityChecks.newestMinor == 37)
        // Newer than any revision: same as latest.
        #expect(try ids(.restricted, "v1.99") == ids(.restricted, "latest"))
        #expect(try ids(.restricted, "v1.37") == ids(.restricted, "latest"))
        // v1.0 restricted: baseline checks (hostPathVolumes overridden by restrictedVolumes) + restricted ones.
        #expect(try ids(.restricted, "v1.0") == [
            "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPorts", "privileged", "procMount",
            "seLinuxOptions", "seccompProfile_baseline", "sysctls", "windowsHostProcess",
            "restrictedVolumes", "runAsNonRoot",
        ])
        #expect(try ids(.restricted, "v1.22").contains("capabilities_restricted"))
        #expect(try !ids(.restricted, "v1.22").contains("capabilities_baseline"))
        #expect(try ids(.restricted, "v1.21").contains("capabilities_baseline"))
        #expect(try ids(.restricted, "latest") == [
            "appArmorProfile", "hostNamespaces", "hostPorts", "hostProbesAndHostLifecycle", "privileged",
            "seLinuxOptions", "sysctls", "windowsHostProcess",
            "allowPrivilegeEscalation", "capabilities_restricted", "procMount_restricted", "restrictedVolumes",
            "runAsNonRoot", "runAsUser", "seccompProfile_restricted",
        ])
        #expect(try ids(.baseline, "latest") == [
            "appArmorProfile", "capabilities_baseline", "hostNamespaces", "hostPathVolumes", "hostPorts",
            "hostProbesAndHostLifecycle", "privileged", "procMount", "seLinuxOptions", "seccompProfile_baseline",
            "sysctls", "windowsHostProcess",
        ])
        #expect(try ids(.privileged, "latest").isEmpty)
    }

    @Test func windowsExemptionStartsAtV1Dot25() throws {
        let p = try pod(spec: """
            os: {name: windows}
            securityContext: {runAsNonRoot: true}
            containers:
            - name: app
            """)
        func reasons(_ version: String) throws -> [String] {
            let policy = PodSecurityPolicy(level: .restricted, version: try .parse(version))
            return PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: policy).violations.map(\.checkID)
        }
        #expect(try reasons("v1.24") == ["allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted"])
        #expect(try reasons("v1.25").isEmpty)
    }

    @Test func userNamespaceRelaxationStartsAtV1Dot35() throws {
        let p = try pod(spec: """
            hostUsers: false
            securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
            containers:
            - name: app
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, procMount: Unmasked}
            """)
        func ids(_ level: PodSecurityLevel, _ version: String) throws -> [String] {
            let policy = PodSecurityPolicy(level: level, version: try .parse(version))
            return PodSecurityEvaluator.evaluate(podSpec: p.spec, metadata: p.metadata, policy: policy).violations.map(\.checkID)
        }
        #expect(try ids(.restricted, "v1.34") == ["procMount", "runAsNonRoot", "runAsUser"])
        #expect(try ids(.restricted, "v1.35") == ["procMount_restricted"])
        #expect(try ids(.baseline, "v1.34") == ["procMount"])
        #expect(try ids(.baseline, "v1.35").isEmpty)
    }
}
