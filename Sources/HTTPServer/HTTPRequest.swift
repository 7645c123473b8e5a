/// A complete HTTP request: head and body, the body already de-chunked.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received (RFC 9112 §3.2).
    public var target: String
    /// The percent-decoded path; an absolute-form target is reduced to its path.
    public var path: String
    /// The percent-decoded path segments, so `%2F` inside a segment does not split it.
    public var pathSegments: [String]
    /// The decoded query parameters, repeated names kept.
    public var query: QueryParameters
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The body: the Content-Length bytes, or the chunks joined (trailers dropped).
    public var body: [UInt8]

    /// Makes a request, parsing `target` as the server would (useful in tests and in-process calls).
    public init(
        method: HTTPMethod = .get,
        target: String,
        version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = []
    ) throws(HTTPParseError) {
        let parsed = try RequestTarget.parse(target, method: method)
        self.init(method: method, target: target, parsedTarget: parsed, version: version, headers: headers, body: body)
    }

    init(
        method: HTTPMethod, target: String, parsedTarget: RequestTarget,
        version: HTTPVersion, headers: HTTPHeaders, body: [UInt8]
    ) {
        self.method = method
        self.target = target
        self.path = parsedTarget.path
        self.pathSegments = parsedTarget.segments
        self.query = parsedTarget.query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// Whether the client asked to keep the connection open after this request (RFC 9112 §9.3):
    /// HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    public var isKeepAlive: Bool {
        switch version {
        case .http1_1: !headers.containsToken("close", in: .connection)
        case .http1_0:
            headers.containsToken("keep-alive", in: .connection) && !headers.containsToken("close", in: .connection)
        }
    }
}
