import ContainGitOps
import ContainModel
import Testing

@Suite("Component catalog")
struct CatalogTests {
    @Test func theBuiltInCatalogReadsStrictly() throws {
        let catalog = try ComponentCatalog(yaml: ComponentCatalog.standardYAML)
        let names = catalog.components.map(\.name)
        for required in ["flux", "cert-manager", "external-secrets", "ingress-nginx", "external-dns", "cilium", "metrics-server",
                         "velero", "kube-prometheus-stack", "loki", "opentelemetry-collector", "opencost", "rook-ceph",
                         "aws-ebs-csi-driver", "metallb", "gvisor", "kata-containers", "vcluster", "contain"] {
            #expect(names.contains(required), "catalog lacks \(required)")
        }
        #expect(ComponentCatalog.standard.components.count == catalog.components.count)
    }

    @Test func everyChartIsPinnedToAnExactVersionFromARealRepository() throws {
        for component in ComponentCatalog.standard.components {
            for release in component.releases ?? [] {
                #expect(component.repository != nil, "\(component.name) has releases but no repository")
                let version = release.version.hasPrefix("v") ? String(release.version.dropFirst()) : release.version
                let parts = version.split(separator: ".")
                #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(component.name)/\(release.name): \(release.version) is not an exact version")
            }
            if let url = component.repository?.url {
                #expect(url.hasPrefix("https://") || url.hasPrefix("oci://"), "\(component.name): \(url)")
            }
        }
    }

    @Test func anUnknownFieldIsAnError() {
        let yaml = """
            components:
            - name: x
              description: y
              layer: infrastructure
              chartz: nope
            """
        #expect(throws: RenderError.self) { try ComponentCatalog(yaml: yaml) }
    }
}
