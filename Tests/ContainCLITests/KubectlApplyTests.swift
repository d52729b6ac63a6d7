import Foundation
import Testing

@Suite("kubectl server-side apply, strategic merge and garbage collection (end to end)", .serialized)
struct KubectlApplyTests {
    static let webDisplayName = """
        apiVersion: platform.contain.dev/v1alpha1
        kind: Tenant
        metadata:
          name: web
        spec:
          displayName: Storefront (platform team)

        """

    @Test func serverSideApplyConflictsWithTheClientSideApplierUntilForced() throws {
        let api = try ServedAPI()
        #expect(try api.kubectl(["apply", "-f", KubectlTests.platform]).status == 0)
        let path = try api.file("web.yaml", Self.webDisplayName)
        let refused = try api.kubectl(["apply", "--server-side", "--field-manager=platform-team", "-f", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(
            #"Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using platform.contain.dev/v1alpha1: .spec.displayName"#),
                "\(refused.stderr)")
        #expect(try api.kubectl(["get", "tenant", "web", "-o", "jsonpath={.spec.displayName}"]).stdout == "Web storefront")

        let forced = try api.kubectl(["apply", "--server-side", "--field-manager=platform-team", "--force-conflicts", "-f", path])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("tenant.platform.contain.dev/web serverside-applied"))
        let read = try api.kubectl(["get", "tenant", "web", "-o",
                                    #"jsonpath={.spec.displayName}/{.spec.owners[0].name}/{.metadata.managedFields[?(@.manager=="platform-team")].operation}"#])
        #expect(read.stdout == "Storefront (platform team)/web-admins/Apply", "\(read.stdout) \(read.stderr)")

        // kubectl migrated the client-side applier's fields to the platform team (a managedFields
        // JSON patch), so another applier with a different value conflicts with the team by name.
        let other = try api.file("web2.yaml", Self.webDisplayName.replacingOccurrences(of: "(platform team)", with: "(other)"))
        let second = try api.kubectl(["apply", "--server-side", "--field-manager=someone-else", "-f", other])
        #expect(second.status == 1)
        #expect(second.stderr.contains(#"conflict with "platform-team": .spec.displayName"#), "\(second.stderr)")
    }

    @Test func serverSideApplyCreatesAndPrunesWhatTheManagerStopsApplying() throws {
        let api = try ServedAPI()
        let first = try api.file("cm.yaml", """
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
              labels: {app: shop}
            data:
              color: blue
              size: large

            """)
        let created = try api.kubectl(["apply", "--server-side", "-f", first])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("configmap/settings serverside-applied"))
        let second = try api.file("cm2.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: team
            data:
              color: green

            """)
        #expect(try api.kubectl(["apply", "--server-side", "-f", second]).status == 0)
        let read = try api.kubectl(["get", "configmap", "settings", "-n", "team", "-o", "json"])
        guard let object = try? JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any] else {
            Issue.record("not JSON: \(read.stdout)")
            return
        }
        let data = object["data"] as? [String: String]
        #expect(data == ["color": "green"])
        #expect((object["metadata"] as? [String: Any])?["labels"] == nil)
    }

    static let deployment = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: app
                image: registry.example.com/web:1.0
                env:
                - {name: MODE, value: production}
              - name: metrics
                image: registry.example.com/exporter:2.0

        """

    @Test func clientSideApplyOfBuiltInKindsUsesStrategicMerge() throws {
        let api = try ServedAPI()
        let path = try api.file("deploy.yaml", Self.deployment)
        #expect(try api.kubectl(["apply", "-f", path]).status == 0)
        // Someone adds a sidecar with a strategic merge patch: merged by container name.
        let sidecar = try api.kubectl(["patch", "deployment", "web", "-n", "shop", "--type", "strategic", "-p",
                                       #"{"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy:1"}]}}}}"#])
        #expect(sidecar.status == 0, "\(sidecar.stderr)")
        let names = "jsonpath={range .spec.template.spec.containers[*]}{.name}={.image};{end}"
        #expect(try api.kubectl(["get", "deployment", "web", "-n", "shop", "-o", names]).stdout
            == "app=registry.example.com/web:1.0;metrics=registry.example.com/exporter:2.0;proxy=envoy:1;")
        // Re-applying with a new image and without the metrics container: kubectl computes a
        // strategic merge patch ($setElementOrder, $patch: delete) from its last-applied annotation.
        let changed = Self.deployment
            .replacingOccurrences(of: "web:1.0", with: "web:1.1")
            .replacingOccurrences(of: "      - name: metrics\n        image: registry.example.com/exporter:2.0\n", with: "")
        let reapplied = try api.kubectl(["apply", "-f", try api.file("deploy2.yaml", changed)])
        #expect(reapplied.status == 0, "\(reapplied.stderr)")
        #expect(reapplied.stdout.contains("deployment.apps/web configured"))
        #expect(try api.kubectl(["get", "deployment", "web", "-n", "shop", "-o", names]).stdout
            == "app=registry.example.com/web:1.1;proxy=envoy:1;")
        let env = try api.kubectl(["get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.template.spec.containers[0].env[0].value}"])
        #expect(env.stdout == "production")
    }

    /// An owner ConfigMap and two dependents pointing at it; returns the owner's uid.
    func owned(_ api: ServedAPI, _ owner: String) throws -> String {
        #expect(try api.kubectl(["apply", "-f", "-"], stdin: "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"\(owner)\",\"namespace\":\"default\"}}").status == 0)
        let uid = try api.kubectl(["get", "configmap", owner, "-n", "default", "-o", "jsonpath={.metadata.uid}"]).stdout
        for index in 1...2 {
            let manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(owner)-dep-\(index)
                  namespace: default
                  labels: {owner: \(owner)}
                  ownerReferences:
                  - {apiVersion: v1, kind: ConfigMap, name: \(owner), uid: \(uid), blockOwnerDeletion: true}

                """
            let applied = try api.kubectl(["apply", "-f", "-"], stdin: manifest)
            #expect(applied.status == 0, "\(applied.stderr)")
        }
        return uid
    }

    func dependents(_ api: ServedAPI, _ owner: String) throws -> [String] {
        try api.kubectl(["get", "configmaps", "-n", "default", "-l", "owner=\(owner)", "-o", "name"]).stdout
            .split(separator: "\n").map(String.init)
    }

    @Test func ownerReferencesAreGarbageCollectedInEveryPropagationMode() throws {
        let api = try ServedAPI()
        _ = try owned(api, "background")
        #expect(try api.kubectl(["delete", "configmap", "background", "-n", "default"]).status == 0)
        #expect(try ServedAPI.eventually { try dependents(api, "background").isEmpty })

        _ = try owned(api, "foreground")
        let foreground = try api.kubectl(["delete", "configmap", "foreground", "-n", "default", "--cascade=foreground", "--timeout=20s"])
        #expect(foreground.status == 0, "\(foreground.stderr)")
        // kubectl waited for the owner to go; it goes only after its dependents.
        #expect(try dependents(api, "foreground").isEmpty)
        #expect(try api.kubectl(["get", "configmap", "foreground", "-n", "default"]).status == 1)

        _ = try owned(api, "orphan")
        #expect(try api.kubectl(["delete", "configmap", "orphan", "-n", "default", "--cascade=orphan", "--timeout=20s"]).status == 0)
        #expect(try ServedAPI.eventually {
            try api.kubectl(["get", "configmaps", "-n", "default", "-l", "owner=orphan", "-o", "jsonpath={.items[*].metadata.ownerReferences}"]).stdout.isEmpty
        })
        #expect(try dependents(api, "orphan") == ["configmap/orphan-dep-1", "configmap/orphan-dep-2"])

        // A dependent whose owner never existed (a dangling reference) is collected too.
        let dangling = try api.kubectl(["apply", "-f", "-"], stdin: """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: stray
              namespace: default
              ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: ghost, uid: 00000000-0000-0000-0000-000000000000}]

            """)
        #expect(dangling.status == 0)
        #expect(try ServedAPI.eventually { try api.kubectl(["get", "configmap", "stray", "-n", "default"]).status == 1 })
    }

    @Test func deleteCollectionAndListsAtAnOlderResourceVersion() throws {
        let api = try ServedAPI()
        for name in ["a", "b", "c"] {
            #expect(try api.kubectl(["apply", "-f", "-"], stdin: "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"\(name)\",\"namespace\":\"default\"},\"data\":{\"k\":\"\(name)\"}}").status == 0)
        }
        #expect(try api.kubectl(["label", "configmap", "a", "b", "-n", "default", "sweep=yes"]).status == 0)
        let listed = try api.kubectl(["get", "--raw", "/api/v1/namespaces/default/configmaps"]).stdout
        let metadata = (try? JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])?["metadata"] as? [String: Any]
        let before = metadata?["resourceVersion"] as? String ?? ""
        #expect(!before.isEmpty)
        let swept = try api.kubectl(["delete", "--raw", "/api/v1/namespaces/default/configmaps?labelSelector=sweep%3Dyes"])
        #expect(swept.status == 0, "\(swept.stderr)")
        #expect(swept.stdout.contains(#""kind":"ConfigMapList""#))
        #expect(try api.kubectl(["get", "configmaps", "-n", "default", "-o", "name"]).stdout == "configmap/c\n")
        // The list as it was before the sweep is still readable at its resourceVersion.
        let old = try api.kubectl(["get", "--raw", "/api/v1/namespaces/default/configmaps?resourceVersion=\(before)&resourceVersionMatch=Exact"])
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout.contains(#""name":"a""#) && old.stdout.contains(#""name":"b""#))
        let future = try api.kubectl(["get", "--raw", "/api/v1/namespaces/default/configmaps?resourceVersion=999999&resourceVersionMatch=Exact"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("Too large resource version"))
    }

    @Test func typedCreateCommandsSendProtobufAndAreUnderstood() throws {
        let api = try ServedAPI()
        let namespace = try api.kubectl(["create", "namespace", "team"])
        #expect(namespace.status == 0, "\(namespace.stderr)")
        #expect(namespace.stdout.contains("namespace/team created"))
        #expect(try api.kubectl(["create", "configmap", "settings", "-n", "team", "--from-literal=color=blue", "--from-literal=size=L"]).status == 0)
        #expect(try api.kubectl(["get", "configmap", "settings", "-n", "team", "-o", "jsonpath={.data.color}/{.data.size}"]).stdout == "blue/L")
        #expect(try api.kubectl(["create", "secret", "generic", "token", "-n", "team", "--from-literal=key=s3cret"]).status == 0)
        #expect(try api.kubectl(["get", "secret", "token", "-n", "team", "-o", "jsonpath={.data.key}"]).stdout == "czNjcmV0")
        #expect(try api.kubectl(["create", "serviceaccount", "deployer", "-n", "team"]).status == 0)
        let binding = try api.kubectl(["create", "rolebinding", "deployer-edit", "-n", "team", "--clusterrole=edit", "--serviceaccount=team:deployer", "--group=team-devs"])
        #expect(binding.status == 0, "\(binding.stderr)")
        #expect(try api.kubectl(["get", "rolebinding", "deployer-edit", "-n", "team", "-o", "jsonpath={.roleRef.name}/{.subjects[0].kind}:{.subjects[0].name}/{.subjects[1].kind}:{.subjects[1].name}/{.subjects[0].namespace}"]).stdout
            == "edit/Group:team-devs/ServiceAccount:deployer/")
        let role = try api.kubectl(["create", "clusterrole", "reader", "--verb=get,list", "--resource=configmaps"])
        #expect(role.status == 0, "\(role.stderr)")
        #expect(try api.kubectl(["get", "clusterrole", "reader", "-o", "jsonpath={.rules[0].verbs}"]).stdout == #"["get","list"]"#)
        let quota = try api.kubectl(["create", "quota", "small", "-n", "team", "--hard=pods=10,requests.cpu=2"])
        #expect(quota.status == 0, "\(quota.stderr)")
        #expect(try api.kubectl(["get", "resourcequota", "small", "-n", "team", "-o", "jsonpath={.spec.hard.pods}/{.spec.hard.requests\\.cpu}"]).stdout == "10/2")
    }
}
