import Foundation
import Synchronization
import Testing

/// A running `contain serve` on a free loopback port with a fresh data directory, and the real
/// `kubectl` pointed at it through the kubeconfig the server writes.
final class ServedAPI {
    let directory: URL
    let process: Process

    /// The store the end-to-end tests run on: `CONTAIN_TEST_STORE` (`sqlite`, `postgres`), else `sqlite`.
    static let storeUnderTest = ProcessInfo.processInfo.environment["CONTAIN_TEST_STORE"] ?? "sqlite"

    /// Starts the built `contain serve` and waits until `/readyz` answers (polling, not sleeping blindly).
    /// With `directory`, serves an existing data directory (a restart).
    init(store: String = ServedAPI.storeUnderTest, directory existing: URL? = nil, extraArguments: [String] = []) throws {
        directory = existing ?? FileManager.default.temporaryDirectory.appendingPathComponent("contain-kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("kubeconfig"))
        process = Process()
        process.executableURL = ContainProcess.executable
        process.arguments = ["serve", "--data-dir", directory.path, "--listen", "127.0.0.1:0", "--store", store] + extraArguments
        if store == "postgres" {
            guard let url = ProcessInfo.processInfo.environment["CONTAIN_TEST_POSTGRES_URL"] else {
                throw ServeError(message: "CONTAIN_TEST_POSTGRES_URL is not set: start a server with scripts/postgres-test-server.sh start")
            }
            // A schema of its own per run, so runs never see each other's objects.
            let schema = "contain_e2e_\(UUID().uuidString.prefix(8).lowercased())"
            process.arguments? += ["--postgres-url", url, "--postgres-schema", schema]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: kubeconfig),
                let ready = try? kubectl(["get", "--raw", "/readyz"]), ready.status == 0
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw ServeError(message: "contain serve did not become ready within 30 s")
    }

    struct ServeError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Stops the server and waits for it to exit, keeping the data directory.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
        if keepDirectory.withLock({ !$0 }) { try? FileManager.default.removeItem(at: directory) }
    }

    /// Set when another server takes the directory over.
    let keepDirectory = Mutex(false)

    var kubeconfig: String { directory.appendingPathComponent("kubeconfig").path }

    /// The kubectl invocation prefix: this server, a fresh discovery cache.
    var kubectlArguments: [String] {
        ["kubectl", "--kubeconfig", kubeconfig, "--cache-dir", directory.appendingPathComponent("cache").path]
    }

    /// Runs kubectl to completion.
    func kubectl(_ arguments: [String], stdin: String? = nil) throws -> ContainProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = kubectlArguments + arguments
        process.currentDirectoryURL = ContainProcess.repositoryRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ContainProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                     stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes a manifest into the data directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Polls `check` until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = 10, _ check: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try check() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}

/// Collects a background process's output as it arrives.
final class OutputCollector: Sendable {
    private let text = Mutex("")

    func append(_ data: Data) {
        text.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }

    var value: String { text.withLock { $0 } }
}

@Suite("kubectl against contain serve (end to end)", .serialized)
struct KubectlTests {
    static let platform = "examples/platform.yaml"

    @Test func apiResourcesListsContainAndCoreKinds() throws {
        let api = try ServedAPI()
        let result = try api.kubectl(["api-resources"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.contains(["tenants", "tnt", "platform.contain.dev/v1alpha1", "false", "Tenant"]))
        #expect(lines.contains(["clusters", "cl", "platform.contain.dev/v1alpha1", "false", "Cluster"]))
        #expect(lines.contains(["namespaces", "ns", "v1", "false", "Namespace"]))
        #expect(lines.contains(["rolebindings", "rbac.authorization.k8s.io/v1", "true", "RoleBinding"]))
        let version = try api.kubectl(["version"])
        #expect(version.stdout.contains("Server Version: v1.32.0"))
        #expect(!version.stderr.contains("WARNING"))
    }

    @Test func explainReadsTheGeneratedSchemas() throws {
        let api = try ServedAPI()
        let result = try api.kubectl(["explain", "tenant.spec"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("KIND:       Tenant"))
        #expect(result.stdout.contains("FIELD: spec <TenantSpec>"))
        #expect(result.stdout.contains("clusters\t<[]string> -required-"))
    }

    @Test func applyTwiceCreatesThenReportsUnchanged() throws {
        let api = try ServedAPI()
        let first = try api.kubectl(["apply", "-f", Self.platform])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").filter { $0.hasSuffix(" created") }.count == 12)
        let second = try api.kubectl(["apply", "-f", Self.platform])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.split(separator: "\n").filter { $0.hasSuffix(" unchanged") }.count == 12)

        let yaml = try api.kubectl(["get", "tenants", "-o", "yaml"])
        #expect(yaml.stdout.contains("kind: List") || yaml.stdout.contains("kind: TenantList"))
        #expect(yaml.stdout.contains("name: payments"))
        let table = try api.kubectl(["get", "tenants"])
        #expect(table.stdout.hasPrefix("NAME"))
        #expect(table.stdout.contains("RUNTIME"))
        #expect(table.stdout.contains("gvisor"))
        let clusters = try api.kubectl(["get", "cl", "-l", "platform.contain.dev/environment=prod", "-o", "name"])
        #expect(clusters.stdout.split(separator: "\n").sorted() == ["cluster.platform.contain.dev/prod", "cluster.platform.contain.dev/prod-ledger"])
        let notIn = try api.kubectl(["get", "clusters", "-l", "platform.contain.dev/environment notin (prod,dev)", "-o", "name"])
        #expect(notIn.stdout.contains("cluster.platform.contain.dev/staging"))
        #expect(!notIn.stdout.contains("/dev\n"))
        let byName = try api.kubectl(["get", "tenants", "--field-selector", "metadata.name=web", "-o", "name"])
        #expect(byName.stdout == "tenant.platform.contain.dev/web\n")
        let chunked = try api.kubectl(["get", "tenants", "--chunk-size=2", "-o", "name"])
        #expect(chunked.stdout.split(separator: "\n").count == 7)
        let missing = try api.kubectl(["get", "tenant", "nosuch"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(#"Error from server (NotFound): tenants.platform.contain.dev "nosuch" not found"#))
    }

    static let namespaceManifest = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: team
        data:
          a: b
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: viewers
          namespace: team
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-viewers}

        """

    /// The same API on the second backend: apply, re-apply and read back through PostgreSQL.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONTAIN_SKIP_POSTGRES"] != "1"))
    func applyOnPostgres() throws {
        let api = try ServedAPI(store: "postgres")
        let first = try api.kubectl(["apply", "-f", Self.platform])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").filter { $0.hasSuffix(" created") }.count == 12)
        let second = try api.kubectl(["apply", "-f", Self.platform])
        #expect(second.stdout.split(separator: "\n").filter { $0.hasSuffix(" unchanged") }.count == 12)
        let names = try api.kubectl(["get", "tenants", "-o", "name"])
        #expect(names.stdout.split(separator: "\n").count == 7)
    }

    @Test func namespacedListsAndCascadeDelete() throws {
        let api = try ServedAPI()
        let applied = try api.kubectl(["apply", "-f", try api.file("team.yaml", Self.namespaceManifest)])
        #expect(applied.status == 0, "\(applied.stderr)")
        let namespaces = try api.kubectl(["get", "namespaces", "-A"])
        #expect(namespaces.stdout.contains("team"))
        #expect(namespaces.stdout.contains("default"))
        let bindings = try api.kubectl(["get", "rolebindings", "-A"])
        #expect(bindings.stdout.hasPrefix("NAMESPACE"))
        #expect(bindings.stdout.contains("team") && bindings.stdout.contains("viewers"))
        let deleted = try api.kubectl(["delete", "namespace", "team", "--timeout=20s"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains(#"namespace "team" deleted"#))
        let gone = try api.kubectl(["get", "configmaps", "-n", "team", "settings"])
        #expect(gone.status == 1)
        #expect(try api.kubectl(["get", "rolebindings", "-A", "-o", "name"]).stdout.isEmpty)
    }

    @Test func replaceWithStaleResourceVersionConflicts() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", Self.platform]).status == 0)
        let stale = try api.kubectl(["get", "tenant", "web", "-o", "yaml"]).stdout
        let path = try api.file("stale.yaml", stale)
        #expect(try api.kubectl(["patch", "tenant", "web", "--type", "merge", "-p", #"{"spec":{"displayName":"changed"}}"#]).status == 0)
        let replaced = try api.kubectl(["replace", "-f", path])
        #expect(replaced.status == 1)
        #expect(replaced.stderr.contains("Error from server (Conflict)"))
        #expect(replaced.stderr.contains("the object has been modified"))
    }

    @Test func mergeAndJSONPatches() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", Self.platform]).status == 0)
        let merge = try api.kubectl(["patch", "tenant", "web", "--type", "merge", "-p", #"{"metadata":{"labels":{"tier":"gold"}}}"#])
        #expect(merge.stdout == "tenant.platform.contain.dev/web patched\n")
        let json = try api.kubectl(["patch", "tenant", "web", "--type", "json", "-p", #"[{"op":"replace","path":"/spec/displayName","value":"Shop"}]"#])
        #expect(json.status == 0, "\(json.stderr)")
        let read = try api.kubectl(["get", "tenant", "web", "-o", "jsonpath={.metadata.labels.tier}/{.spec.displayName}/{.metadata.generation}"])
        #expect(read.stdout == "gold/Shop/2")
        let status = try api.kubectl(["patch", "tenant", "web", "--subresource=status", "--type=merge", "-p", #"{"status":{"observedGeneration":2}}"#])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try api.kubectl(["get", "tenant", "web", "-o", "jsonpath={.status.observedGeneration}"]).stdout == "2")
        let badTest = try api.kubectl(["patch", "tenant", "web", "--type", "json", "-p", #"[{"op":"test","path":"/spec/displayName","value":"no"}]"#])
        #expect(badTest.status == 1)
    }

    @Test func deleteWaitsForFinalizers() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", Self.platform]).status == 0)
        #expect(try api.kubectl(["patch", "tenant", "web", "--type", "merge", "-p", #"{"metadata":{"finalizers":["contain.dev/cleanup"]}}"#]).status == 0)
        let deleted = try api.kubectl(["delete", "tenant", "web", "--wait=false"])
        #expect(deleted.stdout.contains(#"tenant.platform.contain.dev "web" deleted"#))
        let still = try api.kubectl(["get", "tenant", "web", "-o", "jsonpath={.metadata.deletionTimestamp}"])
        #expect(still.status == 0)
        #expect(!still.stdout.isEmpty)
        let added = try api.kubectl(["patch", "tenant", "web", "--type", "merge", "-p", #"{"metadata":{"finalizers":["contain.dev/cleanup","x/y"]}}"#])
        #expect(added.status == 1)
        #expect(added.stderr.contains("is invalid: metadata.finalizers: Forbidden"))
        #expect(try api.kubectl(["patch", "tenant", "web", "--type", "json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#]).status == 0)
        #expect(try api.kubectl(["get", "tenant", "web"]).status == 1)
    }

    @Test
    func objectsSurviveARestart() throws {
        let first = try ServedAPI()
        #expect(try first.kubectl(["apply", "-f", Self.platform]).status == 0)
        let before = try first.kubectl(["get", "tenant", "web", "-o", "jsonpath={.metadata.uid}/{.metadata.resourceVersion}"]).stdout
        first.keepDirectory.withLock { $0 = true }
        first.stop()
        let second = try ServedAPI(directory: first.directory)
        let after = try second.kubectl(["get", "tenant", "web", "-o", "jsonpath={.metadata.uid}/{.metadata.resourceVersion}"]).stdout
        #expect(!before.isEmpty)
        #expect(after == before)
        let again = try second.kubectl(["apply", "-f", Self.platform])
        #expect(again.stdout.split(separator: "\n").filter { $0.hasSuffix(" unchanged") }.count == 12)
    }

    @Test func watchReceivesChanges() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", Self.platform]).status == 0)
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        watcher.arguments = api.kubectlArguments + ["get", "tenants", "-w", "-o", "name"]
        let out = Pipe()
        let collected = OutputCollector()
        out.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        watcher.standardOutput = out
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        defer {
            watcher.terminate()
            out.fileHandleForReading.readabilityHandler = nil
        }
        #expect(ServedAPI.eventually { collected.value.contains("tenant.platform.contain.dev/web") })
        let before = collected.value.components(separatedBy: "tenant.platform.contain.dev/risk").count
        #expect(try api.kubectl(["patch", "tenant", "risk", "--type", "merge", "-p", #"{"metadata":{"labels":{"seen":"yes"}}}"#]).status == 0)
        #expect(ServedAPI.eventually { collected.value.components(separatedBy: "tenant.platform.contain.dev/risk").count > before })
    }
}
