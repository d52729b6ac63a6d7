import ContainGitOps
import ContainModel
import Foundation
import Testing

@Suite("GitOps render")
struct RenderTests {
    @Test func everyClusterBuildsWithKubectlKustomize() throws {
        let input = try Support.exampleInput()
        let result = try GitOpsRenderer.render(input)
        let out = try Support.temporaryDirectory("kustomize")
        defer { try? FileManager.default.removeItem(at: out) }
        try TreeWriter.write(result.tree, to: out)
        #expect(input.clusters.count == 4)
        for cluster in input.clusters {
            let output = try Support.kustomize(out.appendingPathComponent("clusters/\(cluster.name)"), cache: out.appendingPathComponent(".cache"))
            #expect(output.status == 0, "kubectl kustomize clusters/\(cluster.name): \(output.stderr)")
            #expect(output.stdout.contains("name: infrastructure-configs"))
            #expect(output.stdout.contains("path: ./clusters/\(cluster.name)"))
        }
        // Every directory carries a kustomization.yaml, and each builds on its own (it is what
        // the layer Kustomizations point Flux at).
        let directories = Set(result.tree.paths.map { ($0 as NSString).deletingLastPathComponent })
        for directory in directories.sorted() {
            #expect(result.tree.files[directory + "/kustomization.yaml"] != nil, "\(directory) has no kustomization.yaml")
            guard directory != "clusters" else { continue }
            let output = try Support.kustomize(out.appendingPathComponent(directory), cache: out.appendingPathComponent(".cache"))
            #expect(output.status == 0, "kubectl kustomize \(directory): \(output.stderr)")
        }
    }

    @Test func twoRendersAreByteIdentical() throws {
        let first = try GitOpsRenderer.render(try Support.exampleInput())
        let second = try GitOpsRenderer.render(try Support.exampleInput())
        #expect(first.tree == second.tree)
        #expect(first.tree.files.count > 100)
        #expect(first.orders == second.orders)
    }

    @Test func changingOneTenantsQuotaChangesOnlyThatTenantsFiles() throws {
        var input = try Support.exampleInput()
        let before = try GitOpsRenderer.render(input).tree
        let index = try #require(input.tenants.firstIndex { $0.name == "payments" })
        input.tenants[index].spec.quota?.cpu = Quantity(48)
        let after = try GitOpsRenderer.render(input).tree
        let changed = Set(before.files.keys).union(after.files.keys).filter { before.files[$0] != after.files[$0] }.sorted()
        #expect(!changed.isEmpty)
        for path in changed {
            #expect(path.contains("/tenants/payments/"), "\(path) changed")
        }
        #expect(changed == ["clusters/dev/tenants/payments/tenant/tenant.yaml", "clusters/prod/tenants/payments/tenant/tenant.yaml",
                            "clusters/staging/tenants/payments/tenant/tenant.yaml"])
    }

    @Test func aSecretInTheInputIsAnErrorPointingAtExternalSecret() throws {
        let text = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: web}
            stringData: {password: hunter2}
            """
        let (input, diagnostics) = GitOpsInput.read([ManifestSource(path: "secret.yaml", text: text)])
        #expect(input == nil)
        let error = try #require(diagnostics.first { $0.message.contains("Secret") })
        #expect(error.file == "secret.yaml")
        #expect(error.line == 2)
        #expect(error.message.contains("ExternalSecret"))
        #expect(!error.description.contains("hunter2"))
    }

    @Test func layersOrderAcrossKindsAndExplainOrderShowsIt() throws {
        let result = try GitOpsRenderer.render(try Support.exampleInput())
        let layers = try #require(result.tree.text("clusters/prod/layers.yaml"))
        #expect(layers.contains("name: infrastructure-configs"))
        #expect(layers.contains("wait: true"))
        #expect(layers.contains("healthChecks:"))
        let prod = try #require(result.orders.first { $0.cluster == "prod" })
        let text = prod.text
        #expect(text.contains("Kustomization/flux-system/tenants  [wait: true]  after Kustomization/flux-system/flux-system, Kustomization/flux-system/policies, Kustomization/flux-system/infrastructure-addons"))
        #expect(text.contains("HelmRelease/flux-system/rook-ceph-cluster  [chart rook-ceph-cluster v1.18.11]  after HelmRelease/flux-system/rook-ceph, HelmRelease/flux-system/cilium"))
        #expect(text.contains("Kustomization/flux-system/tenant-risk-delivery  [applied]  after Kustomization/flux-system/tenant-risk"))
    }

    @Test func providerAndConditionsSelectComponents() throws {
        let result = try GitOpsRenderer.render(try Support.exampleInput())
        let eks = result.tree.paths.filter { $0.hasPrefix("clusters/prod-ledger/infrastructure/") }
        #expect(eks.contains("clusters/prod-ledger/infrastructure/aws-ebs-csi-driver.yaml"))
        #expect(!eks.contains("clusters/prod-ledger/infrastructure/rook-ceph.yaml"))
        #expect(!eks.contains("clusters/prod-ledger/infrastructure/metallb.yaml"))
        #expect(result.tree.files["clusters/prod/infrastructure/nvidia-gpu-operator.yaml"] != nil)
        #expect(result.tree.files["clusters/dev/infrastructure/nvidia-gpu-operator.yaml"] == nil)
        // opencost is switched off on dev.
        #expect(result.tree.files["clusters/dev/infrastructure/addons/opencost.yaml"] == nil)
        #expect(result.tree.files["clusters/staging/infrastructure/addons/opencost.yaml"] != nil)
        // The virtual cluster of partner-acme is a HelmRelease into its host namespace.
        let vcluster = try #require(result.tree.text("clusters/staging/tenants/partner-acme/delivery/vcluster.yaml"))
        #expect(vcluster.contains("targetNamespace: vc-partner-acme"))
        #expect(vcluster.contains("chart: vcluster"))
    }

    @Test func valuesAreDerivedFromTheClusterSpec() throws {
        let result = try GitOpsRenderer.render(try Support.exampleInput())
        let ingress = try #require(result.tree.text("clusters/prod/infrastructure/addons/ingress-nginx.yaml"))
        #expect(ingress.contains("whitelist-source-range: 203.0.113.0/24,198.51.100.0/24"))
        let velero = try #require(result.tree.text("clusters/prod/infrastructure/addons/velero.yaml"))
        #expect(velero.contains("bucket: platform-backups"))
        #expect(velero.contains("hourly:"))
        #expect(velero.contains("ttl: 72h"))
        let rook = try #require(result.tree.text("clusters/dev/infrastructure/rook-ceph.yaml"))
        #expect(rook.contains("size: 1"))
        #expect(rook.contains("failureDomain: host"))
        let rookProd = try #require(result.tree.text("clusters/prod/infrastructure/rook-ceph.yaml"))
        #expect(rookProd.contains("size: 3"))
        #expect(rookProd.contains("key: node-role.contain.dev/storage"))
    }

    @Test func tenantDeliveryRunsAsTheTenantsServiceAccount() throws {
        let result = try GitOpsRenderer.render(try Support.exampleInput())
        let delivery = try #require(result.tree.text("clusters/prod/tenants/web/delivery/web.yaml"))
        #expect(delivery.contains("serviceAccountName: gitops"))
        #expect(delivery.contains("targetNamespace: web"))
        #expect(delivery.contains("kind: ExternalSecret"))
        #expect(!delivery.contains("kind: Secret\n"))
        // web-preview is only on dev and staging.
        #expect(result.tree.files["clusters/prod/tenants/web/delivery/web-preview.yaml"] == nil)
        #expect(result.tree.files["clusters/dev/tenants/web/delivery/web-preview.yaml"] != nil)
        // Nothing in the tree is a Secret.
        for path in result.tree.paths { #expect(!(result.tree.text(path) ?? "").contains("\nkind: Secret\n"), "\(path)") }
    }

    @Test func unknownAndInapplicableComponentsAreErrors() throws {
        var input = try Support.exampleInput()
        let dev = try #require(input.clusters.firstIndex { $0.name == "dev" })
        input.clusters[dev].spec.components?.append(ComponentSelection(name: "cert-manger"))
        #expect(throws: RenderError.self) { try GitOpsRenderer.render(input) }
        do { _ = try GitOpsRenderer.render(input) } catch let error as RenderError {
            #expect(error.message.contains("did you mean cert-manager?"))
        }
        var eks = try Support.exampleInput()
        let ledger = try #require(eks.clusters.firstIndex { $0.name == "prod-ledger" })
        eks.clusters[ledger].spec.components = [ComponentSelection(name: "rook-ceph")]
        do { _ = try GitOpsRenderer.render(eks); Issue.record("rook-ceph on eks rendered") } catch let error as RenderError {
            #expect(error.message.contains("rook-ceph runs on providers talos, local"))
        }
    }
}
