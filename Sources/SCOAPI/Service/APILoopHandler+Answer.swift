import HTTPServer
import SCOData

extension APILoopHandler {
    /// Routes, negotiates, answers from the cache when it can, and applies `If-None-Match`.
    func answer(_ exchange: inout Exchange) throws -> HTTPResponse {
        let request = exchange.request
        exchange.isCORSAllowed = corsOrigin(for: request) != nil
        if let name = QueryCredentials.credentialName(in: request.query) {
            exchange.queryCredential = name
            throw QueryCredentials.refusal(name: name)
        }
        let route: Route
        let parameters: PathParameters
        switch service.router.resolve(request) {
        case .answered(let response, let pattern, let allow):
            if let pattern { exchange.route = pattern }
            if request.method == .options, pattern != nil {
                return preflight(response, request: request, allow: allow)
            }
            return response
        case .matched(let matched, let captured, let pattern):
            exchange.route = pattern
            route = matched
            parameters = captured
        }
        let representation: Representation
        switch route.offer {
        case .negotiated(let offered): representation = try Representation.negotiate(request: request, offered: offered)
        case .fixed: representation = .json
        }
        var call = RouteCall(request: request, parameters: parameters, representation: representation, loop: self)
        guard case .byDataVersion = route.caching else {
            defer { exchange.tokenName = call.tokenName }
            return try route.handler(&call)
        }
        refreshDataVersionIfDue()
        // Read the version before the data: a commit in between labels newer data with an
        // older version, which only costs a rebuild on the next request, never a stale hit.
        let version = service.store.dataVersion
        let key = cache.isEnabled ? request.target + "\u{1}" + representation.rawValue : ""
        if cache.isEnabled, let entry = cache.lookup(key, version: version) {
            exchange.cacheHit = true
            return conditional(entry.response, etag: entry.etag, request: request)
        }
        var response = try route.handler(&call)
        guard response.status == .ok else { return response }
        let etag = EntityTag.make(for: response.body, representation: representation)
        response.headers.set(.etag, etag)
        response.headers.set(.cacheControl, service.cacheControl)
        if cache.isEnabled {
            exchange.cacheHit = false
            cache.store(key, ResponseCache.Entry(version: version, response: response, etag: etag))
        }
        return conditional(response, etag: etag, request: request)
    }

    /// 304 when `If-None-Match` matches (RFC 9110 §13.1.2), keeping the validator and caching
    /// fields and announcing the length a 200 would have had (§8.6).
    private func conditional(_ response: HTTPResponse, etag: String, request: HTTPRequest) -> HTTPResponse {
        guard let field = request.headers[.ifNoneMatch], EntityTag.noneMatchHits(field, tag: etag) else {
            return response
        }
        var notModified = HTTPResponse(status: .notModified)
        notModified.headers.set(.etag, etag)
        if let cacheControl = response.headers[.cacheControl] { notModified.headers.set(.cacheControl, cacheControl) }
        notModified.headers.set(.contentLength, String(response.body.count))
        return notModified
    }

    /// Headers every answer carries: the request id, `Vary`, no caching of errors, and CORS.
    func decorate(_ response: inout HTTPResponse, _ exchange: Exchange) {
        response.headers.set("X-Request-ID", exchange.requestID)
        if response.status.code >= 400 {
            response.headers.set(.cacheControl, "no-store")
        }
        if !service.configuration.corsOrigins.isEmpty {
            response.headers.set("Vary", "Accept, Origin")
        } else {
            response.headers.set("Vary", "Accept")
        }
        if let origin = corsOrigin(for: exchange.request) {
            response.headers.set("Access-Control-Allow-Origin", origin)
            response.headers.set("Access-Control-Expose-Headers", "ETag, Link, Location, X-Request-ID, Retry-After")
        }
    }

    /// The value of `Access-Control-Allow-Origin` for this request, or nil when CORS does not
    /// apply: no `Origin`, or one the configuration does not allow.
    func corsOrigin(for request: HTTPRequest) -> String? {
        let allowed = service.configuration.corsOrigins
        guard !allowed.isEmpty, let origin = request.headers["Origin"] else { return nil }
        if allowed.contains("*") { return "*" }
        return allowed.contains(origin) ? origin : nil
    }

    /// The router's answer to OPTIONS on a route, and for a CORS preflight from an allowed
    /// origin the `Access-Control-Allow-*` fields with `Access-Control-Max-Age`.
    private func preflight(_ response: HTTPResponse, request: HTTPRequest, allow: [HTTPMethod]) -> HTTPResponse {
        guard corsOrigin(for: request) != nil, request.headers["Access-Control-Request-Method"] != nil else {
            return response
        }
        var response = response
        response.headers.set("Access-Control-Allow-Methods", Router<Route>.allowValue(allow))
        response.headers.set(
            "Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, If-Match, If-None-Match, X-Request-ID")
        response.headers.set("Access-Control-Max-Age", String(service.configuration.corsMaxAge))
        return response
    }
}
