import ContainModel
import ContainRBAC
import ContainStore
import Foundation
import HTTPTypes
import Hummingbird

/// The API behind its guard: authenticates every request (401 otherwise), applies the rate
/// limit (429), authorises it with RBAC (403 in kube-apiserver's words), checks RBAC writes for
/// privilege escalation, serves the access reviews, and writes the audit line — then hands the
/// request to `APIServer`.
public struct SecureAPIResponder: HTTPResponder, Sendable {
    public typealias Context = ContainRequestContext

    public let server: APIServer
    public let security: APISecurity

    /// `server` with the access reviews this guard answers listed in its discovery.
    public init(server: APIServer, security: APISecurity) {
        self.server = server.listing(createOnly: Discovery.accessReviews)
        self.security = security
    }

    static let impersonateUser = HTTPField.Name("Impersonate-User")!
    static let impersonateGroup = HTTPField.Name("Impersonate-Group")!
    static let impersonateUID = HTTPField.Name("Impersonate-Uid")!
    static let retryAfter = HTTPField.Name("Retry-After")!
    static let rbacKinds: [String: String] = ["roles": "Role", "clusterroles": "ClusterRole", "rolebindings": "RoleBinding",
                                              "clusterrolebindings": "ClusterRoleBinding"]

    public func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = UUID().uuidString.lowercased()
        let path = request.uri.path
        let apiPath = APIPath(path)
        let query = QueryParameters(request.uri.query)
        let attributes = RequestAttributesBuilder.attributes(method: request.method, path: path, apiPath: apiPath, query: query)
        var audited: (user: UserInfo, by: UserInfo?)? = nil
        var response: Response
        do {
            guard let authenticated = await security.authenticator.authenticate(
                authorization: request.headers[.authorization], channel: context.channel)
            else { throw APIError.unauthorized }
            audited = (authenticated, nil)
            if let limiter = security.rateLimiter, let wait = limiter.acquire(authenticated.name) {
                throw APIError(.failure(code: 429, reason: "TooManyRequests", message: "Too many requests, please try again later.",
                                        details: StatusDetails(retryAfterSeconds: wait)))
            }
            let policy = try await security.policies.policy()
            let user = try impersonated(request, authenticated, policy)
            if user != authenticated { audited = (user, authenticated) }
            let authenticatedContext = AuthenticatedContext(user: user, authenticatedAs: user == authenticated ? nil : authenticated,
                                                            attributes: attributes, requestID: requestID)
            response = try await authorizedResponse(request, context, authenticatedContext, policy, apiPath)
        } catch let error as APIError {
            response = HTTPResponses.error(error)
            if error.code == 429, let seconds = error.status.details?.retryAfterSeconds {
                response.headers[Self.retryAfter] = String(seconds)
            }
        } catch let error as StoreError {
            response = HTTPResponses.error(APIServer.apiError(error))
        } catch {
            response = HTTPResponses.error(.internalError(String(describing: error)))
        }
        if let audit = security.audit {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let user = audited?.user ?? UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"])
            audit.record(AuditLog.Entry(time: Date(), requestID: requestID, user: user.name, groups: user.groups,
                                        impersonatedBy: audited?.by?.name, verb: attributes.verb, apiGroup: attributes.apiGroup,
                                        resource: attributes.resource, subresource: attributes.subresource,
                                        namespace: attributes.namespace, name: attributes.name, path: path,
                                        code: Int(response.status.code), latencySeconds: seconds,
                                        sourceIP: context.remoteAddressText))
        }
        return response
    }

    /// Kubernetes impersonation (`kubectl --as`, `--as-group`): the authenticated user needs
    /// `impersonate` on `users`/`groups`; the request then acts as the impersonated user.
    func impersonated(_ request: Request, _ user: UserInfo, _ policy: RBACPolicy) throws -> UserInfo {
        let names = request.headers[values: Self.impersonateUser]
        let groups = request.headers[values: Self.impersonateGroup]
        guard !names.isEmpty || !groups.isEmpty else { return user }
        guard names.count == 1, let name = names.first, !name.isEmpty else {
            throw APIError(.failure(code: 400, reason: "BadRequest", message: "requested [] without impersonating a user"))
        }
        var checks = [RequestAttributes.resource("impersonate", resource: "users", name: name)]
        checks += groups.map { RequestAttributes.resource("impersonate", resource: "groups", name: $0) }
        for check in checks where !policy.authorize(user, check).allowed {
            throw APIError(.failure(code: 403, reason: "Forbidden",
                                    message: "\(check.resource) \"\(check.name)\" is forbidden: User \"\(user.name)\" cannot impersonate resource \"\(check.resource)\" in API group \"\" at the cluster scope",
                                    details: StatusDetails(name: check.name, kind: check.resource)))
        }
        var impersonatedGroups = groups
        // As kube-apiserver does: a service account impersonated without groups is in the
        // service-account groups, and everyone impersonated but the anonymous user is authenticated.
        let serviceAccount = name.split(separator: ":", omittingEmptySubsequences: false)
        if groups.isEmpty, serviceAccount.count == 4, serviceAccount[0] == "system", serviceAccount[1] == "serviceaccount" {
            impersonatedGroups = ["system:serviceaccounts", "system:serviceaccounts:\(serviceAccount[2])"]
        }
        let result = UserInfo(name: name, uid: request.headers[Self.impersonateUID] ?? "", groups: impersonatedGroups)
        return name == UserInfo.anonymous.name ? result : result.authenticated()
    }

    func authorizedResponse(_ request: Request, _ context: Context, _ authenticated: AuthenticatedContext, _ policy: RBACPolicy,
                            _ apiPath: APIPath?) async throws -> Response {
        let attributes = authenticated.attributes
        let decision = policy.authorize(authenticated.user, attributes)
        if !decision.allowed, case .resource(let resource)? = apiPath,
           let owned = try await ownedObjectsList(request, resource, authenticated.user, policy)
        {
            return owned
        }
        guard decision.allowed else {
            throw APIError(.failure(code: 403, reason: "Forbidden",
                                    message: ForbiddenMessage.statusMessage(authenticated.user, attributes),
                                    details: StatusDetails(name: attributes.name.isEmpty ? nil : attributes.name,
                                                           group: attributes.isResourceRequest ? attributes.apiGroup : nil,
                                                           kind: attributes.isResourceRequest ? attributes.resource : nil)))
        }
        if case .resource(let resource)? = apiPath, resource.group == "authorization.k8s.io",
           let kind = AccessReviewHandler.kinds[resource.plural], resource.name == nil
        {
            guard AccessReviewHandler.isServed(resource) else { throw APIError.pathNotFound(request.uri.path) }
            guard request.method == .post else { throw APIError.methodNotAllowed(request.method.rawValue, resource.plural + ".authorization.k8s.io") }
            let bytes = try await Self.bodyBytes(request)
            let body = try AccessReviewHandler.body(bytes, contentType: request.headers[.contentType] ?? "application/json")
            let review = try AccessReviewHandler(policy: policy).respond(kind: kind, body: body, context: authenticated,
                                                                         namespace: resource.namespace)
            return HTTPResponses.json(.object(review), code: 201)
        }
        var request = request
        let isWrite = [.post, .put, .patch, .delete].contains(request.method)
        if case .resource(let resource)? = apiPath, resource.group == "rbac.authorization.k8s.io",
           let kind = Self.rbacKinds[resource.plural], request.method == .post || request.method == .put || request.method == .patch
        {
            let bytes = try await Self.bodyBytes(request)
            request = Request(head: request.head, body: RequestBody(buffer: ByteBuffer(bytes: bytes)))
            try await EscalationGuard(server: server, policy: policy)
                .check(kind: kind, resource: resource, method: request.method, body: bytes,
                       contentType: request.headers[.contentType] ?? "application/json", user: authenticated.user)
        }
        var watchSlot: String?
        if attributes.verb == "watch", let limiter = security.watchLimiter {
            guard limiter.acquire(authenticated.user.name) else {
                throw APIError(.failure(code: 429, reason: "TooManyRequests",
                                        message: "Too many open watches for user \"\(authenticated.user.name)\" (limit \(limiter.limit))",
                                        details: StatusDetails(retryAfterSeconds: 1)))
            }
            watchSlot = authenticated.user.name
        }
        var response: Response
        do {
            response = try await RequestIdentity.$user.withValue(authenticated.user) {
                try await server.respond(to: request, context: context)
            }
        } catch {
            if let watchSlot { security.watchLimiter?.release(watchSlot) }
            throw error
        }
        if let watchSlot, let limiter = security.watchLimiter {
            let body = response.body
            response.body = ResponseBody { writer in
                defer { limiter.release(watchSlot) }
                try await body.write(writer)
            }
        }
        if isWrite, (200..<300).contains(Int(response.status.code)), case .resource(let resource)? = apiPath,
           AuthorizationPolicyCache.dependencies.contains(ResourceKey(group: resource.group, resource: resource.plural))
            || (resource.group.isEmpty && resource.plural == "namespaces")
        {
            security.policies.invalidate()
        }
        return response
    }

    /// Collections a user may list in part without `list` on them: the objects they own.
    static let ownedListResources: Set<ResourceKey> = [
        ResourceKey(group: "platform.contain.dev", resource: "tenants"), ResourceKey(group: "", resource: "namespaces"),
    ]

    /// A cluster-wide list of tenants or namespaces that RBAC refuses, answered with the objects
    /// the user may `get` one by one (authorised exactly as that GET would be: the tenancy
    /// rule's per-tenant grants, a RoleBinding inside a namespace); nil, so 403, when there is
    /// none. Kubernetes has no such filter; it is what lets a tenant owner run
    /// `kubectl get tenants` and `kubectl get namespaces`. Watches are not filtered.
    func ownedObjectsList(_ request: Request, _ resource: ResourcePath, _ user: UserInfo, _ policy: RBACPolicy) async throws -> Response? {
        guard request.method == .get, resource.namespace == nil, resource.name == nil, resource.subresource == nil,
              !QueryParameters(request.uri.query).flag("watch"),
              Self.ownedListResources.contains(ResourceKey(group: resource.group, resource: resource.plural))
        else { return nil }
        let isNamespace = resource.group.isEmpty
        let visible: @Sendable (String) -> Bool = { name in
            // `GET /api/v1/namespaces/NAME` is inside namespace NAME (RequestAttributesBuilder).
            let get = RequestAttributes.resource("get", group: resource.group, version: resource.version, resource: resource.plural,
                                                 namespace: isNamespace ? name : "", name: name)
            return policy.authorize(user, get).allowed
        }
        return try await server.visibleList(request, resource, visible: visible)
    }

    static func bodyBytes(_ request: Request) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: APIServer.maximumBodySize)
            return Array(buffer.readableBytesView)
        } catch {
            throw APIError.tooLarge(limit: APIServer.maximumBodySize)
        }
    }
}
