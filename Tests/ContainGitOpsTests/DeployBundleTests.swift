import ContainGitOps
import ContainModel
import ContainPolicy
import Foundation
import Testing

@Suite("CRDs and the deploy bundle")
struct DeployBundleTests {
    @Test func committedDeployDirectoryIsTheGeneratedBundle() throws {
        let tree = ContainDeployBundle().tree(directory: "deploy")
        for path in tree.paths {
            let committed = try String(contentsOf: Support.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
            #expect(committed == tree.text(path), "\(path) differs from the generated bundle; run `contain crds --deploy deploy`")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Support.repositoryRoot.appendingPathComponent("deploy").path)
        #expect(Set(onDisk.map { "deploy/" + $0 }) == Set(tree.paths))
        #expect(tree.text("deploy/crds.yaml") == CRDGenerator.yaml())
    }

    @Test func deployBuildsWithKubectlKustomize() throws {
        let cache = try Support.temporaryDirectory("cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let output = try Support.kustomize(Support.repositoryRoot.appendingPathComponent("deploy"), cache: cache)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("kind: MutatingWebhookConfiguration"))
        #expect(output.stdout.contains("kind: CustomResourceDefinition"))
    }

    @Test func containDeploymentsMeetPodSecurityRestricted() throws {
        var deployments = 0
        for (_, objects) in ContainDeployBundle().files() {
            for object in objects where object["kind"]?.stringValue == "Deployment" {
                let deployment = try ValueDecoder().decode(Deployment.self, from: object)
                let result = PodSecurityEvaluator.evaluate(carrier: deployment, policy: PodSecurityPolicy(level: .restricted))
                #expect(result.allowed, "\(deployment.name): \(result.violations)")
                deployments += 1
            }
        }
        #expect(deployments == 2)
    }

    @Test func crdsAreStructuralWithPrinterColumnsAndStatus() throws {
        let crds = CRDGenerator.definitions()
        #expect(crds.count == 3)
        for crd in crds {
            let version = try #require(crd["spec"]?["versions"]?.arrayValue?.first)
            let schema = try #require(version["schema"]?["openAPIV3Schema"])
            #expect(schema["properties"]?["metadata"] == ["type": "object"])
            var problems: [String] = []
            Self.checkStructural(schema, path: "", problems: &problems)
            #expect(problems.isEmpty, "\(crd["metadata"]?["name"]?.stringValue ?? ""): \(problems.prefix(5))")
            #expect(version["subresources"]?["status"] != nil)
            let columns = version["additionalPrinterColumns"]?.arrayValue ?? []
            #expect(columns.contains { $0["name"] == "Ready" })
        }
        let tenant = try #require(crds.first { $0["spec"]?["names"]?["kind"] == "Tenant" })
        let columns = tenant["spec"]?["versions"]?.arrayValue?.first?["additionalPrinterColumns"]?.arrayValue ?? []
        #expect(columns.contains { $0["name"] == "Tier" && $0["jsonPath"] == ".spec.isolation.tier" })
        // Validation reaches the CRD: enums and required fields.
        let spec = tenant["spec"]?["versions"]?.arrayValue?.first?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"]
        #expect(spec?["required"]?.arrayValue?.contains("owners") == true)
        #expect(spec?["properties"]?["isolation"]?["properties"]?["tier"]?["enum"]?.arrayValue?.contains("virtualCluster") == true)
    }

    /// Kubernetes' structural schema rules that a generator can break: every node typed (or
    /// int-or-string / preserve-unknown-fields), no `$ref`, no `properties` with
    /// `additionalProperties`, no types inside `anyOf` except the int-or-string pattern.
    static func checkStructural(_ schema: JSONValue, path: String, problems: inout [String]) {
        guard case .object(let node) = schema else { return }
        if node["$ref"] != nil { problems.append("\(path): $ref") }
        let intOrString = node["x-kubernetes-int-or-string"] == true
        let preserve = node["x-kubernetes-preserve-unknown-fields"] == true
        if node["type"] == nil && !intOrString && !preserve { problems.append("\(path): no type") }
        if node["properties"] != nil && node["additionalProperties"] != nil { problems.append("\(path): properties and additionalProperties") }
        if node["x-kubernetes-group-version-kind"] != nil { problems.append("\(path): group-version-kind") }
        if let anyOf = node["anyOf"]?.arrayValue, !intOrString {
            for item in anyOf where item["type"] != nil || item["description"] != nil { problems.append("\(path).anyOf: typed") }
        }
        for (name, property) in node["properties"]?.objectValue ?? JSONObject() {
            checkStructural(property, path: path + "." + name, problems: &problems)
        }
        if let items = node["items"] { checkStructural(items, path: path + "[]", problems: &problems) }
        if let additional = node["additionalProperties"], case .object = additional {
            checkStructural(additional, path: path + "{}", problems: &problems)
        }
    }
}
