import Foundation
import Testing

/// A running `contain` process (`up`, `serve` or `operator`) with its own data directory.
final class ContainRun {
    let directory: URL
    let process: Process
    let output = OutputCollector()

    /// Starts `contain ARGUMENTS…`; for `up` and `serve`, waits until `/readyz` answers.
    init(_ arguments: [String], directory existing: URL? = nil, waitForAPI: Bool = true) throws {
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("contain-up-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if waitForAPI { try? FileManager.default.removeItem(at: directory.appendingPathComponent("kubeconfig")) }
        process = Process()
        process.executableURL = ContainProcess.executable
        process.arguments = arguments.map { $0.replacingOccurrences(of: "$DIR", with: directory.path) }
        let pipe = Pipe()
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        guard waitForAPI else { return }
        let ready = try ContainRun.eventually(30) {
            guard FileManager.default.fileExists(atPath: kubeconfig) else { return false }
            return try kubectl(["get", "--raw", "/readyz"]).status == 0
        }
        if !ready {
            stop()
            throw ServedAPI.ServeError(message: "contain \(arguments.first ?? "") did not become ready within 30 s: \(output.value)")
        }
    }

    var kubeconfig: String { directory.appendingPathComponent("kubeconfig").path }

    /// The port the API listens on, read from the kubeconfig.
    var port: Int? {
        guard let text = try? String(contentsOfFile: kubeconfig, encoding: .utf8),
              let range = text.range(of: #"server: https?://127\.0\.0\.1:(\d+)"#, options: .regularExpression)
        else { return nil }
        return Int(text[range].split(separator: ":").last ?? "")
    }

    func kubectl(_ arguments: [String]) throws -> ContainProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig, "--cache-dir", directory.appendingPathComponent("cache").path,
                             "--request-timeout", "5s"] + arguments
        process.currentDirectoryURL = ContainProcess.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ContainProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `kubectl get … -o json`, parsed; `nil` when kubectl failed.
    func json(_ arguments: [String]) throws -> [String: Any]? {
        let result = try kubectl(["get"] + arguments + ["-o", "json"])
        guard result.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit; returns the exit status.
    @discardableResult
    func interrupt(timeout: Double = 10) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    static func eventually(_ seconds: Double, _ check: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try check() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// Tenant provisioning end to end: the real kubectl against `contain up` and `contain operator`.
@Suite("contain up and contain operator (end to end)", .serialized)
struct ContainUpTests {
    static let tenants = ["web", "payments", "analytics", "ml", "partner-acme", "risk", "ledger"]

    /// Names of Ready tenants.
    static func readyTenants(_ run: ContainRun) throws -> Set<String> {
        guard let list = try run.json(["tenants"]), let items = list["items"] as? [[String: Any]] else { return [] }
        var ready = Set<String>()
        for item in items {
            let name = (item["metadata"] as? [String: Any])?["name"] as? String ?? ""
            let status = item["status"] as? [String: Any]
            let generation = (item["metadata"] as? [String: Any])?["generation"] as? Int
            let conditions = status?["conditions"] as? [[String: Any]] ?? []
            if conditions.contains(where: { $0["type"] as? String == "Ready" && $0["status"] as? String == "True" }),
               status?["observedGeneration"] as? Int == generation {
                ready.insert(name)
            }
        }
        return ready
    }

    static func uid(_ run: ContainRun, _ arguments: [String]) throws -> String? {
        ((try run.json(arguments))?["metadata"] as? [String: Any])?["uid"] as? String
    }

    static func quotaCPU(_ run: ContainRun, namespace: String) throws -> String? {
        let quota = try run.json(["resourcequota", "tenant-quota", "-n", namespace])
        return ((quota?["spec"] as? [String: Any])?["hard"] as? [String: Any])?["requests.cpu"] as? String
    }

    @Test func upProvisionsRestoresUpdatesAndDeletesTenants() throws {
        let up = try ContainRun(["up", "--data-dir", "$DIR", "--listen", "127.0.0.1:0"])
        #expect(up.output.value.contains("kubeconfig: \(up.kubeconfig)"))
        let applied = try up.kubectl(["apply", "-f", "examples/platform.yaml"])
        #expect(applied.status == 0, "\(applied.stderr)")

        let allReady = try ContainRun.eventually(10) { try Self.readyTenants(up).isSuperset(of: Self.tenants) }
        let readyNow = try Self.readyTenants(up)
        #expect(allReady, "not Ready within 10 s: \(Set(Self.tenants).subtracting(readyNow))")

        let defaults = try up.kubectl(["get", "networkpolicy,resourcequota,limitrange,rolebinding", "-n", "payments", "-o", "name"])
        #expect(defaults.status == 0)
        for name in ["networkpolicy.networking.k8s.io/default-deny", "networkpolicy.networking.k8s.io/allow-dns",
                     "resourcequota/tenant-quota", "limitrange/tenant-quota", "rolebinding.rbac.authorization.k8s.io/contain-admin"] {
            #expect(defaults.stdout.contains(name), "missing \(name) in: \(defaults.stdout)")
        }
        let namespace = try up.json(["namespace", "payments"])
        let labels = (namespace?["metadata"] as? [String: Any])?["labels"] as? [String: String] ?? [:]
        #expect(labels["platform.contain.dev/tenant"] == "payments")
        #expect(labels["pod-security.kubernetes.io/enforce"] == "restricted")

        // A deleted managed NetworkPolicy comes back within 2 s (a new object: a new uid).
        let oldUID = try Self.uid(up, ["networkpolicy", "default-deny", "-n", "payments"])
        #expect(oldUID != nil)
        #expect(try up.kubectl(["delete", "networkpolicy", "default-deny", "-n", "payments"]).status == 0)
        let restored = try ContainRun.eventually(2) {
            let uid = try Self.uid(up, ["networkpolicy", "default-deny", "-n", "payments"])
            return uid != nil && uid != oldUID
        }
        #expect(restored, "default-deny not restored within 2 s")

        // An edited managed quota is put back.
        let originalCPU = try Self.quotaCPU(up, namespace: "payments")
        #expect(originalCPU == "24")
        #expect(try up.kubectl(["patch", "resourcequota", "tenant-quota", "-n", "payments", "--type", "merge",
                                "-p", #"{"spec":{"hard":{"requests.cpu":"999"}}}"#]).status == 0)
        #expect(try ContainRun.eventually(2) { try Self.quotaCPU(up, namespace: "payments") == "24" }, "edited quota not restored")

        // Changing the tenant's quota changes the namespace ResourceQuota.
        #expect(try up.kubectl(["patch", "tenant", "payments", "--type", "merge", "-p", #"{"spec":{"quota":{"cpu":"30"}}}"#]).status == 0)
        #expect(try ContainRun.eventually(5) { try Self.quotaCPU(up, namespace: "payments") == "30" }, "quota not updated")

        // Deleting a tenant removes its namespaces, then the Tenant itself (finalizer).
        #expect(try up.json(["namespace", "web"]) != nil)
        #expect(try up.kubectl(["delete", "tenant", "web", "--wait=false"]).status == 0)
        let gone = try ContainRun.eventually(10) {
            try up.json(["namespace", "web"]) == nil && up.json(["tenant", "web"]) == nil
        }
        #expect(gone, "tenant web or its namespace still present")
        #expect(try up.json(["namespace", "payments"]) != nil)

        // Ctrl-C stops everything cleanly.
        #expect(up.interrupt() == 0, "\(up.output.value)")
    }

    /// `kubectl apply -f -` of `yaml` as `run`'s admin.
    static func apply(_ run: ContainRun, _ yaml: String, file: String) throws -> ContainProcess.Result {
        let path = run.directory.appendingPathComponent(file)
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return try run.kubectl(["apply", "-f", path.path])
    }

    @Test func upServesTLSAndAdmitsEveryWriteWithTheGuardrails() throws {
        let up = try ContainRun(["up", "--data-dir", "$DIR", "--listen", "127.0.0.1:0"])
        defer { up.stop() }
        let kubeconfig = try String(contentsOfFile: up.kubeconfig, encoding: .utf8)
        #expect(kubeconfig.contains("server: https://127.0.0.1:"))
        #expect(kubeconfig.contains("certificate-authority-data:"))
        #expect(!kubeconfig.contains("insecure-skip-tls-verify"))
        #expect(try up.kubectl(["apply", "-f", "examples/platform.yaml"]).status == 0)
        #expect(try ContainRun.eventually(10) { try Self.readyTenants(up).isSuperset(of: ["payments", "web"]) })

        // Restricted Pod Security and the tenant's registries refuse a privileged pod; nothing is stored.
        let privileged = """
            apiVersion: v1
            kind: Pod
            metadata: {name: bad, namespace: payments}
            spec:
              containers: [{name: app, image: docker.io/library/nginx:latest, securityContext: {privileged: true}}]

            """
        let refused = try Self.apply(up, privileged, file: "bad.yaml")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(#"pods "bad" is forbidden: violates PodSecurity "restricted:latest": privileged (container "app" must not set securityContext.privileged=true)"#), "\(refused.stderr)")
        #expect(refused.stderr.contains(#"registries: container "app" image "docker.io/library/nginx:latest" is not from a registry tenant "payments" may use"#), "\(refused.stderr)")
        #expect(try up.json(["pod", "bad", "-n", "payments"]) == nil)

        // A compliant pod is mutated: the tenant's sandbox runtime and default requests and limits.
        let compliant = """
            apiVersion: v1
            kind: Pod
            metadata: {name: good, namespace: payments}
            spec:
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: app
                image: registry.example.com/payments/api@sha256:\(String(repeating: "0", count: 64))
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}

            """
        let created = try Self.apply(up, compliant, file: "good.yaml")
        #expect(created.status == 0, "\(created.stderr)")
        let pod = try up.json(["pod", "good", "-n", "payments"])
        let spec = pod?["spec"] as? [String: Any]
        #expect(spec?["runtimeClassName"] as? String == "gvisor")
        let container = (spec?["containers"] as? [[String: Any]])?.first
        let resources = container?["resources"] as? [String: Any]
        #expect((resources?["limits"] as? [String: Any])?["memory"] as? String == "512Mi")

        // An update is judged too: another runtime class is refused, the stored pod is unchanged.
        let patched = try up.kubectl(["patch", "pod", "good", "-n", "payments", "--type", "merge", "-p", #"{"spec":{"runtimeClassName":"runc"}}"#])
        #expect(patched.status == 1)
        #expect(patched.stderr.contains(#"runtimeClass: runtimeClassName "runc" is not allowed; it must be the tenant's sandbox runtime "gvisor""#), "\(patched.stderr)")
        #expect((try up.json(["pod", "good", "-n", "payments"])?["spec"] as? [String: Any])?["runtimeClassName"] as? String == "gvisor")

        // Server-side dry run is admitted (and refused) the same way.
        let dryRun = try up.kubectl(["run", "probe", "-n", "web", "--image=nginx", "--dry-run=server"])
        #expect(dryRun.status == 1)
        #expect(dryRun.stderr.contains("violates PodSecurity"), "\(dryRun.stderr)")

        // A namespace outside any tenant gets the default (baseline): hostNetwork is refused.
        #expect(try up.kubectl(["create", "namespace", "scratch"]).status == 0)
        let host = try Self.apply(up, """
            apiVersion: v1
            kind: Pod
            metadata: {name: host, namespace: scratch}
            spec: {hostNetwork: true, containers: [{name: app, image: nginx}]}

            """, file: "host.yaml")
        #expect(host.stderr.contains(#"violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)"#), "\(host.stderr)")
        #expect(try up.kubectl(["run", "plain", "-n", "scratch", "--image=nginx"]).status == 0)
    }

    @Test func operatorKeepsConvergingAcrossAnAPIServerRestart() throws {
        let serve = try ContainRun(["serve", "--data-dir", "$DIR", "--listen", "127.0.0.1:0"])
        let port = try #require(serve.port)
        let directory = serve.directory
        let operatorRun = try ContainRun(["operator", "--kubeconfig", serve.kubeconfig], directory: directory, waitForAPI: false)
        defer { operatorRun.stop() }
        #expect(try serve.kubectl(["apply", "-f", "examples/platform.yaml"]).status == 0)
        #expect(try ContainRun.eventually(20) { try Self.readyTenants(serve).isSuperset(of: Self.tenants) },
                "\(operatorRun.output.value)")

        // Restart the API server on the same port and data directory.
        serve.stop()
        let restarted = try ContainRun(["serve", "--data-dir", "$DIR", "--listen", "127.0.0.1:\(port)"], directory: directory)
        #expect(operatorRun.process.isRunning)

        let oldUID = try Self.uid(restarted, ["networkpolicy", "default-deny", "-n", "analytics"])
        #expect(oldUID != nil)
        #expect(try restarted.kubectl(["delete", "networkpolicy", "default-deny", "-n", "analytics"]).status == 0)
        #expect(try ContainRun.eventually(30) {
            let uid = try Self.uid(restarted, ["networkpolicy", "default-deny", "-n", "analytics"])
            return uid != nil && uid != oldUID
        }, "operator did not restore the policy after the restart: \(operatorRun.output.value)")
        #expect(try restarted.kubectl(["patch", "tenant", "payments", "--type", "merge", "-p", #"{"spec":{"quota":{"cpu":"12"}}}"#]).status == 0)
        #expect(try ContainRun.eventually(30) { try Self.quotaCPU(restarted, namespace: "payments") == "12" })
        #expect(operatorRun.process.isRunning, "the operator exited: \(operatorRun.output.value)")
        // Ctrl-C: the controller stops, the Lease is released, the process exits 0.
        #expect(operatorRun.interrupt() == 0, "\(operatorRun.output.value)")
        let lease = try restarted.json(["lease", "contain-operator", "-n", "kube-system"])
        #expect((lease?["spec"] as? [String: Any])?["holderIdentity"] as? String == "")
    }
}
