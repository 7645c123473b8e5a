import ContentCoding
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
        if let field = request.headers["SCO-Min-Seq"], request.method == .get || request.method == .head {
            guard let wanted = Int(field.trimmingOWS()), wanted >= 0 else {
                throw APIError.badHeader(name: "SCO-Min-Seq", detail: "must be a change sequence, a whole number; got '\(field)'.")
            }
            try awaitSequence(wanted)
            if service.replication.role == .replica { exchange.seq = replicaSequence() }
        }
        let route: Route
        let parameters: PathParameters
        switch service.router.resolve(request) {
        case .answered(let response, let pattern, let allow):
            if let pattern { exchange.route = pattern }
            if request.method != .options { try limit(&exchange, service.configuration.rateLimits.reads) }
            if request.method == .options, pattern != nil {
                return preflight(response, request: request, allow: allow)
            }
            return response
        case .matched(let matched, let captured, let pattern):
            exchange.route = pattern
            route = matched
            parameters = captured
        }
        let limits = service.configuration.rateLimits
        switch route.caching {
        case .never: break
        case .write:
            if service.replication.role == .replica {
                throw APIError.readOnlyReplica(primaryURL: service.replication.settings.primaryURL, target: request.target)
            }
            try limit(&exchange, limits.writes)
        case .byDataVersion: try limit(&exchange, route.pattern == "/v1/search" ? limits.search : limits.reads)
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
        let coding = service.configuration.compression
            ? ContentCoding.preferred(request.headers[.acceptEncoding]) : ContentCoding.identity
        // On a replica a cached body is keyed by the sequence it was read at too, so the body
        // served always matches its SCO-Seq.
        let snapshot = exchange.seq.map { "\u{1}\($0)" } ?? ""
        let key = cache.isEnabled ? request.target + "\u{1}" + representation.rawValue + snapshot : ""
        if cache.isEnabled, let entry = cache.lookup(key, version: version) {
            exchange.cacheHit = true
            exchange.replayVersion = version
            return selected(entry, key: key, coding: coding, request: request)
        }
        var response = try route.handler(&call)
        guard response.status == .ok else { return response }
        let etag = EntityTag.make(for: response.body, representation: representation)
        response.headers.set(.etag, etag)
        response.headers.set(.cacheControl, service.cacheControl)
        let entry = ResponseCache.Entry(version: version, response: response, etag: etag)
        if cache.isEnabled {
            exchange.cacheHit = false
            exchange.replayVersion = version
            cache.store(key, entry)
            return selected(entry, key: key, coding: coding, request: request)
        }
        let variant = Compressed.variant(of: response, etag: etag, coding, metrics: loopMetrics)
        return conditional(variant?.response ?? response, etag: variant?.etag ?? etag, identity: etag, request: request)
    }

    /// Counts the request against its client's quota of `policy`; throws 429 when it is spent.
    /// The client is the write token's name for a write made with a valid token, else its
    /// address (`TrustedProxies.clientAddress`).
    private func limit(_ exchange: inout Exchange, _ policy: RatePolicy) throws(APIError) {
        let limits = service.configuration.rateLimits
        guard limits.isEnabled else { return }
        let request = exchange.request
        var key = "a " + limits.trustedProxies.clientAddress(peer: exchange.context.peer, headers: request.headers)
        if policy.name == limits.writes.name, let name = try? service.authenticator.authenticate(request.headers) {
            key = "t " + name
        }
        let decision = service.rateLimiter.check(key: key, policy: policy)
        exchange.rateLimit = (policy, decision)
        guard decision.allowed else {
            loopMetrics.recordRateLimited(policy.name)
            throw .quotaExceeded(policy: policy.name, quota: policy.quota, window: policy.window, retryAfter: decision.retryAfter)
        }
    }

    /// The cached entry in `coding` (made once per entry), or as it is when that coding is not
    /// worth it, with `If-None-Match` applied.
    private func selected(_ entry: ResponseCache.Entry, key: String, coding: ContentCoding, request: HTTPRequest) -> HTTPResponse {
        if coding != .identity, let variant = cache.variant(key, of: entry, coding, metrics: loopMetrics) {
            return conditional(variant.response, etag: variant.etag, identity: entry.etag, request: request)
        }
        return conditional(entry.response, etag: entry.etag, identity: entry.etag, request: request)
    }

    /// 304 when `If-None-Match` matches (RFC 9110 §13.1.2), keeping the validator and caching
    /// fields and announcing the length a 200 would have had (§8.6).
    ///
    /// A tag of the same data in another coding (`identity` is the uncompressed one's) matches
    /// too, and the 304 then carries that tag: the client's cache holds that variant, is told
    /// it is current, and has the same data in it (304 across codings).
    private func conditional(_ response: HTTPResponse, etag: String, identity: String, request: HTTPRequest) -> HTTPResponse {
        guard let field = request.headers[.ifNoneMatch] else { return response }
        var matched: String?
        if EntityTag.noneMatchHits(field, tag: etag) {
            matched = etag
        } else {
            matched = [ContentCoding.identity, .gzip, .br].lazy.map { Compressed.etag(identity, $0) }
                .first { $0 != etag && EntityTag.noneMatchHits(field, tag: $0) }
        }
        guard let matched else { return response }
        var notModified = HTTPResponse(status: .notModified)
        notModified.headers.set(.etag, matched)
        if let cacheControl = response.headers[.cacheControl] { notModified.headers.set(.cacheControl, cacheControl) }
        if matched == etag {
            notModified.headers.set(.contentLength, String(response.body.count))
            if let encoding = response.headers["Content-Encoding"] { notModified.headers.set("Content-Encoding", encoding) }
        }
        return notModified
    }

    /// Headers every answer carries: the request id, `Vary`, no caching of errors, and CORS.
    func decorate(_ response: inout HTTPResponse, _ exchange: Exchange) {
        response.headers.set("X-Request-ID", exchange.requestID)
        if service.replication.role != .single, response.headers["SCO-Seq"] == nil, let seq = exchange.seq ?? changeSequence() {
            response.headers.set("SCO-Seq", String(seq))
        }
        if response.status.code >= 400 {
            response.headers.set(.cacheControl, "no-store")
        }
        response.headers.set("Vary", service.vary)
        if let (policy, decision) = exchange.rateLimit {
            response.headers.set("RateLimit-Policy", policy.field)
            var value: [UInt8] = []
            policy.appendRateLimit(decision, to: &value)
            response.headers.set("RateLimit", String(decoding: value, as: UTF8.self))
        }
        if let origin = corsOrigin(for: exchange.request) {
            response.headers.set("Access-Control-Allow-Origin", origin)
            response.headers.set("Access-Control-Expose-Headers", "ETag, Link, Location, X-Request-ID, Retry-After, SCO-Seq")
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
