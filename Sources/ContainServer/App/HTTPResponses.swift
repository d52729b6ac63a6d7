import Foundation
import ContainModel
import HTTPTypes
import Hummingbird

/// Builds JSON responses.
enum HTTPResponses {
    static let warningName = HTTPField.Name("Warning")!  // a constant, valid token

    /// A JSON body with a status code, content type and `Warning: 299` headers.
    static func json(_ text: String, code: Int = 200, contentType: String = "application/json", warnings: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for warning in warnings {
            let escaped = warning.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            headers.append(HTTPField(name: warningName, value: "299 - \"\(escaped)\""))
        }
        return Response(status: HTTPResponse.Status(code: code), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: JSONValue, code: Int = 200, contentType: String = "application/json", warnings: [String] = []) -> Response {
        json(JSONWriter.compact(value), code: code, contentType: contentType, warnings: warnings)
    }

    /// The Status body of an error.
    static func error(_ error: APIError) -> Response {
        let value = (try? ValueEncoder().encode(error.status)) ?? .object(JSONObject())
        return json(value, code: error.code)
    }
}
