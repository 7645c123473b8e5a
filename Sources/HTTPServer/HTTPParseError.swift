/// Why the server refused the bytes of a request; each case knows its status and a detail.
///
/// Every refusal is answered with an RFC 9457 problem document and the connection is closed,
/// because after a framing error the server cannot know where the next request would start
/// (RFC 9112 §11.2 on request smuggling).
public enum HTTPParseError: Error, Hashable, Sendable {
    /// The request line is not `method SP request-target SP HTTP-version` (RFC 9112 §3).
    case malformedRequestLine(String)
    /// A line ended in a bare LF, or a CR stood alone (RFC 9112 §2.2).
    case invalidLineTerminator
    /// The method is a token but not one the server knows (RFC 9110 §9.1).
    case unknownMethod(String)
    /// The request target is not in a form RFC 9112 §3.2 allows for this method.
    case invalidTarget(String)
    /// The request target is longer than the configured limit (RFC 9112 §3).
    case targetTooLong(limit: Int)
    /// The version is not `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3).
    case malformedVersion(String)
    /// A well-formed version other than HTTP/1.0 and HTTP/1.1 (RFC 9110 §15.6.6).
    case unsupportedVersion(String)
    /// A field line is not `field-name ":" OWS field-value OWS` (RFC 9112 §5).
    case malformedHeaderLine(String)
    /// Whitespace between a field name and its colon (RFC 9112 §5.1 requires 400).
    case whitespaceBeforeColon(String)
    /// A field line starting with whitespace: line folding is obsolete (RFC 9112 §5.2).
    case obsoleteLineFolding
    /// A control character in a field value (RFC 9110 §5.5).
    case controlCharacterInField(String)
    /// An HTTP/1.1 request without Host (RFC 9112 §3.2).
    case missingHost
    /// More than one Host field line (RFC 9112 §3.2).
    case multipleHosts
    /// A Host value that is not `uri-host [ ":" port ]` (RFC 9112 §3.2).
    case invalidHost(String)
    /// The header section is larger than the limit in bytes (RFC 6585 §5).
    case headerSectionTooLarge(limit: Int)
    /// The header section has more field lines than the limit (RFC 6585 §5).
    case tooManyHeaderFields(limit: Int)
    /// Both Content-Length and Transfer-Encoding (RFC 9112 §6.3 point 3).
    case contentLengthWithTransferEncoding
    /// Content-Length values that differ (RFC 9112 §6.3 point 5).
    case conflictingContentLengths
    /// A Content-Length that is not a plain decimal (RFC 9110 §8.6).
    case invalidContentLength(String)
    /// The declared or received body is larger than the limit (RFC 9110 §15.5.14).
    case bodyTooLarge(limit: Int)
    /// A transfer coding other than chunked (RFC 9112 §6.1: 501).
    case unsupportedTransferCoding(String)
    /// Transfer-Encoding in which chunked is missing, repeated or not last, or in HTTP/1.0 (RFC 9112 §6.1).
    case invalidTransferEncoding(String)
    /// A chunk-size line that is not `1*HEXDIG [ chunk-ext ]` (RFC 9112 §7.1).
    case invalidChunkSize
    /// A chunk size that does not fit in a machine integer.
    case chunkSizeOverflow
    /// Chunk data not followed by CRLF (RFC 9112 §7.1).
    case invalidChunkFraming
    /// A `%` escape that is not `%` HEXDIG HEXDIG, escapes NUL, or yields bytes that are not UTF-8.
    case malformedPercentEncoding(String)
    /// An Expect value other than 100-continue (RFC 9110 §10.1.1).
    case unsupportedExpectation(String)

    /// The status the refusal is answered with.
    public var status: HTTPStatus {
        switch self {
        case .unknownMethod, .unsupportedTransferCoding: .notImplemented
        case .targetTooLong: .uriTooLong
        case .unsupportedVersion: .httpVersionNotSupported
        case .headerSectionTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedExpectation: .expectationFailed
        default: .badRequest
        }
    }

    /// A sentence for the problem document's `detail`.
    public var detail: String {
        switch self {
        case .malformedRequestLine(let reason): "The request line is malformed: \(reason)."
        case .invalidLineTerminator: "Lines must end in CRLF; a bare LF or CR was received."
        case .unknownMethod(let method): "The method '\(method)' is not implemented by this server."
        case .invalidTarget(let reason): "The request target is invalid: \(reason)."
        case .targetTooLong(let limit): "The request target is longer than \(limit) bytes."
        case .malformedVersion(let version): "The HTTP version '\(version)' is malformed."
        case .unsupportedVersion(let version): "The HTTP version '\(version)' is not supported; use HTTP/1.1."
        case .malformedHeaderLine(let reason): "A header field line is malformed: \(reason)."
        case .whitespaceBeforeColon(let name): "Whitespace between the field name '\(name)' and its colon."
        case .obsoleteLineFolding: "Header field line folding (obs-fold) is not accepted."
        case .controlCharacterInField(let name): "The field '\(name)' contains a control character."
        case .missingHost: "An HTTP/1.1 request must carry exactly one Host header field."
        case .multipleHosts: "The request carries more than one Host header field."
        case .invalidHost(let value): "The Host value '\(value)' is invalid."
        case .headerSectionTooLarge(let limit): "The header section is larger than \(limit) bytes."
        case .tooManyHeaderFields(let limit): "The header section has more than \(limit) field lines."
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding must not both be sent."
        case .conflictingContentLengths: "The request carries differing Content-Length values."
        case .invalidContentLength(let value): "The Content-Length '\(value)' is not a decimal number."
        case .bodyTooLarge(let limit): "The request body is larger than \(limit) bytes."
        case .unsupportedTransferCoding(let coding): "The transfer coding '\(coding)' is not implemented."
        case .invalidTransferEncoding(let value): "The Transfer-Encoding '\(value)' cannot frame a request."
        case .invalidChunkSize: "A chunk size line is malformed."
        case .chunkSizeOverflow: "A chunk size is too large."
        case .invalidChunkFraming: "Chunk data must be followed by CRLF."
        case .malformedPercentEncoding(let text): "The percent-encoding in '\(text)' is malformed."
        case .unsupportedExpectation(let value): "The expectation '\(value)' is not supported."
        }
    }
}
