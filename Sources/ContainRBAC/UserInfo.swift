/// Who made a request, as authentication established it (Kubernetes' `user.Info`).
public struct UserInfo: Sendable, Hashable {
    /// The user name (`alice`, `oidc:alice@example.com`, `system:serviceaccount:ns:sa`).
    public var name: String
    /// A stable identifier, when the authenticator knows one.
    public var uid: String
    /// Groups, `system:authenticated` included for every authenticated user.
    public var groups: [String]
    /// Extra attributes (authenticator-specific), passed through to reviews.
    public var extra: [String: [String]]

    public init(name: String, uid: String = "", groups: [String] = [], extra: [String: [String]] = [:]) {
        self.name = name
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }

    /// The group of every authenticated user.
    public static let authenticatedGroup = "system:authenticated"
    /// The group whose members bypass authorisation (cluster superusers).
    public static let mastersGroup = "system:masters"
    /// The user of requests without credentials (always refused here: no anonymous access).
    public static let anonymous = UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"])

    /// `groups` with `system:authenticated` added once.
    public func authenticated() -> UserInfo {
        var copy = self
        if !copy.groups.contains(Self.authenticatedGroup) { copy.groups.append(Self.authenticatedGroup) }
        return copy
    }

    /// Whether the user is in `system:masters`.
    public var isMaster: Bool { groups.contains(Self.mastersGroup) }
}
