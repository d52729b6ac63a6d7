import ContainRBAC
import HTTPTypes

/// The RBAC attributes of an HTTP request, derived as kube-apiserver's `RequestInfoFactory` does.
enum RequestAttributesBuilder {
    static func attributes(method: HTTPRequest.Method, path: String, apiPath: APIPath?, query: QueryParameters) -> RequestAttributes {
        guard case .resource(let resource)? = apiPath else {
            return .nonResource(method == .head ? "get" : method.rawValue.lowercased(), path: path)
        }
        let verb: String
        switch (method, resource.name) {
        case (.get, nil), (.head, nil): verb = query.flag("watch") ? "watch" : "list"
        case (.get, _), (.head, _): verb = query.flag("watch") ? "watch" : "get"
        case (.post, _): verb = "create"
        case (.put, _): verb = "update"
        case (.patch, _): verb = "patch"
        case (.delete, nil): verb = "deletecollection"
        case (.delete, _): verb = "delete"
        default: verb = method.rawValue.lowercased()
        }
        var namespace = resource.namespace ?? ""
        // `/api/v1/namespaces/NAME` is inside namespace NAME, as for kube-apiserver.
        if resource.group.isEmpty && resource.plural == "namespaces", let name = resource.name { namespace = name }
        return .resource(verb, group: resource.group, version: resource.version, resource: resource.plural,
                         subresource: resource.subresource ?? "", namespace: namespace, name: resource.name ?? "")
    }
}
