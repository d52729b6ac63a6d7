/// The words kube-apiserver uses when it refuses a request (`responsewriters.forbiddenMessage`).
public enum ForbiddenMessage {
    /// `User "alice" cannot get resource "tenants" in API group "platform.contain.dev" at the cluster scope`.
    public static func text(_ user: UserInfo, _ request: RequestAttributes) -> String {
        let who = "User \"\(user.name)\""
        guard request.isResourceRequest else {
            return "\(who) cannot \(request.verb) path \"\(request.path)\""
        }
        let resource = request.combinedResource
        let scope = request.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(request.namespace)\""
        return "\(who) cannot \(request.verb) resource \"\(resource)\" in API group \"\(request.apiGroup)\" \(scope)"
    }

    /// The whole Status message: `tenants.platform.contain.dev "b" is forbidden: User …`.
    public static func statusMessage(_ user: UserInfo, _ request: RequestAttributes, reason: String = "") -> String {
        var message: String
        if request.isResourceRequest {
            let qualified = request.apiGroup.isEmpty ? request.resource : "\(request.resource).\(request.apiGroup)"
            message = request.name.isEmpty ? "\(qualified) is forbidden: " : "\(qualified) \"\(request.name)\" is forbidden: "
        } else {
            message = "forbidden: "
        }
        message += text(user, request)
        if !reason.isEmpty { message += ": " + reason }
        return message
    }
}
