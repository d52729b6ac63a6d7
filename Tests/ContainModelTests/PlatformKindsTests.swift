import ContainModel
import Foundation
import Testing

@Suite("Platform kinds")
struct PlatformKindsTests {
    static func examplePlatform() throws -> [LoadedManifest] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/platform.yaml"), encoding: .utf8)
        let set = ManifestLoader().load(text, file: "examples/platform.yaml")
        #expect(set.diagnostics.isEmpty)
        return set.manifests
    }

    /// Decoding then encoding gives back the source value exactly: every field of the example
    /// platform has a typed home with the right JSON name and type.
    @Test func exampleObjectsRoundTripExactly() throws {
        let manifests = try Self.examplePlatform()
        #expect(manifests.count == 12)
        for manifest in manifests {
            guard case .typed(let object) = manifest.object else {
                Issue.record("\(manifest.reference) was not typed")
                continue
            }
            let encoded = try ValueEncoder().encode(object)
            #expect(encoded == manifest.document.value, "\(manifest.reference)")
            try assertTextRoundTrips(object)
        }
    }

    private func assertTextRoundTrips<T: KubeObject>(_ object: T) throws {
        let value = try ValueEncoder().encode(object)
        let fromYAML = try ValueDecoder().decode(T.self, from: try YAMLReader.value(YAMLWriter.document(value)))
        #expect(fromYAML == object)
        let fromJSON = try ValueDecoder().decode(T.self, from: try JSONReader.value(JSONWriter.pretty(value)))
        #expect(fromJSON == object)
    }

    @Test func exampleCoversEveryIsolationTierAndRuntime() throws {
        let tenants = try Self.examplePlatform().compactMap { $0.object.typed(as: Tenant.self) }
        #expect(tenants.count >= 4)
        let tiers = Set(tenants.map { $0.spec.isolation?.effectiveTier ?? .namespace })
        #expect(tiers == Set(IsolationTier.allCases))
        let runtimes = Set(tenants.map { $0.spec.isolation?.effectiveRuntime ?? .runc })
        #expect(runtimes == Set(SandboxRuntime.allCases))
        #expect(tenants.contains { !($0.spec.gpu?.profiles ?? []).isEmpty })
        let clusters = try Self.examplePlatform().compactMap { $0.object.typed(as: Cluster.self) }
        #expect(clusters.contains { $0.spec.tier == .devTest && $0.name == "dev" })
        #expect(clusters.filter { $0.spec.tier == .production && $0.spec.zones.count == 3 }.count >= 2)
        #expect(clusters.contains { $0.spec.nodePools.contains { $0.gpu?.mig != nil } })
        #expect(clusters.contains { $0.spec.nodePools.contains { $0.effectiveRole == .storage } })
    }

    @Test func typedObjectsBuiltInCodeEncodeWithTheirTypeMeta() throws {
        let tenant = Tenant(metadata: ObjectMeta(name: "t"),
                            spec: TenantSpec(owners: [TenantSubject(kind: .group, name: "g")], clusters: ["dev"],
                                             namespaces: [TenantNamespace(name: "t")],
                                             quota: TenantQuota(cpu: try Quantity(parsing: "1.5"))))
        let value = try ValueEncoder().encode(tenant)
        #expect(JSONWriter.compact(value) == #"{"apiVersion":"platform.contain.dev/v1alpha1","kind":"Tenant","metadata":{"name":"t"},"spec":{"owners":[{"kind":"Group","name":"g"}],"clusters":["dev"],"namespaces":[{"name":"t"}],"quota":{"cpu":"1500m"}}}"#)
    }

    @Test func runtimesMapToRuntimeClassHandlers() {
        #expect(SandboxRuntime.runc.handler == nil)
        #expect(SandboxRuntime.gvisor.handler == "runsc")
        #expect(SandboxRuntime.kata.handler == "kata-qemu")
        #expect(SandboxRuntime.kataFirecracker.handler == "kata-fc")
        #expect(SandboxRuntime.kataFirecracker.rawValue == "kata-firecracker")
    }

    @Test func registryResolvesPlatformKinds() {
        let registry = KindRegistry.standard
        #expect(registry.type(apiVersion: "platform.contain.dev/v1alpha1", kind: "Tenant") == Tenant.self)
        #expect(registry.type(apiVersion: "platform.contain.dev/v1alpha1", kind: "Cluster") == Cluster.self)
        #expect(registry.type(apiVersion: "platform.contain.dev/v1beta1", kind: "Tenant") == nil)
        #expect(Tenant.resourceType.plural == "tenants")
        #expect(!Tenant.resourceType.namespaced)
    }

    @Test func syntheticPlatformValidatesCleanly() {
        let yaml = SyntheticPlatform.yaml(objects: 500)
        let report = PlatformCheck().run([ManifestSource(path: "synthetic.yaml", text: yaml)])
        #expect(report.objects == 500)
        #expect(report.diagnostics == [])
    }
}

@Suite("Validation building blocks")
struct ValidationRulesTests {
    @Test(arguments: [
        ("1.33", true), ("v1.33", true), ("1.33.4", true), ("1", false), ("1.33.", false), ("1.x", false),
        ("latest", false), ("01.33", false), ("1.33.4.5", false),
    ])
    func parsesKubernetesVersions(text: String, valid: Bool) {
        #expect((KubernetesVersion(text) != nil) == valid)
    }

    @Test func supportWindowIsNewestAndTheTwoBefore() {
        let window = KubernetesSupportWindow(newest: "1.34")
        #expect(window.supportedVersions == ["1.32", "1.33", "1.34"])
        #expect(window.supports(KubernetesVersion("1.32.9")!))
        #expect(!window.supports(KubernetesVersion("1.31")!))
        #expect(!window.supports(KubernetesVersion("1.35")!))
        #expect(KubernetesSupportWindow(newest: "1.30", supportedMinors: 4).supportedVersions == ["1.27", "1.28", "1.29", "1.30"])
    }

    @Test(arguments: [
        ("10.0.0.0/8", true), ("192.168.1.0/24", true), ("0.0.0.0/0", true), ("fd00::/8", true), ("::/0", true),
        ("2001:db8::1/128", true), ("10.0.0.0", false), ("10.0.0.256/8", false), ("10.0.0.0/33", false),
        ("01.0.0.0/8", false), ("fd00:::1/64", false), ("10.0.0.0/+8", false),
    ])
    func parsesCIDRs(text: String, valid: Bool) {
        #expect((CIDR(text) != nil) == valid)
    }

    @Test func detectsOverlappingNetworks() throws {
        let pods = try #require(CIDR("10.244.0.0/16"))
        #expect(pods.overlaps(try #require(CIDR("10.244.12.0/24"))))
        #expect(try #require(CIDR("10.0.0.0/8")).overlaps(pods))
        #expect(!pods.overlaps(try #require(CIDR("10.96.0.0/12"))))
    }

    @Test(arguments: [("4h", 14400.0), ("90m", 5400), ("1h30m", 5400), ("1.5h", 5400), ("250ms", 0.25), ("0", 0)])
    func parsesGoDurations(text: String, seconds: Double) {
        #expect(GoDuration.seconds(text) == seconds)
    }

    @Test(arguments: ["", "4", "h", "4d", "-1h", "4h x"])
    func rejectsMalformedDurations(text: String) {
        #expect(GoDuration.seconds(text) == nil)
    }

    @Test(arguments: [("1g.10gb", true), ("3g.40gb", true), ("1g.10gb+me", true), ("7g.80gb", true), ("1g", false),
                      ("g.10gb", false), ("1g.10GB", false), ("1.10gb", false)])
    func recognisesMIGProfiles(name: String, valid: Bool) {
        #expect(MIGProfile.isValid(name) == valid)
    }

    @Test(arguments: [("web", true), ("a", true), ("web-2", true), ("Web", false), ("-web", false), ("web-", false),
                      ("web.shop", false), ("", false), (String(repeating: "a", count: 64), false)])
    func checksDNSLabels(name: String, valid: Bool) {
        #expect(NameRules.dns1123Label(name).isEmpty == valid)
    }

    @Test func checksPathSegmentNames() {
        #expect(NameRules.pathSegmentName("system:masters").isEmpty)
        #expect(NameRules.pathSegmentName("a/b") == ["may not contain '/'"])
        #expect(NameRules.pathSegmentName("..") == ["may not be '..'"])
    }

    @Test func timesRoundTripAsRFC3339() throws {
        let time = try #require(Time(rfc3339: "2026-11-22T02:46:00Z"))
        #expect(time.rfc3339 == "2026-11-22T02:46:00Z")
        #expect(Time(rfc3339: "2026-11-22T03:46:00.123+01:00") == time)
        #expect(Time(rfc3339: "1969-12-31T23:59:59Z")?.secondsSince1970 == -1)
        #expect(Time(rfc3339: "2024-02-29T00:00:00Z")?.rfc3339 == "2024-02-29T00:00:00Z")
        #expect(Time(rfc3339: "2026-13-01T00:00:00Z") == nil)
        #expect(Time(rfc3339: "yesterday") == nil)
    }
}
