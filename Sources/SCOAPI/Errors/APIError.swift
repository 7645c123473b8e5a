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
    /// A request header with a value the API cannot use.
    case badHeader(name: String, detail: String)
    /// A write sent to a read-only replica: a 307 to the primary when it is known, else 421.
    case readOnlyReplica(primaryURL: String?, target: String)
    /// An `Idempotency-Key` already used by this token for a different request.
    case idempotencyKeyReused(key: String)
    /// A durable write Litestream did not confirm on the replica store; `committed` says
    /// whether the primary committed it (it did when the confirmation failed after the commit).
    case notReplicated(committed: Bool, seq: Int?, reason: String)
    /// A read asked for a change sequence this replica has not reached in the time allowed.
    case behindSequence(seq: Int, wanted: Int, waited: Duration)

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
        case .badHeader: .badRequest
        case .readOnlyReplica(let primary, _): primary == nil ? .misdirectedRequest : .temporaryRedirect
        case .idempotencyKeyReused: .unprocessableContent
        case .notReplicated, .behindSequence: .serviceUnavailable
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
        case .badHeader: "/problems/bad-header"
        case .readOnlyReplica: "/problems/read-only-replica"
        case .idempotencyKeyReused: "/problems/idempotency-key-reused"
        case .notReplicated: "/problems/not-replicated"
        case .behindSequence: "/problems/replica-behind"
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
        case .badHeader(let name, let detail): "Header '\(name)': \(detail)"
        case .readOnlyReplica(let primary, _):
            if let primary {
                "This server is a read-only replica; writes go to the primary, \(primary)."
            } else {
                "This server is a read-only replica; send writes to the primary (this replica was not told its address: --primary-url)."
            }
        case .idempotencyKeyReused(let key):
            "The Idempotency-Key '\(key)' was already used by this token for a different request (method, path or body); use a new key for a new request."
        case .notReplicated(let committed, let seq, let reason):
            committed
                ? "The write was committed on the primary\(seq.map { " (change \($0))" } ?? "") but the replica store did not confirm it in time (\(reason)), so it would be lost with the primary's disk. Retry with the same Idempotency-Key: the retry answers the first write's result once it is confirmed, and never writes twice."
                : "Nothing was written: the primary cannot reach Litestream to replicate writes (\(reason)). Retry later."
        case .behindSequence(let seq, let wanted, let waited):
            "This replica is at change \(seq) and did not reach \(wanted) within \(waited); retry, or read from the primary."
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
        case .badHeader(let name, _):
            json.key("header")
            json.string(name)
        case .notReplicated(let committed, let seq, _):
            json.key("committed")
            json.bool(committed)
            if let seq {
                json.key("seq")
                json.int(seq)
            }
        case .behindSequence(let seq, let wanted, _):
            json.key("seq")
            json.int(seq)
            json.key("wanted")
            json.int(wanted)
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
        case .unavailable, .notReplicated, .behindSequence:
            response.headers.set(.retryAfter, "1")
        case .readOnlyReplica(let primary?, let target):
            response.headers.set(.location, (primary.hasSuffix("/") ? String(primary.dropLast()) : primary) + target)
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
    /// 307 Temporary Redirect (RFC 9110 §15.4.8): the same method and body, sent elsewhere.
    static let temporaryRedirect = HTTPStatus(code: 307, reasonPhrase: "Temporary Redirect")
    /// 421 Misdirected Request (RFC 9110 §15.5.20): this server cannot answer for the target.
    static let misdirectedRequest = HTTPStatus(code: 421, reasonPhrase: "Misdirected Request")
}
