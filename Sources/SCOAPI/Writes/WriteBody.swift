import HTTPServer
import SCOData

/// The JSON body of a write: its media type checked, its bytes parsed by the strict parser.
enum WriteBody {
    static let json = "application/json"
    static let mergePatch = "application/merge-patch+json"

    /// The parsed body. 415 for a missing or other `Content-Type` (PATCH also takes
    /// `application/merge-patch+json`, RFC 7396 §4; a `charset` must be UTF-8, RFC 8259 §8.1),
    /// 400 for an empty body or one that is not JSON, naming the line and column.
    static func parse(_ request: HTTPRequest, acceptsMergePatch: Bool) throws(APIError) -> JSONValue {
        let accepted = acceptsMergePatch ? [mergePatch, json] : [json]
        guard let field = request.headers[.contentType], isAccepted(field, accepted) else {
            throw .unsupportedMediaType(expected: accepted.joined(separator: " or "))
        }
        guard !request.body.isEmpty else {
            throw .badBody(detail: "The request body is empty; send the record as a JSON object.")
        }
        switch JSONParser.parse(request.body) {
        case .success(let value):
            return value
        case .failure(let error):
            throw .badBody(detail: "The body is not JSON (RFC 8259): line \(error.line), column \(error.column): \(error.message).")
        }
    }

    /// Whether `field` names one of `accepted`, with no parameter but a UTF-8 `charset`.
    static func isAccepted(_ field: String, _ accepted: [String]) -> Bool {
        let parts = field.split(separator: ";", omittingEmptySubsequences: false).map { String($0.trimmingOWS()).lowercased() }
        guard let type = parts.first, accepted.contains(type) else { return false }
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { return false }
            let name = String(parameter[..<equals].trimmingOWS())
            var value = String(parameter[parameter.index(after: equals)...].trimmingOWS())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard name == "charset", value == "utf-8" || value == "utf8" else { return false }
        }
        return true
    }
}
