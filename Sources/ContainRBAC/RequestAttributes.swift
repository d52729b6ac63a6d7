/// What a request wants to do, in the terms RBAC rules speak (Kubernetes' `authorizer.Attributes`).
public struct RequestAttributes: Sendable, Hashable {
    /// The lower-case API verb: get, list, watch, create, update, patch, delete, deletecollection,
    /// or for non-resource requests the lower-case HTTP method.
    public var verb: String
    /// Whether the request names an API resource (else `path` is what is authorised).
    public var isResourceRequest: Bool
    /// The namespace, empty for cluster-scoped resources and all-namespace lists.
    public var namespace: String
    public var apiGroup: String
    public var apiVersion: String
    /// The resource (plural), e.g. `tenants`.
    public var resource: String
    /// The subresource, e.g. `status`; empty for the main resource.
    public var subresource: String
    /// The object's name; empty for list, watch of a collection, and create.
    public var name: String
    /// The URL path of a non-resource request.
    public var path: String

    /// A resource request.
    public static func resource(_ verb: String, group: String = "", version: String = "", resource: String, subresource: String = "",
                                namespace: String = "", name: String = "") -> RequestAttributes {
        RequestAttributes(verb: verb, isResourceRequest: true, namespace: namespace, apiGroup: group, apiVersion: version,
                          resource: resource, subresource: subresource, name: name, path: "")
    }

    /// A non-resource request (`/healthz`, `/version`, `/metrics`, discovery).
    public static func nonResource(_ verb: String, path: String) -> RequestAttributes {
        RequestAttributes(verb: verb, isResourceRequest: false, namespace: "", apiGroup: "", apiVersion: "",
                          resource: "", subresource: "", name: "", path: path)
    }

    public init(verb: String, isResourceRequest: Bool, namespace: String, apiGroup: String, apiVersion: String,
                resource: String, subresource: String, name: String, path: String) {
        self.verb = verb
        self.isResourceRequest = isResourceRequest
        self.namespace = namespace
        self.apiGroup = apiGroup
        self.apiVersion = apiVersion
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.path = path
    }

    /// `resource/subresource`, or `resource` alone.
    public var combinedResource: String { subresource.isEmpty ? resource : resource + "/" + subresource }
}
