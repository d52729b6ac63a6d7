import ContainModel
import Testing
import ContainNetwork

@Suite("Network model inputs")
struct ModelInputTests {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {team: shop}
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
                  image: nginx
                  ports: [{name: http, containerPort: 8080}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report}}
                spec:
                  restartPolicy: Never
                  containers: [{name: report, image: busybox}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: tools, labels: {app: debug}}
        spec:
          containers: [{name: sh, image: busybox}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-from-report, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: report}}}]
              ports: [{port: http}]
        """

    @Test("manifests give one pod per workload, named after it, with template labels and ports")
    func fromManifests() throws {
        let loaded = ManifestLoader().load(Self.manifests, file: "test.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let model = NetworkModel(manifests: loaded.manifests)
        #expect(model.pods.map(\.ref.description).sorted() == ["shop/report", "shop/web", "tools/debug"])
        let web = try #require(model.pods.first { $0.ref.name == "web" })
        #expect(web.labels == ["app": "web"])
        #expect(web.ports == [NetworkPodPort(name: "http", port: 8080)])
        #expect(model.policies.count == 1)
        #expect(model.namespaces["shop"]?.labels == ["team": "shop", "kubernetes.io/metadata.name": "shop"])
        #expect(model.allNamespaces.map(\.name) == ["shop", "tools"])

        let engine = try ReachabilityEngine(manifests: loaded.manifests)
        #expect(try engine.verdict(from: ref("shop/report"), to: ref("shop/web"), port: 8080, protocol: .tcp).allowed)
        #expect(try !engine.verdict(from: ref("shop/report"), to: ref("shop/web"), port: 9090, protocol: .tcp).allowed)
        #expect(try !engine.verdict(from: ref("tools/debug"), to: ref("shop/web"), port: 8080, protocol: .tcp).allowed)
        #expect(try engine.verdict(from: ref("shop/web"), to: ref("tools/debug"), port: 22, protocol: .tcp).allowed)
    }

    static let workloads = """
        namespaces:
          shop: {labels: {team: shop}}
          db: {}
        pods:
          - {namespace: shop, name: web, labels: {app: web}, ports: [{name: http, port: 8080}]}
          - namespace: db
            name: postgres
            labels: {app: postgres}
            ports: [{name: pg, port: 5432, protocol: TCP}, {name: stats, port: 9187, protocol: UDP}]
          - {name: loose}
        """

    @Test("the what-if workloads form decodes, defaults and feeds the engine")
    func workloadsForm() throws {
        let form = try NetworkWorkloads(yaml: Self.workloads)
        #expect(form.networkNamespaces.map(\.name) == ["db", "shop"])
        let pods = form.networkPods
        #expect(pods.map(\.ref.description) == ["shop/web", "db/postgres", "default/loose"])
        #expect(pods[1].ports[1] == NetworkPodPort(name: "stats", port: 9187, protocol: .udp))
        #expect(pods[0].ports[0].effectiveProtocol == .tcp)

        let lockdown = policy("db", "pg-from-shop", selecting: .app("postgres"),
            ingress: [allowFrom([namespaces(.team("shop"))], ports: [tcp("pg")])])
        let engine = try ReachabilityEngine(model: NetworkModel(workloads: form, policies: [lockdown]))
        #expect(try engine.verdict(from: ref("shop/web"), to: ref("db/postgres"), port: 5432, protocol: .tcp).allowed)
        #expect(try !engine.verdict(from: ref("default/loose"), to: ref("db/postgres"), port: 5432, protocol: .tcp).allowed)
        #expect(try !engine.verdict(from: ref("shop/web"), to: ref("db/postgres"), port: 9187, protocol: .udp).allowed)
    }

    @Test("the what-if form is decoded strictly")
    func strictDecoding() {
        #expect(throws: NetworkInputError.self) {
            try NetworkWorkloads(yaml: "pods: [{name: a, lables: {x: y}}]")
        }
        #expect(throws: NetworkInputError.self) {
            try NetworkWorkloads(yaml: "pods: [{name: a, ports: [{port: http}]}]")
        }
        #expect(throws: NetworkInputError.self) {
            try NetworkWorkloads(yaml: "pods: [{namespace: a}]")
        }
        #expect(throws: NetworkInputError.documentCount(2)) {
            try NetworkWorkloads(yaml: "pods: []\n---\npods: []\n")
        }
    }

    @Test("duplicate pods keep the first; policies without a namespace go to default")
    func modelBookkeeping() {
        var model = NetworkModel(pods: [
            NetworkPod(namespace: "a", name: "x", labels: ["v": "1"]),
            NetworkPod(namespace: "a", name: "x", labels: ["v": "2"]),
        ])
        model.add(NetworkPolicy(metadata: ObjectMeta(name: "p")))
        #expect(model.pods.count == 1)
        #expect(model.pods.first?.labels == ["v": "1"])
        #expect(model.policies.first?.metadata.namespace == "default")
        #expect(model.allNamespaces.map(\.name) == ["a", "default"])
        #expect(NetworkNamespace(name: "q", labels: ["kubernetes.io/metadata.name": "z"]).labels["kubernetes.io/metadata.name"] == "q")
    }
}
