import JSONText
import HTTPServer

/// A request the API cannot answer as asked, with the RFC 9457 problem it answers instead.
///
/// Every 4xx the API itself decides is one of these; `parameter` names the query parameter at
/// fault, so a client can tell `limit=abc` from `sort=nope` without reading prose.
public enum APIError: Error, HTTPResponseError, Equatable {
    /// A query parameter is unknown, repeated where it may not be, or has a bad value (400).
    case badParameter(name: String, detail: String)
    /// The resource or record does not exist (404).
    case notFound(detail: String)
    /// No representation the resource offers matches `Accept` (406).
    case notAcceptable(offered: [String])
    /// The request body is not JSON, or not the shape the endpoint takes (400).
    case badBody(detail: String)
    /// The body is JSON but its fields are invalid; each with a JSON Pointer (422).
    case invalidFields([FieldProblem])
    /// `Content-Type` is not one the endpoint reads (415).
    case unsupportedMediaType(expected: String)
    /// No or a wrong bearer token (401, with `WWW-Authenticate: Bearer`).
    case unauthorized(detail: String)
    /// Writes are turned off because no token is configured (403).
    case writesDisabled
    /// `If-Match` names a representation that is no longer current (412).
    case preconditionFailed(detail: String)
    /// A write to an existing record came without `If-Match` (428, RFC 6585 §3).
    case preconditionRequired(detail: String)
    /// A record with this id exists already, or the write would break other records (409).
    case conflict(detail: String)
    /// The database cannot answer now (503, with `Retry-After`).
    case unavailable(detail: String)
    /// The client has spent its quota of this class of routes (429, with `Retry-After`).
    case quotaExceeded(policy: String, quota: Int, window: Int, retryAfter: Int)

    /// One invalid field of a request body.
    public struct FieldProblem: Equatable, Sendable {
        /// A JSON Pointer (RFC 6901) to the field: `/date/value`.
        public var pointer: String
        public var detail: String

        public init(pointer: String, detail: String) {
            self.pointer = pointer
            self.detail = detail
        }
    }

    public var status: HTTPStatus {
        switch self {
        case .badParameter, .badBody: .badRequest
        case .notFound: .notFound
        case .notAcceptable: .notAcceptable
        case .invalidFields: .unprocessableContent
        case .unsupportedMediaType: .unsupportedMediaType
        case .unauthorized: .unauthorized
        case .writesDisabled: .forbidden
        case .preconditionFailed: .preconditionFailed
        case .preconditionRequired: .preconditionRequired
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        case .quotaExceeded: .tooManyRequests
        }
    }

    /// The problem type: a stable URI per kind of error, relative to the API (RFC 9457 §3.1.1).
    var type: String {
        switch self {
        case .badParameter: "/problems/bad-parameter"
        case .notFound: "/problems/not-found"
        case .notAcceptable: "/problems/not-acceptable"
        case .badBody: "/problems/bad-body"
        case .invalidFields: "/problems/invalid-fields"
        case .unsupportedMediaType: "/problems/unsupported-media-type"
        case .unauthorized: "/problems/unauthorized"
        case .writesDisabled: "/problems/writes-disabled"
        case .preconditionFailed: "/problems/precondition-failed"
        case .preconditionRequired: "/problems/precondition-required"
        case .conflict: "/problems/conflict"
        case .unavailable: "/problems/unavailable"
        // The type the IETF rate-limit draft registers (draft-ietf-httpapi-ratelimit-headers).
        case .quotaExceeded: "https://iana.org/assignments/http-problem-types#quota-exceeded"
        }
    }

    var detail: String {
        switch self {
        case .badParameter(let name, let detail): "Query parameter '\(name)': \(detail)"
        case .notFound(let detail): detail
        case .notAcceptable(let offered):
            "None of the media types in Accept is offered here; this resource offers \(offered.joined(separator: ", "))."
        case .badBody(let detail): detail
        case .invalidFields(let problems):
            problems.count == 1 ? "1 field is invalid." : "\(problems.count) fields are invalid."
        case .unsupportedMediaType(let expected): "This endpoint reads a body of type \(expected)."
        case .unauthorized(let detail): detail
        case .writesDisabled:
            "Writes are disabled: the server has no API tokens configured (set SCO_API_TOKENS or --tokens-file)."
        case .preconditionFailed(let detail): detail
        case .preconditionRequired(let detail): detail
        case .conflict(let detail): detail
        case .unavailable(let detail): detail
        case .quotaExceeded(let policy, let quota, let window, let retryAfter):
            "This client has made more than \(quota) \(policy) requests in \(window) seconds; try again in \(retryAfter) s."
        }
    }

    public func makeResponse() -> HTTPResponse {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.key("type")
        json.string(type)
        json.key("title")
        json.string(status.reasonPhrase)
        json.key("status")
        json.int(status.code)
        json.key("detail")
        json.string(detail)
        switch self {
        case .badParameter(let name, _):
            json.key("parameter")
            json.string(name)
        case .notAcceptable(let offered):
            json.key("offered")
            json.stringArray(offered)
        case .invalidFields(let problems):
            json.key("errors")
            json.beginArray()
            for problem in problems {
                json.beginObject()
                json.key("pointer")
                json.string(problem.pointer)
                json.key("detail")
                json.string(problem.detail)
                json.endObject()
            }
            json.endArray()
        default:
            break
        }
        json.endObject()
        var response = HTTPResponse(status: status, body: json.bytes)
        response.headers.set(.contentType, HTTPResponse.problemContentType)
        switch self {
        case .unauthorized:
            response.headers.set("WWW-Authenticate", "Bearer realm=\"sco-api\"")
        case .unavailable:
            response.headers.set(.retryAfter, "1")
        case .quotaExceeded(_, _, _, let retryAfter):
            response.headers.set(.retryAfter, String(retryAfter))
        default:
            break
        }
        return response
    }
}

extension HTTPStatus {
    /// 428 Precondition Required (RFC 6585 §3).
    static let preconditionRequired = HTTPStatus(code: 428, reasonPhrase: "Precondition Required")
}
