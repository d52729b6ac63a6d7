/// The list merge declarations of the Kubernetes built-in types, by schema component and
/// property, as the upstream Go types declare them (`patchMergeKey`, `patchStrategy`,
/// `listType`, `listMapKeys`). One table feeds both the OpenAPI documents (so kubectl computes
/// strategic merge patches with the right keys) and the server's merge rules.
enum BuiltInListRules {
    /// One declared list.
    struct Declaration: Sendable {
        var rule: ListMergeRule
        /// `merge`, or `merge,retainKeys` for lists whose items are unions (volumes).
        var patchStrategy: String
    }

    static func keyed(_ keys: [String], patchKey: String? = nil, retainKeys: Bool = false) -> Declaration {
        Declaration(rule: .map(keys: keys, patchKey: patchKey ?? keys[0]), patchStrategy: retainKeys ? "merge,retainKeys" : "merge")
    }

    static let container: [String: Declaration] = [
        "ports": keyed(["containerPort", "protocol"]),
        "env": keyed(["name"]),
        "volumeMounts": keyed(["mountPath"]),
        "volumeDevices": keyed(["devicePath"]),
    ]

    /// Declarations by component name, then property name.
    static let byComponent: [String: [String: Declaration]] = [
        "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": [
            "finalizers": Declaration(rule: .set, patchStrategy: "merge"),
            "ownerReferences": keyed(["uid"]),
        ],
        "io.k8s.api.core.v1.PodSpec": [
            "containers": keyed(["name"]),
            "initContainers": keyed(["name"]),
            "ephemeralContainers": keyed(["name"]),
            "volumes": keyed(["name"], retainKeys: true),
            "imagePullSecrets": keyed(["name"]),
            "hostAliases": keyed(["ip"]),
            "topologySpreadConstraints": keyed(["topologyKey", "whenUnsatisfiable"]),
            "schedulingGates": keyed(["name"]),
            "resourceClaims": keyed(["name"], retainKeys: true),
        ],
        "io.k8s.api.core.v1.Container": container,
        "io.k8s.api.core.v1.EphemeralContainer": container,
        "io.k8s.api.core.v1.ServiceSpec": [
            "ports": keyed(["port", "protocol"]),
        ],
    ]

    /// Adds the declarations to the component schemas they belong to.
    static func annotate(_ schemas: inout [String: OpenAPISchema]) {
        for (component, declarations) in byComponent {
            guard var schema = schemas[component] else { continue }
            for index in schema.properties.indices {
                guard let declaration = declarations[schema.properties[index].name] else { continue }
                var property = schema.properties[index].schema
                switch declaration.rule {
                case .map(let keys, let patchKey):
                    property.listType = .map
                    property.listMapKeys = keys
                    property.patchMergeKey = patchKey
                case .set:
                    property.listType = .set
                case .atomic:
                    property.listType = .atomic
                }
                property.patchStrategy = declaration.patchStrategy
                schema.properties[index].schema = property
            }
            schemas[component] = schema
        }
    }

    /// The declared lists reachable from `root`, by dotted field path.
    static func rules(from root: OpenAPISchema, in schemas: [String: OpenAPISchema]) -> [String: ListMergeRule] {
        var rules: [String: ListMergeRule] = [:]
        func walk(_ schema: OpenAPISchema, component: String?, path: [String], depth: Int) {
            guard depth < 16 else { return }
            if let name = schema.referencedComponent, let target = schemas[name] {
                walk(target, component: name, path: path, depth: depth + 1)
                return
            }
            for part in schema.allOf { walk(part, component: component, path: path, depth: depth + 1) }
            for property in schema.properties {
                let childPath = path + [property.name]
                if let component, let declaration = byComponent[component]?[property.name] {
                    rules[childPath.joined(separator: ".")] = declaration.rule
                }
                walk(property.schema, component: nil, path: childPath, depth: depth + 1)
            }
            if let items = schema.items { walk(items, component: nil, path: path, depth: depth + 1) }
        }
        walk(root, component: nil, path: [], depth: 0)
        return rules
    }
}
