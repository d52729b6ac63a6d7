import ContainModel
import Foundation

/// Writes the response half of an AdmissionReview: only `uid`, `allowed`, `status`, `warnings`,
/// `auditAnnotations` and the patch — never an echo of the request.
public enum AdmissionReviewEncoder {
    /// The AdmissionReview answering review `uid` (in `apiVersion`) with `decision`; the patch is
    /// included only when `mutating` and non-empty, as base64 with `patchType: JSONPatch`.
    public static func response(uid: String, decision: AdmissionDecision, apiVersion: String = "admission.k8s.io/v1",
                                mutating: Bool) -> JSONValue {
        var response: JSONObject = ["uid": .string(uid), "allowed": .bool(decision.allowed)]
        if !decision.allowed {
            response["status"] = .object([
                "metadata": .object([:]), "status": "Failure", "message": .string(decision.message),
                "reason": .string(reason(for: decision.code)), "code": .integer(Int64(decision.code)),
            ])
        }
        if !decision.warnings.isEmpty { response["warnings"] = .array(decision.warnings.map(JSONValue.string)) }
        if !decision.auditAnnotations.isEmpty {
            response["auditAnnotations"] = .object(JSONObject(decision.auditAnnotations.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        }
        if mutating && decision.allowed && !decision.patch.isEmpty {
            let patch = JSONWriter.compact(PatchOperation.document(decision.patch))
            response["patchType"] = "JSONPatch"
            response["patch"] = .string(Data(patch.utf8).base64EncodedString())
        }
        return .object(["apiVersion": .string(apiVersion), "kind": "AdmissionReview", "response": .object(response)])
    }

    /// A `metav1.Status` body for an HTTP error (a review that could not be read).
    public static func status(code: Int, message: String) -> JSONValue {
        .object([
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]), "status": "Failure",
            "message": .string(message), "reason": .string(reason(for: code)), "code": .integer(Int64(code)),
        ])
    }

    static func reason(for code: Int) -> String {
        switch code {
        case 400: "BadRequest"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 413: "RequestEntityTooLarge"
        case 415: "UnsupportedMediaType"
        default: code >= 500 ? "InternalError" : "Invalid"
        }
    }
}
