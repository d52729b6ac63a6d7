import ContainCommandSupport
import ArgumentParser
import ContainAdmission
import ContainModel
import ContainPolicy
import Foundation

/// `contain bench admission`: in-process admission figures — the engine alone on a decoded
/// 3-container pod (restricted Pod Security and every guardrail), and decode + evaluate +
/// encode of a real 16 KB AdmissionReview.
struct AdmissionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admission",
        abstract: "Measure admission: engine evaluations/s (decode excluded) and review decode+evaluate/s.")

    @Option(help: "The AdmissionReview to decode (a 3-container pod).")
    var review: String = "../shared/bench/review-compliant-pod.json"

    @Option(help: "Evaluations per timed run.")
    var evaluations = 200_000

    @Option(help: "Reviews per timed run.")
    var reviews = 20_000

    @Option(help: "Timed runs after a warm-up; the median is reported.")
    var runs = 5

    /// A tenant using every guardrail, whose namespace the benchmark pod is moved into.
    static let tenantYAML = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata: {name: shop}
        spec:
          owners: [{kind: Group, name: shop-admins}]
          clusters: [prod]
          namespaces: [{name: shop}]
          quota: {namespaces: 3, loadBalancers: 1, migDevices: {1g.10gb: 2}}
          isolation: {runtime: gvisor, podSecurity: restricted}
          gpu: {profiles: [1g.10gb]}
          network:
            ingress: {classes: [external], hostnames: ["*.shop.example.com"]}
          registries: [registry.example.com/shop, registry.example.com/infra]
          storageClasses: [ceph-block]
          guardrails: {containerResources: require}
        """

    func run() throws {
        ProcessTuning.apply()  // as `contain admission` runs
        guard let text = try? String(contentsOfFile: review, encoding: .utf8) else {
            throw ValidationError("cannot read \(review) (run from the repository, or pass --review FILE)")
        }
        let tenant = try ValueDecoder().decode(Tenant.self, from: try YAMLReader.documents(Self.tenantYAML)[0].value)
        let engine = AdmissionEngine(directory: TenantDirectory(tenants: [tenant]),
                                     defaultPodSecurity: PodSecurityPolicy(level: .baseline))
        var request = try AdmissionReviewDecoder.decode(text).request
        guard case .pod(var pod) = request.object else { throw ValidationError("\(review) is not a Pod review") }
        pod.metadata.namespace = "shop"
        pod.spec.runtimeClassName = "gvisor"
        request.namespace = "shop"
        request.object = .pod(pod)
        let context = AdmissionContext(stage: .validating)
        let check = engine.review(request, context: context)
        guard check.allowed, check.violations.isEmpty else {
            throw ValidationError("the benchmark pod should pass every guardrail: \(check.violations.map(\.text))")
        }
        var allowed = 0
        let engineSeconds = Self.median(runs) {
            for _ in 0..<evaluations where engine.review(request, context: context).allowed { allowed += 1 }
        }
        var denied = request
        pod.spec.containers[1].securityContext?.privileged = true
        pod.spec.containers[0].image = "docker.io/library/nginx:latest"
        denied.object = .pod(pod)
        let deniedSeconds = Self.median(runs) {
            for _ in 0..<evaluations where !engine.review(denied, context: context).allowed { allowed += 1 }
        }

        let endpoint = AdmissionEndpoint(engine: AdmissionEngine())
        let tenantEndpoint = AdmissionEndpoint(engine: engine)
        var bytes = 0
        let reviewSeconds = Self.median(runs) {
            for _ in 0..<reviews { bytes &+= endpoint.answer(text, kind: .validate).body.utf8.count }
        }
        let tenantText = text.replacingOccurrences(of: "\"namespace\":\"psa-bench\"", with: "\"namespace\":\"shop\"")
        let mutateSeconds = Self.median(runs) {
            for _ in 0..<reviews { bytes &+= tenantEndpoint.answer(tenantText, kind: .mutate).body.utf8.count }
        }
        let decodeSeconds = Self.median(runs) {
            for _ in 0..<reviews where (try? AdmissionReviewDecoder.decode(text)) != nil { bytes &+= 1 }
        }
        let responseSize = endpoint.answer(text, kind: .validate).body.utf8.count
        print("admission engine, 3-container pod, restricted:latest + all guardrails (decode excluded), median of \(runs) runs")
        print("  allowed: \(Self.rate(evaluations, engineSeconds)) evaluations/s (\(Self.nanos(engineSeconds, evaluations)) ns each)")
        print("  denied (privileged + foreign registry, messages built): \(Self.rate(evaluations, deniedSeconds)) evaluations/s (\(Self.nanos(deniedSeconds, evaluations)) ns each)")
        print("review \(review) (\(text.utf8.count) bytes), median of \(runs) runs")
        print("  decode only: \(Self.rate(reviews, decodeSeconds)) reviews/s (\(Self.nanos(decodeSeconds, reviews)) ns each)")
        print("  /validate decode+evaluate+encode, baseline:latest, no tenant: \(Self.rate(reviews, reviewSeconds)) reviews/s (\(Self.nanos(reviewSeconds, reviews)) ns each), response \(responseSize) bytes")
        print("  /mutate decode+evaluate+encode, tenant with all guardrails: \(Self.rate(reviews, mutateSeconds)) reviews/s (\(Self.nanos(mutateSeconds, reviews)) ns each)")
        if allowed == 0 || bytes == 0 { print("  (no work was done?)") }
    }

    static func rate(_ count: Int, _ seconds: Double) -> Int { Int(Double(count) / seconds) }
    static func nanos(_ seconds: Double, _ count: Int) -> Int { Int(seconds / Double(count) * 1e9) }

    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        body()  // warm-up
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            body()
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        return times[times.count / 2]
    }
}
