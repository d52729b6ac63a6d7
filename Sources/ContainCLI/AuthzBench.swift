import ArgumentParser
import ContainModel
import ContainRBAC
import Foundation

/// Authorisation decisions per second against a generated RBAC policy: 200 ClusterRoles,
/// 1,000 bindings (ClusterRoleBindings and RoleBindings over 50 namespaces), users in groups.
struct AuthzBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authz",
        abstract: "RBAC decisions per second with a generated policy (default: 1,000 bindings, 200 roles).")

    @Option(help: "ClusterRoles in the policy.")
    var roles = 200

    @Option(help: "Bindings in the policy (40 % ClusterRoleBindings, 60 % RoleBindings).")
    var bindings = 1_000

    @Option(help: "Decisions per timed run.")
    var decisions = 2_000_000

    @Option(help: "Timed runs after one warm-up run; the median is reported.")
    var iterations = 5

    static let resources = ["pods", "services", "configmaps", "secrets", "deployments", "statefulsets", "jobs", "tenants",
                            "networkpolicies", "ingresses", "leases", "roles", "rolebindings", "events", "clusters"]
    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete"]

    func run() throws {
        var random = SplitMix64(seed: 42)
        var clusterRoles: [ClusterRole] = []
        for index in 0..<roles {
            var rules: [PolicyRule] = []
            for ruleIndex in 0..<5 {
                let resource = Self.resources[(index + ruleIndex * 3) % Self.resources.count]
                let verbs = Array(Self.verbs.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)))
                let names: [String]? = ruleIndex == 4 ? ["object-\(index)"] : nil
                rules.append(PolicyRule(verbs: verbs, apiGroups: [""], resources: [resource, resource + "/status"], resourceNames: names))
            }
            clusterRoles.append(ClusterRole(metadata: ObjectMeta(name: "role-\(index)"), rules: rules))
        }
        func subjects() -> [Subject] {
            (0..<3).map { _ in
                Bool.random(using: &random)
                    ? Subject(kind: .user, apiGroup: "rbac.authorization.k8s.io", name: "user-\(Int.random(in: 0..<500, using: &random))")
                    : Subject(kind: .group, apiGroup: "rbac.authorization.k8s.io", name: "group-\(Int.random(in: 0..<100, using: &random))")
            }
        }
        var clusterBindings: [ClusterRoleBinding] = []
        var roleBindings: [RoleBinding] = []
        for index in 0..<bindings {
            let roleRef = RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "role-\(Int.random(in: 0..<roles, using: &random))")
            if index % 5 < 2 {
                clusterBindings.append(ClusterRoleBinding(metadata: ObjectMeta(name: "crb-\(index)"), subjects: subjects(), roleRef: roleRef))
            } else {
                roleBindings.append(RoleBinding(metadata: ObjectMeta(name: "rb-\(index)", namespace: "ns-\(index % 50)"), subjects: subjects(), roleRef: roleRef))
            }
        }
        let compileStart = ContinuousClock.now
        let policy = RBACPolicy(RBACObjects(clusterRoles: clusterRoles, roleBindings: roleBindings, clusterRoleBindings: clusterBindings))
        let compileSeconds = Self.seconds(ContinuousClock.now - compileStart)

        var requests: [(UserInfo, RequestAttributes)] = []
        for _ in 0..<10_000 {
            let groups = (0..<3).map { _ in "group-\(Int.random(in: 0..<100, using: &random))" } + ["system:authenticated"]
            let user = UserInfo(name: "user-\(Int.random(in: 0..<500, using: &random))", groups: groups)
            let resource = Self.resources.randomElement(using: &random)!
            let namespace = Int.random(in: 0..<10, using: &random) == 0 ? "" : "ns-\(Int.random(in: 0..<60, using: &random))"
            let name = Bool.random(using: &random) ? "object-\(Int.random(in: 0..<roles, using: &random))" : ""
            requests.append((user, .resource(Self.verbs.randomElement(using: &random)!, resource: resource, namespace: namespace, name: name)))
        }
        var allowed = 0
        for (user, request) in requests where policy.authorize(user, request).allowed { allowed += 1 }
        var timings: [Double] = []
        for _ in 0..<max(1, iterations) {
            var count = 0
            let start = ContinuousClock.now
            var index = 0
            for _ in 0..<decisions {
                let (user, request) = requests[index]
                if policy.authorize(user, request).allowed { count += 1 }
                index += 1
                if index == requests.count { index = 0 }
            }
            timings.append(Self.seconds(ContinuousClock.now - start))
            if count < 0 { print(count) }  // keeps the loop's result alive
        }
        timings.sort()
        let median = timings[timings.count / 2]
        print("authz: \(roles) ClusterRoles, \(bindings) bindings (\(clusterBindings.count) cluster, \(roleBindings.count) namespaced), \(policy.grantCount) indexed grants; compiled in \(String(format: "%.1f", compileSeconds * 1000)) ms")
        print("  \(requests.count) distinct requests, \(String(format: "%.1f", Double(allowed) * 100 / Double(requests.count))) % allowed")
        print("  \(decisions) decisions per run, \(timings.count) runs: median \(String(format: "%.3f", median)) s")
        print("  \(Int(Double(decisions) / median)) decisions/s (median), \(Int(Double(decisions) / timings[0])) decisions/s (best)")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
