/// A handler: a request and its context in, a response out; thrown errors become responses.
public typealias HTTPHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// What `Router.route(_:)` found for a request.
public typealias RouteResult = Router.RouteResult

/// Routes requests by method and path pattern to handlers.
///
/// Patterns are `/`-separated segments: a literal (`member-states`), a parameter (`{code}`) that
/// captures any one decoded segment, or a typed parameter (`{id:int}`) that captures only
/// decimal integers. Literal segments win over parameters; a typed parameter is tried before
/// an untyped one. Matching works on decoded segments, so `%2F` never splits a segment.
public struct Router: Sendable {
    /// What `route(_:)` found for a request.
    public enum RouteResult: Sendable {
        case matched(HTTPHandler, PathParameters)
        case notFound
        /// The path exists but not for this method; `allow` lists what it does take.
        case methodNotAllowed(allow: [HTTPMethod])
    }

    private var root = RouteNode()
    private var registered: [(method: HTTPMethod, pattern: String)] = []

    public init() {}

    /// Every registered (method, pattern), in the order added (HEAD and OPTIONS that the router
    /// answers by itself are not listed).
    public var routes: [(method: HTTPMethod, pattern: String)] { registered }

    /// Registers `handler` for `method` on `pattern`.
    ///
    /// A malformed pattern, or a second handler for the same method and pattern, is a
    /// programmer error and traps.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        let segments = RouteSegment.parse(pattern)
        root.insert(segments[...], method: method, handler: handler, pattern: pattern)
        registered.append((method: method, pattern: pattern))
    }

    /// Finds the handler for a request; HEAD falls back to the GET handler (RFC 9110 §9.3.2).
    public func route(_ request: HTTPRequest) -> RouteResult {
        var parameters = PathParameters()
        guard let node = root.find(request.pathSegments[...], parameters: &parameters) else {
            return .notFound
        }
        if let handler = node.handlers[request.method] {
            return .matched(handler, parameters)
        }
        if request.method == .head, let handler = node.handlers[.get] {
            return .matched(handler, parameters)
        }
        return .methodNotAllowed(allow: node.allowedMethods)
    }

    /// Answers a request: the matched handler's response, or the router's own 404, 405 with
    /// `Allow`, or OPTIONS reply (204 with `Allow`; `OPTIONS *` lists every method served).
    ///
    /// A thrown `HTTPResponseError` becomes its response; any other error becomes a 500 problem
    /// that does not reveal the error.
    public func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        if request.method == .options, request.target == "*" {
            return Self.optionsResponse(allow: root.allMethods)
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

    static func optionsResponse(allow: [HTTPMethod]) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers.set(.allow, allowValue(allow))
        return response
    }

    static func allowValue(_ methods: [HTTPMethod]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }
}
