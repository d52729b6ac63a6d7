import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection of the API benchmark's load generator: requests go one
/// at a time, as each of wrk's connections sends them.
final class BenchConnection {
    /// Where the server listens, and the bearer token to send, if any.
    struct Endpoint: Sendable {
        var host: String
        var port: Int
        var token: String?
    }

    /// A response: status code and the whole body.
    struct Response {
        var status: Int
        var body: ByteBuffer
    }

    let endpoint: Endpoint
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    private init(endpoint: Endpoint, inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>,
                 outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>) {
        self.endpoint = endpoint
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    /// Opens a connection, runs `body` with it, and closes it.
    static func with<T>(_ endpoint: Endpoint, _ body: (BenchConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(BenchConnection(endpoint: endpoint, inbound: inbound, outbound: outbound))
        }
    }

    /// Sends a request without waiting for its response.
    func send(_ method: HTTPMethod, _ uri: String, body: ByteBuffer? = nil, contentType: String = "application/json") async throws {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
        head.headers.add(name: "Host", value: "\(endpoint.host):\(endpoint.port)")
        head.headers.add(name: "Accept", value: "application/json")
        head.headers.add(name: "User-Agent", value: "contain-bench")
        if let token = endpoint.token { head.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            head.headers.add(name: "Content-Type", value: contentType)
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(body)), .end(nil)])
        } else {
            try await outbound.write(contentsOf: [.head(head), .end(nil)])
        }
    }

    /// Sends a request and reads its whole response.
    func request(_ method: HTTPMethod, _ uri: String, body: ByteBuffer? = nil) async throws -> Response {
        try await send(method, uri, body: body)
        var status = 0
        var collected = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case .head(let head): status = Int(head.status.code)
            case .body(var chunk): collected.writeBuffer(&chunk)
            case .end: return Response(status: status, body: collected)
            }
        }
        throw BenchError("the server closed the connection")
    }

    /// The next part of a streaming response (a watch), `nil` when the connection closed.
    func nextPart() async throws -> HTTPClientResponsePart? {
        try await inbound.next()
    }
}

/// A benchmark failure with a message a person can act on.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
