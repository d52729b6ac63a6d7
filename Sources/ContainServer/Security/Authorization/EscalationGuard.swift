import ContainModel
import ContainRBAC
import ContainStore
import HTTPTypes

/// Refuses Role/ClusterRole and binding writes that would grant permissions the writer does not
/// hold (kube-apiserver's RBAC registry checks), with its wording.
struct EscalationGuard {
    let server: APIServer
    let policy: RBACPolicy

    func check(kind: String, resource: ResourcePath, method: HTTPRequest.Method, body: [UInt8], contentType: String,
               user: UserInfo) async throws {
        if user.isMaster { return }
        let text = String(decoding: body, as: UTF8.self)
        var object: JSONObject
        if method == .patch {
            object = try await patched(kind: kind, resource: resource, patch: text, contentType: contentType)
        } else {
            object = try APIServer.parseObject(text, yaml: contentType.contains("yaml"))
        }
        let namespace = resource.namespace ?? ""
        let name = object["metadata"]?["name"]?.stringValue ?? resource.name ?? ""
        object["metadata"] = object["metadata"] ?? .object(JSONObject())
        let check = EscalationCheck(policy: policy)
        let verdict: EscalationCheck.Verdict
        let decoder = ValueDecoder(rejectsUnknownFields: false)
        switch kind {
        case "Role", "ClusterRole":
            let rules = (try? decoder.decode([PolicyRule].self, from: object["rules"] ?? .array([]))) ?? []
            verdict = check.checkRole(user, kind: kind, name: name, namespace: namespace, rules: rules)
        default:
            guard let roleRefValue = object["roleRef"], let roleRef = try? decoder.decode(RoleRef.self, from: roleRefValue) else { return }
            let rules: [PolicyRule]?
            if roleRef.kind == "ClusterRole" {
                rules = policy.clusterRoleRules[roleRef.name]
            } else {
                let key = ObjectKey(resource: ResourceKey(group: "rbac.authorization.k8s.io", resource: "roles"), namespace: namespace, name: roleRef.name)
                if let stored = try await server.store.get(key), let value = try? JSONReader.value(String(decoding: stored.data, as: UTF8.self)) {
                    rules = (try? decoder.decode([PolicyRule].self, from: value["rules"] ?? .array([]))) ?? []
                } else {
                    rules = nil
                }
            }
            verdict = check.checkBinding(user, namespace: namespace, roleRef: roleRef, roleRules: rules)
        }
        guard case .escalation(let missing) = verdict else { return }
        let groups = user.groups.map { "\"\($0)\"" }.joined(separator: " ")
        let plural = resource.plural
        let message = "\(plural).rbac.authorization.k8s.io \"\(name)\" is forbidden: user \"\(user.name)\" (groups=[\(groups)]) is attempting to grant RBAC permissions not currently held:\n"
            + missing.map(EscalationCheck.describe).joined(separator: "\n")
        throw APIError(.failure(code: 403, reason: "Forbidden", message: message,
                                details: StatusDetails(name: name, group: "rbac.authorization.k8s.io", kind: plural)))
    }

    /// The object a patch would produce (merge or JSON patch on the stored object; an apply
    /// patch is the object itself).
    func patched(kind: String, resource: ResourcePath, patch: String, contentType: String) async throws -> JSONObject {
        if contentType.contains("apply-patch") { return try APIServer.parseObject(patch, yaml: true) }
        guard let name = resource.name else { return JSONObject() }
        let key = ObjectKey(resource: ResourceKey(group: resource.group, resource: resource.plural), namespace: resource.namespace ?? "", name: name)
        guard let stored = try await server.store.get(key),
              case .object(let current) = try JSONReader.value(String(decoding: stored.data, as: UTF8.self))
        else { return JSONObject() }
        if contentType.contains("json-patch") {
            guard let operations = try? JSONReader.value(patch), let value = try? JSONPatch.apply(operations, to: .object(current)),
                  case .object(let result) = value else { return current }
            return result
        }
        guard let patchValue = try? JSONReader.value(patch) else { return current }
        if case .object(let result) = JSONMergePatch.apply(patchValue, to: .object(current)) { return result }
        return current
    }
}
