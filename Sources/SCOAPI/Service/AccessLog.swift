import HTTPServer

/// One event loop's access log: a JSON line per request, written in batches.
///
/// Lines collect in the loop's own buffer and go out in one `write(2)` when the loop has
/// handled what its last wake-up brought (`flush()`), or sooner past 32 KiB, so a busy loop does
/// not pay a system call per request and an idle one leaves nothing unwritten.
final class AccessLog {
    let logger: Logger
    let isEnabled: Bool
    /// Touched only on the loop's thread, one call at a time (see `APILoopHandler`).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private static let flushThreshold = 32 * 1024

    init(logger: Logger, isEnabled: Bool) {
        self.logger = logger
        self.isEnabled = isEnabled && logger.isEnabled(.info)
    }

    func record(exchange: Exchange, response: HTTPResponse, microseconds: Int) {
        guard isEnabled else { return }
        let request = exchange.request
        recordRequest(
            requestID: exchange.requestID, method: request.method,
            target: exchange.queryCredential == nil ? request.target : QueryCredentials.redacted(request.target),
            route: exchange.route, status: response.status.code, bytes: request.method == .head ? 0 : response.body.count,
            microseconds: microseconds, peer: exchange.context.peer, cacheHit: exchange.cacheHit, token: exchange.tokenName)
    }

    /// A request answered by `ReplayCache`, whose entry holds what the line needs.
    func record(replayed entry: ReplayCache.Entry, requestID: String, peer: String, microseconds: Int) {
        guard isEnabled else { return }
        recordRequest(
            requestID: requestID, method: entry.method, target: entry.target, route: entry.route, status: entry.status,
            bytes: entry.bodyBytes, microseconds: microseconds, peer: peer, cacheHit: true, token: nil)
    }

    /// The line of an answered request, its fields in one order whichever way it was answered.
    private func recordRequest(
        requestID: String, method: HTTPMethod, target: String, route: String, status: Int, bytes: Int,
        microseconds: Int, peer: String, cacheHit: Bool?, token: String?
    ) {
        var fields: [(String, LogValue)] = [
            ("requestId", .string(requestID)),
            ("method", .string(method.rawValue)),
            ("target", .string(target)),
            ("route", .string(route)),
            ("status", .int(status)),
            ("bytes", .int(bytes)),
            ("durationUs", .int(microseconds)),
            ("peer", .string(peer)),
        ]
        if let cacheHit { fields.append(("cache", .string(cacheHit ? "hit" : "miss"))) }
        if let token { fields.append(("token", .string(token))) }
        append(logger.format(.info, "request", fields))
    }

    func recordRefusal(response: HTTPResponse, peer: String) {
        guard isEnabled else { return }
        append(logger.format(.info, "refused", [
            ("status", .int(response.status.code)), ("bytes", .int(response.body.count)), ("peer", .string(peer)),
        ]))
    }

    private func append(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes what is buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        logger.sink.write(batch: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
