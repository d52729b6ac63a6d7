import Testing
@testable import ContainModel

/// Schema derivation from the Swift types and the per-group-version OpenAPI v3 documents.
@Suite struct OpenAPISchemaTests {
    let catalog = OpenAPISchemaCatalog.standard
    static let meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
    static let platform = "dev.contain.platform.v1alpha1."

    /// Follows a `$ref` (bare or wrapped in a one-element `allOf`) to the component it names.
    func resolve(_ schema: OpenAPISchema?) -> OpenAPISchema? {
        guard var current = schema else { return nil }
        for _ in 0..<8 {
            if let name = current.referencedComponent {
                guard let target = catalog.schemas[name] else { return nil }
                current = target
            } else if current.allOf.count == 1, current.properties.isEmpty, let only = current.allOf.first {
                current = only
            } else {
                return current
            }
        }
        return current
    }

    /// The schema at a path of member names from a component; `[]` steps into array items.
    func schema(_ component: String, _ path: [String]) -> OpenAPISchema? {
        var current = resolve(catalog.schemas[component])
        for step in path {
            if step == "[]" {
                current = resolve(current?.items)
            } else {
                current = resolve(current?.property(step))
            }
        }
        return current
    }

    /// Every `$ref` string anywhere in a JSON document.
    func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            var result: [String] = []
            for (key, member) in object {
                if key == "$ref", let ref = member.stringValue { result.append(ref) } else { result += references(in: member) }
            }
            return result
        case .array(let array):
            return array.flatMap(references(in:))
        default:
            return []
        }
    }

    // MARK: - Tenant

    @Test func tenantOwnersAreObjectsWithRequiredKindAndName() throws {
        let owners = try #require(schema(Self.platform + "Tenant", ["spec", "owners"]))
        #expect(owners.type == .array)
        let subject = try #require(resolve(owners.items))
        #expect(subject.type == .object)
        #expect(subject.required == ["kind", "name"])
        #expect(subject.properties.map(\.name) == ["kind", "name", "role"])
        #expect(subject.property("kind")?.enumValues == ["User", "Group"])
        #expect(subject.property("role")?.enumValues == ["admin", "edit", "view"])
        let spec = try #require(schema(Self.platform + "Tenant", ["spec"]))
        #expect(spec.required == ["owners", "clusters", "namespaces"])
        // Declaration order, not alphabetical.
        #expect(spec.properties.first?.name == "displayName")
        #expect(spec.properties.map(\.name).suffix(2) == ["storageClasses", "guardrails"])
    }

    @Test func isolationRuntimeIsEnumOfSandboxRuntimes() throws {
        let runtime = try #require(schema(Self.platform + "Tenant", ["spec", "isolation", "runtime"]))
        #expect(runtime.type == .string)
        #expect(runtime.enumValues == SandboxRuntime.allCases.map { .string($0.rawValue) })
        #expect(runtime.enumValues?.contains("kata-firecracker") == true)
        let description = try #require(runtime.description)
        #expect(description.hasPrefix("The container runtime its pods must use; defaults to `runc`."))
        #expect(description.contains("Possible enum values:"))
        #expect(description.contains("`\"gvisor\"` gVisor's user-space kernel"))
    }

    @Test func quotasAreIntOrString() throws {
        for field in ["cpu", "memory", "limitsCPU", "limitsMemory", "storage"] {
            let quantity = try #require(schema(Self.platform + "TenantQuota", [field]))
            #expect(quantity.intOrString, "\(field)")
            #expect(quantity.anyOf.map(\.type) == [.integer, .string], "\(field)")
            #expect(quantity.type == nil, "\(field)")
        }
        #expect(schema(Self.platform + "TenantQuota", ["pods"])?.type == .integer)
        let mig = try #require(schema(Self.platform + "TenantQuota", ["migDevices"]))
        #expect(mig.type == .object)
        #expect(mig.additionalProperties == .schema(.integer))
        #expect(catalog.schemas[Self.platform + "TenantQuota"]?.required == [])
    }

    @Test func metadataReferencesObjectMeta() throws {
        let tenant = try #require(catalog.schemas[Self.platform + "Tenant"])
        let metadata = try #require(tenant.property("metadata"))
        #expect(metadata.allOf.first?.ref == "#/components/schemas/\(Self.meta)ObjectMeta")
        #expect(metadata.description?.hasPrefix("Standard object's metadata.") == true)
        #expect(!tenant.required.contains("metadata"))
        #expect(!tenant.required.contains("apiVersion"))
        #expect(tenant.required == ["spec"])
        #expect(tenant.groupVersionKinds == [.init(group: "platform.contain.dev", version: "v1alpha1", kind: "Tenant")])
        #expect(tenant.description?.hasPrefix("A team or customer of the platform") == true)
    }

    @Test func descriptionsComeFromDocComments() throws {
        let owners = try #require(catalog.schemas[Self.platform + "TenantSpec"]?.property("owners"))
        #expect(owners.description == "Who administers the tenant; at least one. Owners get the `admin` role unless they say otherwise.")
        let memory = try #require(catalog.schemas[Self.platform + "NodePool"]?.property("memory"))
        #expect(memory.description == "Memory per node.")
        #expect(memory.intOrString)
        let issuer = catalog.schemas[Self.platform + "ManagementPlane"]?.property("identityProvider")
        #expect(issuer?.description == "The OpenID Connect issuer of the identity provider (Keycloak, Entra ID).")
        #expect(issuer?.allOf.first?.ref == "#/components/schemas/\(Self.platform)IdentityProvider")
    }

    @Test func listKindHasItemsOfTheKind() throws {
        let list = try #require(catalog.schemas[Self.platform + "TenantList"])
        #expect(list.groupVersionKinds.map(\.kind) == ["TenantList"])
        #expect(list.required == ["items"])
        let items = try #require(resolve(list.property("items")))
        #expect(items.type == .array)
        #expect(items.items?.ref == "#/components/schemas/\(Self.platform)Tenant")
        #expect(list.property("metadata")?.allOf.first?.ref == "#/components/schemas/\(Self.meta)ListMeta")
    }

    // MARK: - Core kinds

    @Test func podCapabilitiesDropIsArrayOfStrings() throws {
        let drop = try #require(schema("io.k8s.api.core.v1.Pod",
                                       ["spec", "containers", "[]", "securityContext", "capabilities", "drop"]))
        #expect(drop.type == .array)
        #expect(drop.items == .string)
        let containers = try #require(schema("io.k8s.api.core.v1.Pod", ["spec", "containers"]))
        #expect(containers.items?.ref == "#/components/schemas/io.k8s.api.core.v1.Container")
        #expect(catalog.schemas["io.k8s.api.core.v1.PodSpec"]?.required.contains("containers") == true)
    }

    @Test func sharedTypesAreOneComponentReferencedEverywhere() throws {
        // Probe is used three times in Container and once more in EphemeralContainer.
        let container = try #require(catalog.schemas["io.k8s.api.core.v1.Container"])
        for field in ["livenessProbe", "readinessProbe", "startupProbe"] {
            #expect(container.property(field)?.ref == "#/components/schemas/io.k8s.api.core.v1.Probe", "\(field)")
        }
        // PodSpec is named for the core group even though apps/v1 kinds reach it too.
        #expect(catalog.schemas["io.k8s.api.core.v1.PodSpec"] != nil)
        #expect(catalog.schemas["io.k8s.api.apps.v1.PodSpec"] == nil)
        #expect(!catalog.schemas.keys.contains { $0.hasSuffix("PodSpec2") })
        // Taint is only reached from Cluster, yet keeps its upstream name.
        #expect(schema(Self.platform + "NodePool", ["taints"])?.items?.ref == "#/components/schemas/io.k8s.api.core.v1.Taint")
    }

    @Test func objectMetaShape() throws {
        let meta = try #require(catalog.schemas[Self.meta + "ObjectMeta"])
        #expect(meta.property("labels")?.additionalProperties == .schema(.string))
        #expect(meta.property("labels")?.type == .object)
        #expect(meta.property("creationTimestamp")?.format == "date-time")
        #expect(meta.property("generation") == .int64)
        #expect(meta.property("managedFields")?.items?.ref == "#/components/schemas/\(Self.meta)ManagedFieldsEntry")
        #expect(catalog.schemas[Self.meta + "ManagedFieldsEntry"]?.property("fieldsV1")?.preserveUnknownFields == true)
        #expect(meta.required.isEmpty)
    }

    @Test func stringEnumsThatAreNotStringEnumAreStillEnums() throws {
        let status = try #require(catalog.schemas[Self.meta + "Condition"]?.property("status"))
        #expect(status.enumValues == ["True", "False", "Unknown"])
        let condition = try #require(catalog.schemas[Self.meta + "Condition"])
        #expect(condition.required == ["type", "status", "lastTransitionTime", "reason", "message"])
        let values = try #require(schema("io.k8s.api.apps.v1.Deployment", ["spec", "selector", "matchExpressions", "[]", "operator"]))
        #expect(values.enumValues == LabelSelectorOperator.allCases.map { .string($0.rawValue) })
    }

    @Test func everyStandardKindProbesCompletely() throws {
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        for kind in KindRegistry.standard.allTypes {
            let resource = kind.resourceType
            let schema = try #require(catalog.schema(for: kind), "\(resource.kind)")
            #expect(schema.type == .object)
            #expect(schema.groupVersionKinds == [.init(group: resource.group, version: resource.version, kind: resource.kind)])
            #expect(schema.property("metadata") != nil, "\(resource.kind)")
            #expect(schema.property("apiVersion")?.type == .string, "\(resource.kind)")
            #expect(catalog.schemas[OpenAPISchemaCatalog.listComponentName(for: resource)] != nil)
        }
        // Every reference inside the catalog resolves.
        for (name, schema) in catalog.schemas {
            for ref in schema.allReferences {
                let target = try #require(OpenAPISchema(ref: ref).referencedComponent)
                #expect(catalog.schemas[target] != nil, "\(name) -> \(ref)")
            }
        }
    }

    @Test func everyReferenceInEveryDocumentResolves() throws {
        let builder = OpenAPIDocumentBuilder()
        #expect(builder.apiVersions.contains("v1"))
        #expect(builder.apiVersions.contains("platform.contain.dev/v1alpha1"))
        #expect(builder.apiVersions.count == Set(KindRegistry.standard.allTypes.map { $0.resourceType.apiVersion }).count)
        for apiVersion in builder.apiVersions {
            let document = try #require(builder.document(apiVersion: apiVersion))
            let schemas = try #require(document["components"]?["schemas"]?.objectValue)
            let refs = references(in: document)
            #expect(!refs.isEmpty)
            for ref in refs {
                #expect(ref.hasPrefix("#/components/schemas/"), "\(ref)")
                #expect(schemas[String(ref.dropFirst("#/components/schemas/".count))] != nil, "\(apiVersion): \(ref)")
            }
            #expect(document["openapi"] == "3.0.0")
        }
        #expect(builder.document(apiVersion: "nothing.example.com/v1") == nil)
    }

    // MARK: - Documents

    @Test func platformDocumentPathsFollowScope() throws {
        let document = try #require(OpenAPIDocumentBuilder().document(apiVersion: "platform.contain.dev/v1alpha1"))
        let paths = try #require(document["paths"]?.objectValue)
        let base = "/apis/platform.contain.dev/v1alpha1"
        for plural in ["tenants", "clusters", "platforms"] {
            #expect(paths.contains("\(base)/\(plural)"))
            #expect(paths.contains("\(base)/\(plural)/{name}"))
            #expect(paths.contains("\(base)/\(plural)/{name}/status"))
        }
        #expect(!paths.keys.contains { $0.contains("{namespace}") })
        let create = try #require(paths["\(base)/tenants"]?["post"])
        #expect(create["x-kubernetes-action"] == "create")
        #expect(create["x-kubernetes-group-version-kind"] == ["group": "platform.contain.dev", "kind": "Tenant", "version": "v1alpha1"])
        #expect(paths["\(base)/tenants"]?["get"]?["x-kubernetes-action"] == "list")
        #expect(paths["\(base)/tenants/{name}"]?["delete"]?["x-kubernetes-action"] == "delete")
        #expect(paths["\(base)/tenants/{name}"]?["put"]?["x-kubernetes-action"] == "put")
        let schemas = try #require(document["components"]?["schemas"]?.objectValue)
        #expect(schemas.contains(Self.platform + "Tenant"))
        #expect(schemas.contains(Self.platform + "TenantList"))
        #expect(schemas.contains(Self.meta + "ObjectMeta"))
        // Only what the group's kinds reach.
        #expect(!schemas.contains("io.k8s.api.core.v1.PodSpec"))
        #expect(schemas[Self.platform + "Tenant"]?["x-kubernetes-group-version-kind"]?.arrayValue?.count == 1)
    }

    @Test func coreDocumentHasNamespacedAndClusterScopedPaths() throws {
        let document = try #require(OpenAPIDocumentBuilder().document(apiVersion: "v1"))
        let paths = try #require(document["paths"]?.objectValue)
        #expect(paths.contains("/api/v1/namespaces/{namespace}/pods"))
        #expect(paths.contains("/api/v1/namespaces/{namespace}/pods/{name}"))
        #expect(paths.contains("/api/v1/namespaces/{namespace}/pods/{name}/status"))
        #expect(paths.contains("/api/v1/pods"))
        #expect(paths.contains("/api/v1/namespaces"))
        #expect(paths.contains("/api/v1/namespaces/{name}"))
        #expect(!paths.contains("/api/v1/namespaces/{namespace}/namespaces"))
        // ConfigMap has no status, so no status subresource.
        #expect(!paths.contains("/api/v1/namespaces/{namespace}/configmaps/{name}/status"))
        let parameters = paths["/api/v1/namespaces/{namespace}/pods/{name}"]?["parameters"]?.arrayValue ?? []
        #expect(parameters.compactMap { $0["name"]?.stringValue } == ["name", "namespace", "pretty"])
        let apps = try #require(OpenAPIDocumentBuilder().document(apiVersion: "apps/v1"))
        #expect(apps["paths"]?["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"] != nil)
    }

    @Test func patchMediaTypesDependOnGroup() throws {
        let builder = OpenAPIDocumentBuilder()
        let platform = try #require(builder.document(apiVersion: "platform.contain.dev/v1alpha1"))
        let tenantPatch = try #require(platform["paths"]?["/apis/platform.contain.dev/v1alpha1/tenants/{name}"]?["patch"])
        let tenantTypes = tenantPatch["requestBody"]?["content"]?.objectValue?.keys.sorted()
        #expect(tenantTypes == ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"])
        let parameterNames = tenantPatch["parameters"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(parameterNames.contains("fieldValidation"))
        #expect(parameterNames.contains("fieldManager"))
        #expect(tenantPatch["x-kubernetes-action"] == "patch")

        let core = try #require(builder.document(apiVersion: "v1"))
        let namespacePatch = try #require(core["paths"]?["/api/v1/namespaces/{name}"]?["patch"])
        let namespaceTypes = namespacePatch["requestBody"]?["content"]?.objectValue?.keys ?? []
        #expect(namespaceTypes.contains("application/strategic-merge-patch+json"))
        #expect(namespaceTypes.contains("application/apply-patch+yaml"))
        #expect(namespacePatch["x-kubernetes-group-version-kind"] == ["group": "", "kind": "Namespace", "version": "v1"])
        let status = core["paths"]?["/api/v1/namespaces/{name}/status"]?["patch"]
        #expect(status?["requestBody"]?["content"]?["application/strategic-merge-patch+json"] != nil)
    }

    @Test func hashIsStableAndChangesWithTheDocument() throws {
        let first = try #require(OpenAPIDocumentBuilder().document(apiVersion: "platform.contain.dev/v1alpha1"))
        let second = try #require(OpenAPIDocumentBuilder().document(apiVersion: "platform.contain.dev/v1alpha1"))
        let hash = OpenAPIDocumentBuilder.hash(of: first)
        #expect(hash == OpenAPIDocumentBuilder.hash(of: second))
        #expect(hash.count == 16)
        #expect(hash.allSatisfy { $0.isHexDigit })
        var changed = first
        changed["info"]?["version"] = "9.9.9"
        #expect(OpenAPIDocumentBuilder.hash(of: changed) != hash)
        // Member order does not matter: the hash is of canonical JSON.
        let reordered: JSONValue = ["b": 1, "a": [2, ["d": true, "c": nil]]]
        let ordered: JSONValue = ["a": [2, ["c": nil, "d": true]], "b": 1]
        #expect(OpenAPIDocumentBuilder.hash(of: reordered) == OpenAPIDocumentBuilder.hash(of: ordered))
        // FNV-1a 64 of the two bytes "{}", as a reference implementation computes it.
        #expect(OpenAPIDocumentBuilder.hash(of: .object(JSONObject())) == "08F44B07B5901A25")
        let core = try #require(OpenAPIDocumentBuilder().document(apiVersion: "v1"))
        #expect(OpenAPIDocumentBuilder.hash(of: core) != hash)
    }

    @Test func indexListsEveryDocumentWithItsHash() throws {
        let builder = OpenAPIDocumentBuilder()
        let index = builder.index()
        let paths = try #require(index["paths"]?.objectValue)
        #expect(paths.count == builder.apiVersions.count)
        let platform = try #require(builder.document(apiVersion: "platform.contain.dev/v1alpha1"))
        #expect(paths["apis/platform.contain.dev/v1alpha1"]?["serverRelativeURL"]?.stringValue
            == "/openapi/v3/apis/platform.contain.dev/v1alpha1?hash=\(OpenAPIDocumentBuilder.hash(of: platform))")
        #expect(paths["api/v1"] != nil)
        #expect(paths["apis/apps/v1"] != nil)
    }

    // MARK: - Derivation edge cases

    @Test func inlinedSchemaHasNoReferences() throws {
        let tenant = try #require(catalog.schemas[Self.platform + "Tenant"])
        let inlined = catalog.inlined(tenant)
        #expect(inlined.allReferences.isEmpty)
        let owners = inlined.property("spec")?.property("owners")
        #expect(owners?.items?.required == ["kind", "name"])
        #expect(inlined.property("metadata")?.property("labels")?.additionalProperties == .schema(.string))
        #expect(inlined.property("spec")?.description == "The desired state of the Tenant.")
    }

    @Test func recursiveTypesAreReferencedNotExpanded() throws {
        let (schema, components) = OpenAPISchemaCatalog.derive(TreeNode.self)
        let name = try #require(schema.referencedComponent)
        let node = try #require(components[name])
        #expect(node.property("children")?.items?.ref == schema.ref)
        #expect(node.property("parent")?.ref == schema.ref)
        #expect(node.required == ["value"])
    }

    @Test func customDecodersProbeWithoutTrapping() throws {
        let (schema, components) = OpenAPISchemaCatalog.derive(Validated.self)
        let validatedName = try #require(schema.referencedComponent)
        let validated = try #require(components[validatedName])
        // The type rejects empty strings and a zero count; the probe still sees every member.
        #expect(validated.properties.map(\.name) == ["label", "count", "when", "extra", "optionalByContains"])
        #expect(validated.required == ["label", "count", "when"])
        #expect(validated.property("when")?.format == "date-time")
        #expect(validated.property("extra")?.preserveUnknownFields == true)

        let (mapSchema, mapComponents) = OpenAPISchemaCatalog.derive(Tags.self)
        let tagsName = try #require(mapSchema.referencedComponent)
        let tags = try #require(mapComponents[tagsName])
        #expect(tags.additionalProperties == .schema(.int32))

        let (wrapped, portComponents) = OpenAPISchemaCatalog.derive(Port.self)
        let portName = try #require(wrapped.referencedComponent)
        let port = try #require(portComponents[portName])
        #expect(port.intOrString)
    }

    @Test func schemaJSONShape() {
        let described = OpenAPISchema.reference(to: "x.Y").described("Why.")
        #expect(described.jsonValue() == ["description": "Why.", "allOf": [["$ref": "#/components/schemas/x.Y"]]])
        let list = OpenAPISchema(type: .array, items: .string, listType: .map, listMapKeys: ["name"])
        #expect(list.jsonValue()["x-kubernetes-list-type"] == "map")
        #expect(list.jsonValue()["x-kubernetes-list-map-keys"] == ["name"])
        #expect(Quantity.openAPISchema.jsonValue()["x-kubernetes-int-or-string"] == true)
        #expect(JSONValue.openAPISchema.jsonValue() == ["x-kubernetes-preserve-unknown-fields": true])
        #expect(OpenAPISchemaCatalog.componentPrefix(group: "rbac.authorization.k8s.io", version: "v1") == "io.k8s.api.rbac.v1")
        #expect(OpenAPISchemaCatalog.componentPrefix(group: "platform.contain.dev", version: "v1alpha1") == "dev.contain.platform.v1alpha1")
        #expect(OpenAPISchemaCatalog.componentName(for: Namespace.resourceType) == "io.k8s.api.core.v1.Namespace")
    }
}

/// A type that contains itself, through an array and an optional.
private struct TreeNode: Codable {
    var value: String
    var children: [TreeNode]?
    var parent: [TreeNode]?
}

extension TreeNode {
    // `parent` is declared as an array to keep the struct finite; decode it as an optional
    // single node to exercise direct self-reference.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(String.self, forKey: .value)
        children = try container.decodeIfPresent([TreeNode].self, forKey: .children)
        parent = try container.decodeIfPresent(TreeNode.self, forKey: .parent).map { [$0] }
    }
}

/// A type whose `init(from:)` validates and uses nested containers.
private struct Validated: Decodable {
    enum CodingKeys: String, CodingKey { case label, count, when, extra, optionalByContains }
    struct Invalid: Error {}
    var label: String
    var count: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        count = try container.decode(Int.self, forKey: .count)
        _ = try container.decode(Time.self, forKey: .when)
        _ = try container.nestedContainer(keyedBy: CodingKeys.self, forKey: .extra)
        if container.contains(.optionalByContains) {
            _ = try container.decode(Bool.self, forKey: .optionalByContains)
        }
        guard !label.isEmpty, count > 0 else { throw Invalid() }
    }
}

/// A map read by iterating its keys.
private struct Tags: Decodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var values: [String: Int32] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys { values[key.stringValue] = try container.decode(Int32.self, forKey: key) }
    }
}

/// A port number or name, decoded by trying an integer, then a string.
private struct Port: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), number > 0 {
            text = String(number)
        } else {
            text = try container.decode(String.self)
        }
    }
}
