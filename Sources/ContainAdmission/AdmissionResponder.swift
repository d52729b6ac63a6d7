import ContainModel
import ContainPolicy
import Hummingbird

/// The webhook's HTTP surface: `POST /validate`, `POST /mutate`, `GET /metrics`, `GET /healthz`.
/// Every error is a `metav1.Status` body; nothing the client sends can crash the process.
public struct AdmissionResponder: HTTPResponder, Sendable {
    public typealias Context = BasicRequestContext

    public let endpoint: AdmissionEndpoint
    public let metrics: AdmissionMetrics
    public let maximumBodySize: Int

    /// A responder answering with `endpoint` and counting into `metrics`.
    public init(endpoint: AdmissionEndpoint, metrics: AdmissionMetrics, maximumBodySize: Int) {
        self.endpoint = endpoint
        self.metrics = metrics
        self.maximumBodySize = maximumBodySize
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        switch (request.method, path) {
        case (.post, "/validate"): return try await review(request, kind: .validate)
        case (.post, "/mutate"): return try await review(request, kind: .mutate)
        case (.get, "/metrics"):
            return Self.response(.ok, contentType: "text/plain; version=0.0.4", body: metrics.render())
        case (.get, "/healthz"), (.get, "/readyz"), (.get, "/livez"):
            return Self.response(.ok, contentType: "text/plain", body: "ok")
        case (_, "/validate"), (_, "/mutate"):
            return Self.status(405, "method \(request.method.rawValue) is not allowed on \(path); reviews are POSTed")
        default:
            return Self.status(404, "no endpoint \(path); the webhook serves POST /validate, POST /mutate and GET /metrics")
        }
    }

    private func review(_ request: Request, kind: AdmissionEndpoint.Kind) async throws -> Response {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodySize)
        } catch {
            metrics.record(endpoint: kind.rawValue, decision: "error", dryRun: false, seconds: 0)
            return Self.status(413, "the review is larger than \(maximumBodySize) bytes")
        }
        let start = ContinuousClock.now
        let answer = endpoint.answer(bytes: Array(buffer.readableBytesView), kind: kind)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let decision = answer.decision.map { $0.allowed ? "allowed" : "denied" } ?? "error"
        metrics.record(endpoint: kind.rawValue, decision: decision, dryRun: answer.dryRun, seconds: seconds)
        return Self.response(HTTPResponse.Status(code: answer.status), contentType: "application/json", body: answer.body)
    }

    static func status(_ code: Int, _ message: String) -> Response {
        response(HTTPResponse.Status(code: code), contentType: "application/json",
                 body: JSONWriter.compact(AdmissionReviewEncoder.status(code: code, message: message)))
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        let buffer = ByteBuffer(string: body)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
