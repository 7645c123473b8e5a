/// A handler: a request and its context in, a response out; thrown errors become responses.
public typealias HTTPHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// Routes requests by method and path pattern (see `RouteTrie`) to values of the application's:
/// handler closures (`Router<HTTPHandler>`), or route descriptions that carry more than a
/// closure. The one routing implementation of the server: it matches, falls back from HEAD to
/// GET, and answers by itself what no route answers: 404, 405 with `Allow`, and OPTIONS.
public struct Router<Value: Sendable>: Sendable {
    /// What `resolve(_:)` found for a request.
    public enum Resolution {
        /// A route's value, the captured parameters and the pattern that matched.
        case matched(Value, PathParameters, pattern: String)
        /// The router's own answer: 404 (no pattern), 405 with `Allow`, or OPTIONS (204 with
        /// `Allow`). `pattern` is the path's pattern when one matched; `allow`, what it takes.
        case answered(HTTPResponse, pattern: String?, allow: [HTTPMethod])
    }

    @usableFromInline var trie = RouteTrie()
    @usableFromInline var values: [Value] = []
    /// Makes the 404 for a path no route has.
    @usableFromInline let notFound: @Sendable (HTTPRequest) -> HTTPResponse

    /// A router whose 404 is `notFound`'s (by default a problem naming the path).
    public init(notFound: @escaping @Sendable (HTTPRequest) -> HTTPResponse = Self.defaultNotFound) {
        self.notFound = notFound
    }

    /// Every registered (method, pattern), in the order added (HEAD and OPTIONS that the router
    /// answers by itself are not listed).
    public var routes: [(method: HTTPMethod, pattern: String)] { trie.routes }

    /// Every value, in the order added.
    public var allValues: [Value] { values }

    /// Every method some route answers, HEAD and OPTIONS included, for `OPTIONS *`.
    public var allMethods: [HTTPMethod] { trie.allMethods }

    /// Registers `value` for `method` on `pattern`.
    ///
    /// A malformed pattern, or a second value for the same method and pattern, is a programmer
    /// error and traps.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ value: Value) {
        trie.add(method, pattern)
        values.append(value)
    }

    /// The route for a request, or the router's own answer.
    ///
    /// HEAD is answered by the GET route (RFC 9110 §9.3.2). OPTIONS is the route's when one is
    /// registered for it; otherwise 204 with `Allow` (`OPTIONS *` lists every method served). A
    /// path whose pattern exists without the method is a 405 with `Allow`, closed afterwards like
    /// the core's own refusals.
    @inlinable
    public func resolve(_ request: HTTPRequest) -> Resolution {
        if request.method == .options, request.target == "*" {
            let allow = trie.allMethods
            return .answered(Self.optionsResponse(allow: allow), pattern: nil, allow: allow)
        }
        switch trie.match(request) {
        case .matched(let route, let parameters, let pattern):
            return .matched(values[route], parameters, pattern: pattern)
        case .notFound:
            return .answered(notFound(request), pattern: nil, allow: [])
        case .methodNotAllowed(let allow, let pattern):
            if request.method == .options {
                return .answered(Self.optionsResponse(allow: allow), pattern: pattern, allow: allow)
            }
            var response = HTTPResponse.problem(
                status: .methodNotAllowed,
                detail: "\(request.method) is not allowed on '\(request.path)'; it allows \(Self.allowValue(allow)).")
            response.headers.set(.allow, Self.allowValue(allow))
            response.headers.set(.connection, "close")
            return .answered(response, pattern: pattern, allow: allow)
        }
    }

    /// A 404 problem naming the path.
    public static func defaultNotFound(_ request: HTTPRequest) -> HTTPResponse {
        .problem(status: .notFound, detail: "There is no resource at '\(request.path)'.")
    }

    /// 204 with `Allow`.
    public static func optionsResponse(allow: [HTTPMethod]) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.set(.allow, allowValue(allow))
        return response
    }

    /// `Allow`'s value: the methods, comma-separated.
    public static func allowValue(_ methods: [HTTPMethod]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }
}

extension Router where Value == HTTPHandler {
    /// Answers a request: the matched handler's response, or the router's own.
    ///
    /// A thrown `HTTPResponseError` becomes its response; any other error becomes a 500 problem
    /// that does not reveal the error.
    public func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        switch resolve(request) {
        case .matched(let handler, let parameters, _):
            do {
                return try handler(request, context.with(parameters: parameters))
            } catch let error as any HTTPResponseError {
                return error.makeResponse()
            } catch {
                return .problem(status: .internalServerError, detail: "The server could not complete the request.")
            }
        case .answered(let response, _, _):
            return response
        }
    }
}
