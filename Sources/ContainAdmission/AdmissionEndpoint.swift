import ContainModel
import ContainPolicy

/// The webhook's request handling without sockets: an AdmissionReview body in, an HTTP status
/// and a JSON body out. `/validate` judges the object as stored; `/mutate` returns the patch.
public struct AdmissionEndpoint: Sendable {
    /// Which webhook a request came to.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case validate
        case mutate

        var stage: AdmissionStage { self == .mutate ? .mutating : .validating }
    }

    /// What answering one review produced.
    public struct Answer: Sendable {
        /// 200 for every review that could be read (allowed or not); 400 otherwise.
        public var status: Int
        public var body: String
        /// The decision, when the review could be read.
        public var decision: AdmissionDecision?
        public var dryRun: Bool
    }

    public let engine: AdmissionEngine

    /// An endpoint deciding with `engine`.
    public init(engine: AdmissionEngine) { self.engine = engine }

    /// Answers one review body.
    public func answer(_ body: String, kind: Kind) -> Answer { answer(bytes: Array(body.utf8), kind: kind) }

    /// Answers one review body given as the bytes received.
    public func answer(bytes body: [UInt8], kind: Kind) -> Answer {
        let review: DecodedAdmissionReview
        do {
            review = try AdmissionReviewDecoder.decode(bytes: body)
        } catch {
            let status = AdmissionReviewEncoder.status(code: 400, message: "invalid AdmissionReview: \(error.message)")
            return Answer(status: 400, body: JSONWriter.compact(status), decision: nil, dryRun: false)
        }
        let decision = engine.review(review.request, context: AdmissionContext(stage: kind.stage))
        let response = AdmissionReviewEncoder.response(uid: review.request.uid, decision: decision, apiVersion: review.apiVersion,
                                                       mutating: kind == .mutate)
        return Answer(status: 200, body: JSONWriter.compact(response), decision: decision, dryRun: review.request.dryRun)
    }
}
