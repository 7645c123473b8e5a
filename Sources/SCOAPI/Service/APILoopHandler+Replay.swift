import HTTPServer

/// Answering a repeated request from `ReplayCache`: the same head bytes, the same data version.
extension APILoopHandler {
    var replays: Bool { replayCache.isEnabled }

    /// Keeps `response` for replay under `head` if the same bytes would get the same response
    /// again while the data stays at `version`: a cached route's 200 or 304 to a keep-alive
    /// `GET` or `HEAD` without a body that waited for no change sequence.
    func keepForReplay(_ response: HTTPResponse, head: UnsafeRawBufferPointer, version: UInt64, _ exchange: Exchange) {
        let request = exchange.request
        guard request.method == .get || request.method == .head, request.body.isEmpty, request.isKeepAlive,
              response.status == .ok || response.status == .notModified,
              !response.headers.containsToken("close", in: .connection),
              request.headers["SCO-Min-Seq"] == nil,
              service.configuration.rateLimits.isEnabled == (exchange.rateLimit != nil)
        else { return }
        let template = ResponseTemplate(
            response, requestMethod: request.method, requestVersion: request.version,
            variableFields: ReplayCache.variableFields)
        replayCache.store(ReplayCache.Entry(
            version: version, head: Array(head), template: template,
            clientRequestID: RequestIDGenerator.accepted(request.headers["X-Request-ID"]),
            policy: exchange.rateLimit?.policy, method: request.method, target: request.target, route: exchange.route,
            status: response.status.code, bodyBytes: request.method == .head ? 0 : response.body.count,
            metricsSlot: loopMetrics.requestSlot(route: exchange.route, method: request.method.rawValue, status: response.status.code)))
    }

    func replay(_ head: UnsafeRawBufferPointer, peer: String, date: [UInt8], into output: inout ResponseOutput) -> Bool {
        refreshDataVersionIfDue()
        guard let entry = replayCache.lookup(head, version: service.store.dataVersion) else { return false }
        let started = MonotonicInstant.now()
        var quota: RateLimiter.Decision?
        if let policy = entry.policy {
            // The client is the peer unless the peer is a trusted proxy, whose forwarded
            // address needs the parsed header fields: those requests take the usual way.
            let limits = service.configuration.rateLimits
            let address = TrustedProxies.host(of: peer)
            guard !limits.trustedProxies.contains(address) else { return false }
            let decision = service.rateLimiter.check(key: "a " + address, policy: policy)
            // A refusal changes no count, so the usual way decides again and answers the 429.
            guard decision.allowed else { return false }
            quota = decision
        }
        var madeID: String?
        entry.template.write(into: &output, date: date) { field, output in
            switch field {
            case ReplayCache.requestIDField:
                if let id = entry.clientRequestID {
                    output.append(contentsOf: id.utf8)
                } else {
                    let start = output.count
                    requestIDs.appendNext(to: &output)
                    if accessLog.isEnabled { madeID = String(decoding: output[start...], as: UTF8.self) }
                }
            case ReplayCache.rateLimitField:
                guard let policy = entry.policy, let quota else { return }
                policy.appendRateLimit(quota, to: &output)
            default:
                break
            }
        }
        let elapsed = MonotonicInstant.now().microseconds(since: started)
        loopMetrics.recordReplayed(slot: entry.metricsSlot, microseconds: elapsed)
        if accessLog.isEnabled {
            accessLog.record(replayed: entry, requestID: entry.clientRequestID ?? madeID ?? "", peer: peer, microseconds: elapsed)
        }
        return true
    }
}
