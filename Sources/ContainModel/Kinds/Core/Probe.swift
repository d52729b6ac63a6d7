/// `core/v1.Probe`: a health check; exactly one of `exec`, `httpGet`, `tcpSocket` and `grpc` is set.
public struct Probe: Codable, Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var grpc: GRPCAction?
    public var initialDelaySeconds: Int32?
    /// Defaults to 1.
    public var timeoutSeconds: Int32?
    /// Defaults to 10.
    public var periodSeconds: Int32?
    /// Defaults to 1; must be 1 for liveness and startup probes.
    public var successThreshold: Int32?
    /// Defaults to 3.
    public var failureThreshold: Int32?
    /// Overrides the pod's grace period when this probe fails.
    public var terminationGracePeriodSeconds: Int64?

    public init(
        exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil,
        grpc: GRPCAction? = nil, initialDelaySeconds: Int32? = nil, timeoutSeconds: Int32? = nil,
        periodSeconds: Int32? = nil, successThreshold: Int32? = nil, failureThreshold: Int32? = nil,
        terminationGracePeriodSeconds: Int64? = nil
    ) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.grpc = grpc
        self.initialDelaySeconds = initialDelaySeconds
        self.timeoutSeconds = timeoutSeconds
        self.periodSeconds = periodSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
    }
}

/// `core/v1.ExecAction`: a command run in the container (not in a shell).
public struct ExecAction: Codable, Sendable, Hashable {
    public var command: [String]?

    public init(command: [String]? = nil) {
        self.command = command
    }
}

/// `core/v1.URIScheme`.
public enum URIScheme: String, StringEnum {
    case http = "HTTP"
    case https = "HTTPS"
}

/// `core/v1.HTTPGetAction`: an HTTP GET request.
public struct HTTPGetAction: Codable, Sendable, Hashable {
    public var path: String?
    /// A port number or a named container port.
    public var port: IntOrString
    /// The host to connect to; defaults to the pod IP.
    public var host: String?
    /// Defaults to `HTTP`.
    public var scheme: URIScheme?
    public var httpHeaders: [HTTPHeader]?

    public init(
        path: String? = nil, port: IntOrString, host: String? = nil, scheme: URIScheme? = nil,
        httpHeaders: [HTTPHeader]? = nil
    ) {
        self.path = path
        self.port = port
        self.host = host
        self.scheme = scheme
        self.httpHeaders = httpHeaders
    }
}

/// `core/v1.HTTPHeader`.
public struct HTTPHeader: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// `core/v1.TCPSocketAction`: opening a TCP connection.
public struct TCPSocketAction: Codable, Sendable, Hashable {
    /// A port number or a named container port.
    public var port: IntOrString
    /// The host to connect to; defaults to the pod IP.
    public var host: String?

    public init(port: IntOrString, host: String? = nil) {
        self.port = port
        self.host = host
    }
}

/// `core/v1.GRPCAction`: a gRPC health check.
public struct GRPCAction: Codable, Sendable, Hashable {
    public var port: Int32
    /// The service name in the HealthCheckRequest.
    public var service: String?

    public init(port: Int32, service: String? = nil) {
        self.port = port
        self.service = service
    }
}

/// `core/v1.SleepAction`.
public struct SleepAction: Codable, Sendable, Hashable {
    public var seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }
}

/// `core/v1.Lifecycle`: actions taken at container start and stop.
public struct Lifecycle: Codable, Sendable, Hashable {
    public var postStart: LifecycleHandler?
    public var preStop: LifecycleHandler?
    /// The signal sent to stop the container, such as `SIGTERM`.
    public var stopSignal: String?

    public init(postStart: LifecycleHandler? = nil, preStop: LifecycleHandler? = nil, stopSignal: String? = nil) {
        self.postStart = postStart
        self.preStop = preStop
        self.stopSignal = stopSignal
    }
}

/// `core/v1.LifecycleHandler`: one lifecycle action.
public struct LifecycleHandler: Codable, Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    /// Deprecated and not supported; kept for compatibility.
    public var tcpSocket: TCPSocketAction?
    public var sleep: SleepAction?

    public init(
        exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil,
        sleep: SleepAction? = nil
    ) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.sleep = sleep
    }
}
