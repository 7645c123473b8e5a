/// A handler: a request and its context in, a response out; thrown errors become responses.
public typealias HTTPHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// What `Router.route(_:)` found for a request.
public typealias RouteResult = Router.RouteResult

/// Routes requests by method and path pattern to handlers (pattern syntax: see `RouteTable`).
public struct Router: Sendable {
    /// What `route(_:)` found for a request.
    public enum RouteResult: Sendable {
        case matched(HTTPHandler, PathParameters)
        case notFound
        /// The path exists but not for this method; `allow` lists what it does take.
        case methodNotAllowed(allow: [HTTPMethod])
    }

    private var table = RouteTable<HTTPHandler>()

    public init() {}

    /// Every registered (method, pattern), in the order added (HEAD and OPTIONS that the router
    /// answers by itself are not listed).
    public var routes: [(method: HTTPMethod, pattern: String)] { table.routes }

    /// Registers `handler` for `method` on `pattern`.
    ///
    /// A malformed pattern, or a second handler for the same method and pattern, is a
    /// programmer error and traps.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        table.add(method, pattern, handler)
    }

    /// Finds the handler for a request; HEAD falls back to the GET handler (RFC 9110 §9.3.2).
    public func route(_ request: HTTPRequest) -> RouteResult {
        switch table.match(request) {
        case .matched(let handler, let parameters, _): .matched(handler, parameters)
        case .notFound: .notFound
        case .methodNotAllowed(let allow, _): .methodNotAllowed(allow: allow)
        }
    }

    /// Answers a request: the matched handler's response, or the router's own 404, 405 with
    /// `Allow`, or OPTIONS reply (204 with `Allow`; `OPTIONS *` lists every method served).
    ///
    /// A thrown `HTTPResponseError` becomes its response; any other error becomes a 500 problem
    /// that does not reveal the error.
    public func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        if request.method == .options, request.target == "*" {
            return Self.optionsResponse(allow: table.allMethods)
        }
        switch route(request) {
        case .matched(let handler, let parameters):
            do {
                return try handler(request, context.with(parameters: parameters))
            } catch let error as any HTTPResponseError {
                return error.makeResponse()
            } catch {
                return .problem(status: .internalServerError, detail: "The server could not complete the request.")
            }
        case .notFound:
            return .problem(status: .notFound, detail: "There is no resource at '\(request.path)'.")
        case .methodNotAllowed(let allow):
            if request.method == .options {
                return Self.optionsResponse(allow: allow)
            }
            var response = HTTPResponse.problem(
                status: .methodNotAllowed,
                detail: "The method \(request.method) is not allowed on '\(request.path)'."
            )
            response.headers.set(.allow, Self.allowValue(allow))
            return response
        }
    }

    public static func optionsResponse(allow: [HTTPMethod]) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.set(.allow, allowValue(allow))
        return response
    }

    public static func allowValue(_ methods: [HTTPMethod]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }
}
