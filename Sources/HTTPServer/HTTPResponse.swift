import JSONText

/// A response as a handler builds it: status, header fields and body bytes.
///
/// The server completes it on the wire: it adds `Date` and `Content-Length` (from `body.count`,
/// unless the handler set `Content-Length` itself, as it must for a 304 or for a HEAD answered
/// without the body), adds `Connection: close` when the connection is closing, and sends no
/// body for HEAD, 1xx, 204 and 304 (RFC 9110 §6.4.1, §8.6, §9.3.2).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Makes a response whose body is the UTF-8 of `body`.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: String) {
        self.init(status: status, headers: headers, body: Array(body.utf8))
    }
}

extension HTTPResponse {
    /// The media type of problem details (RFC 9457 §3).
    public static let problemContentType = "application/problem+json"

    /// Makes an RFC 9457 problem document: `type`, `title` (the status phrase), `status`, `detail`.
    ///
    /// With the default `type` of `about:blank` the title is the status's reason phrase, as
    /// RFC 9457 §4.2.1 asks.
    public static func problem(
        status: HTTPStatus, detail: String, type: String = "about:blank", title: String? = nil
    ) -> HTTPResponse {
        var json = JSONWriter(capacity: 128 + detail.utf8.count)
        json.beginObject()
        json.key("type")
        json.string(type)
        json.key("title")
        json.string(title ?? status.reasonPhrase)
        json.key("status")
        json.int(status.code)
        json.key("detail")
        json.string(detail)
        json.endObject()
        var headers = HTTPHeaders()
        headers.add(.contentType, problemContentType)
        return HTTPResponse(status: status, headers: headers, body: json.bytes)
    }
}
