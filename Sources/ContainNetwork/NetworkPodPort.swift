import ContainModel

/// A port a pod's container declares, as NetworkPolicy named ports resolve against it.
public struct NetworkPodPort: Sendable, Hashable, Codable {
    /// The port's name (an IANA service name, such as `http`), when it has one.
    public var name: String?
    /// The container port number.
    public var port: Int
    /// The protocol; `nil` means `TCP`, the Kubernetes default.
    public var `protocol`: PortProtocol?

    /// Creates a port.
    public init(name: String? = nil, port: Int, protocol: PortProtocol? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
    }

    /// The protocol with the Kubernetes default (`TCP`) applied.
    public var effectiveProtocol: PortProtocol { self.protocol ?? .tcp }

    /// The port of a container port declaration.
    public init(_ containerPort: ContainerPort) {
        self.init(name: containerPort.name, port: Int(containerPort.containerPort), protocol: containerPort.protocol)
    }
}
