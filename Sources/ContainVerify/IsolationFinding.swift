/// One way a cluster breaks the isolation the platform spec promises.
public struct IsolationFinding: Sendable, Hashable, Codable {
    /// What is wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Pods of one tenant can reach pods of another that does not list it in `allowFrom`.
        case undeclaredTenantPath
        /// A tenant namespace cannot reach the cluster DNS.
        case dnsUnreachable
        /// An exposed tenant namespace cannot be reached from its ingress controller.
        case ingressUnreachable
    }

    public var kind: Kind
    /// The workload cluster.
    public var cluster: String
    /// The tenant whose pods open the connection (`nil` for DNS and ingress controller pods).
    public var sourceTenant: String?
    /// The tenant whose pods receive it (`nil` for the DNS pods).
    public var destinationTenant: String?
    /// An example connection: the source pod (`namespace/name`).
    public var source: String
    /// An example connection: the destination pod.
    public var destination: String
    /// The ports concerned, such as `any TCP port` or `UDP 53`.
    public var ports: String
    /// For an undeclared path: whether both sides allow it today (`false` means the
    /// destination's ingress admits it and only the source tenant's own egress policies, which
    /// its members can change, stop it). `nil` for other kinds.
    public var openNow: Bool?
    /// Pod pairs affected (for undeclared paths), or 1.
    public var podPairs: Int
    /// The policies responsible: those whose rules allow the path, or those that block a
    /// required connection.
    public var policies: [String]
    /// The rules that allow the path (`namespace/policy ingress[0]`); empty for blocked connections.
    public var rules: [String]
    /// The engine's explanation of the example connection, one line per side.
    public var explanation: [String]
    /// One sentence a person can act on.
    public var message: String
}
