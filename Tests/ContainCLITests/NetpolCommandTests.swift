import ContainModel
import Foundation
import Testing

/// A small shop: `shop/web` (a Deployment declaring `http` = 8080), `shop/db` (a Pod), and
/// `tools/scanner` (a Pod). `shop` denies all ingress by default; the database admits the web
/// tier on 5432; the web tier admits every namespace on its named port `http`. No egress policy.
enum ShopFixture {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: tools, labels: {team: tools}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: registry.example.com/web:1
                ports: [{name: http, containerPort: 8080}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        spec:
          containers:
          - name: postgres
            image: registry.example.com/postgres:16
            ports: [{name: pg, containerPort: 5432}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: scanner, namespace: tools, labels: {app: scanner}}
        spec:
          containers:
          - {name: scanner, image: registry.example.com/scanner:1}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: 5432}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-anywhere, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{namespaceSelector: {}}]
            ports: [{port: http}]

        """

    /// Writes `text` as `name` in a fresh temporary directory and returns the file's path.
    static func write(_ text: String = manifests, name: String = "shop.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contain-netpol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

@Suite("contain netpol (end to end)")
struct NetpolCommandTests {
    /// The rows of one grid of the table output: source name → cells.
    func grid(_ output: String, side: String) throws -> [String: [String]] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("\(side) ") })
        var rows: [String: [String]] = [:]
        for line in lines[(start + 2)...] {
            if line.hasPrefix("allowed:") { break }
            let fields = line.split(separator: " ").map(String.init)
            rows[fields[1]] = Array(fields.dropFirst(2))
        }
        return rows
    }

    @Test func matrixTableShowsIngressEgressAndCombined() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "matrix", "--port", "5432/TCP", file])
        #expect(result.status == 0, "\(result.stderr)")
        // Rows and columns sorted: shop/db, shop/web, tools/scanner.
        let ingress = try grid(result.stdout, side: "ingress")
        #expect(ingress["shop/db"] == [".", ".", "X"])
        #expect(ingress["shop/web"] == ["X", ".", "X"])
        #expect(ingress["tools/scanner"] == [".", ".", "X"])
        let egress = try grid(result.stdout, side: "egress")
        #expect(egress["tools/scanner"] == ["X", "X", "X"])
        let combined = try grid(result.stdout, side: "combined")
        // A pod always reaches itself; web reaches db on 5432; the scanner reaches only itself.
        #expect(combined["shop/db"] == ["X", ".", "X"])
        #expect(combined["shop/web"] == ["X", "X", "X"])
        #expect(combined["tools/scanner"] == [".", ".", "X"])
        #expect(result.stdout.contains("combined 5432/TCP"))
        #expect(result.stdout.contains("allowed: 6 of 9 pod pairs"))
    }

    @Test func matrixJSONByNamespaceCountsPodPairs() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "matrix", "--port", "5432", "--by", "namespace", "--output", "json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONReader.value(result.stdout)
        #expect(value["port"]?.integerValue == 5432)
        #expect(value["protocol"]?.stringValue == "TCP")
        #expect(value["by"]?.stringValue == "namespace")
        #expect(value["names"] == ["shop", "tools"])
        #expect(value["sizes"] == [2, 1])
        // shop → shop: db→db and web→web (self) and web→db: 3 of 4; tools → shop: none.
        #expect(value["combined"] == [[3, 2], [0, 1]])
        #expect(value["ingress"] == [[1, 2], [0, 1]])
        #expect(value["egress"] == [[4, 2], [2, 1]])
        #expect(value["allowedPairs"]?["combined"]?.integerValue == 6)
    }

    @Test func matrixJSONByPodIsBooleans() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "matrix", "--port", "8080/TCP", "-o", "json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONReader.value(result.stdout)
        #expect(value["names"] == ["shop/db", "shop/web", "tools/scanner"])
        // On 8080 (web's named port `http`) every pod reaches web; nothing reaches db but itself.
        #expect(value["combined"] == [[true, true, true], [false, true, true], [false, true, true]])
    }

    @Test func matrixDotDrawsAllowedAndOneSidedEdges() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "matrix", "--port", "8080/TCP", "--output", "dot", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("digraph reachability {"))
        #expect(result.stdout.contains("subgraph cluster_0 {\n    label=\"shop\";"))
        #expect(result.stdout.contains("  \"tools/scanner\" -> \"shop/web\";\n"))
        #expect(result.stdout.contains("  \"shop/web\" -> \"shop/db\" [style=dashed, color=gray, label=\"egress only\"];\n"))
        #expect(result.stdout.contains("  \"tools/scanner\" -> \"shop/db\" [style=dashed, color=gray, label=\"egress only\"];\n"))
        #expect(!result.stdout.contains("\"shop/web\" -> \"shop/web\""))
    }

    @Test func explainAllowedNamesTheRule() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "explain", "--from", "shop/web", "--to", "shop/db", "--port", "5432/TCP", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("shop/web -> shop/db 5432/TCP: ALLOWED\n"))
        #expect(result.stdout.contains("egress of shop/web: not isolated"))
        #expect(result.stdout.contains("ingress of shop/db: isolated by shop/db-from-web, shop/default-deny; allowed by shop/db-from-web ingress[0]"))
    }

    @Test func explainDeniedExitsZeroAndSaysWhy() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "explain", "--from", "tools/scanner", "--to", "shop/db", "--port", "5432/TCP", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("tools/scanner -> shop/db 5432/TCP: DENIED\n"))
        #expect(result.stdout.contains("ingress of shop/db: isolated by shop/db-from-web, shop/default-deny; no rule allows it"))
    }

    @Test func explainJSONHasBooleanVerdict() throws {
        let file = try ShopFixture.write()
        let denied = try ContainProcess.run(["netpol", "explain", "--from", "tools/scanner", "--to", "shop/web", "--port", "9090", "-o", "json", file])
        #expect(denied.status == 0, "\(denied.stderr)")
        let no = try JSONReader.value(denied.stdout)
        #expect(no["allowed"] == .bool(false))
        #expect(no["ingress"]?["policies"] == ["shop/default-deny", "shop/web-from-anywhere"])
        #expect(no["ingress"]?["allowingRules"] == [])
        // The named port `http` resolves to 8080 on web: allowed there, by the named-port rule.
        let allowed = try ContainProcess.run(["netpol", "explain", "--from", "tools/scanner", "--to", "shop/web", "--port", "8080/TCP", "--output", "json", file])
        let yes = try JSONReader.value(allowed.stdout)
        #expect(yes["allowed"] == .bool(true))
        #expect(yes["from"]?.stringValue == "tools/scanner")
        #expect(yes["to"]?.stringValue == "shop/web")
        #expect(yes["ingress"]?["allowingRules"] == ["shop/web-from-anywhere ingress[0]"])
        #expect(yes["egress"]?["isolated"] == .bool(false))
    }

    @Test func explainToAnExternalAddress() throws {
        let file = try ShopFixture.write()
        let result = try ContainProcess.run(["netpol", "explain", "--from", "shop/db", "--to", "203.0.113.7", "--port", "443", "-o", "json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONReader.value(result.stdout)
        #expect(value["allowed"] == .bool(true))
        #expect(value["ingress"] == .null)
    }

    @Test func inputErrorsExitTwoWithFileAndLine() throws {
        let broken = ShopFixture.manifests.replacingOccurrences(
            of: "podSelector: {matchLabels: {app: db}}", with: "podSelector: {matchLabels: {app: db}, matchExpresions: []}")
        let file = try ShopFixture.write(broken)
        let result = try ContainProcess.run(["netpol", "matrix", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):49:"))
        #expect(result.stderr.contains("matchExpresions"))
        #expect(result.stdout.isEmpty)
    }

    @Test func invalidSelectorIsReportedAtItsField() throws {
        let broken = ShopFixture.manifests.replacingOccurrences(
            of: "from: [{podSelector: {matchLabels: {app: web}}}]",
            with: "from: [{podSelector: {matchExpressions: [{key: app, operator: In}]}}]")
        let file = try ShopFixture.write(broken)
        let result = try ContainProcess.run(["netpol", "matrix", file])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(file):51:"), "\(result.stderr)")
        #expect(result.stderr.contains("spec.ingress[0].from[0].podSelector: invalid selector"))
    }

    @Test func unknownPodsAndBadPortsAreErrors() throws {
        let file = try ShopFixture.write()
        let unknown = try ContainProcess.run(["netpol", "explain", "--from", "shop/nope", "--to", "shop/db", file])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown pod shop/nope\n")
        let port = try ContainProcess.run(["netpol", "matrix", "--port", "80/ICMP", file])
        #expect(port.status == 2)
        #expect(port.stderr.contains("invalid port \"80/ICMP\""))
        let addresses = try ContainProcess.run(["netpol", "explain", "--from", "10.0.0.1", "--to", "10.0.0.2", file])
        #expect(addresses.status == 2)
        #expect(addresses.stderr.contains("at least one must be a pod"))
    }

    @Test func platformSpecExpandsOnOneCluster() throws {
        let result = try ContainProcess.run(
            ["netpol", "matrix", "--cluster", "dev", "--by", "namespace", "--port", "8080", "-o", "json", "examples/platform.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONReader.value(result.stdout)
        #expect(value["names"] == ["ingress-nginx", "kube-system", "payments", "web", "web-preview"])
        // Three ingress controllers (external, external-secured, internal), the DNS pod, a probe per namespace.
        #expect(value["sizes"] == [3, 1, 1, 1, 1])
        // payments admits only the external-secured controller and itself (web's egress to it is
        // declared by payments' allowFrom); web and web-preview admit each other (same tenant).
        #expect(value["combined"] == [[9, 3, 1, 2, 2], [3, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 1]])
        let unknown = try ContainProcess.run(["netpol", "matrix", "--cluster", "qa", "examples/platform.yaml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no Cluster named \"qa\" in the input\n")
    }

    @Test func whatIfWorkloadsAddPods() throws {
        let file = try ShopFixture.write()
        let whatIf = try ShopFixture.write("pods:\n- {namespace: shop, name: canary, labels: {app: web}, ports: [{name: http, port: 9000}]}\n", name: "what-if.yaml")
        let result = try ContainProcess.run(["netpol", "explain", "--from", "tools/scanner", "--to", "shop/canary", "--port", "9000", "--workloads", whatIf, "-o", "json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let value = try JSONReader.value(result.stdout)
        #expect(value["allowed"] == .bool(true))
        #expect(value["ingress"]?["allowingRules"] == ["shop/web-from-anywhere ingress[0]"])
    }
}
