import HTTPServer
import JSONText

/// One event loop's access log: a JSON line per request, written in batches.
///
/// Lines are written straight into the loop's own buffer, no value made per field, and go out
/// in one `write(2)` when the loop has handled what its last wake-up brought (`flush()`), or
/// sooner past 32 KiB, so a busy loop does not pay a system call per request and an idle one
/// leaves nothing unwritten.
final class AccessLog {
    let logger: Logger
    let isEnabled: Bool
    /// Touched only on the loop's thread, one call at a time (see `APILoopHandler`).
    @exclusivity(unchecked) private var lines = JSONWriter(capacity: 1024)
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
        logger.write(.info, "request", into: &lines) { json in
            json.key("requestId")
            json.string(requestID)
            json.key("method")
            json.string(method.rawValue)
            json.key("target")
            json.string(target)
            json.key("route")
            json.string(route)
            json.key("status")
            json.int(status)
            json.key("bytes")
            json.int(bytes)
            json.key("durationUs")
            json.int(microseconds)
            json.key("peer")
            json.string(peer)
            if let cacheHit {
                json.key("cache")
                json.string(cacheHit ? "hit" : "miss")
            }
            if let token {
                json.key("token")
                json.string(token)
            }
        }
        endLine()
    }

    func recordRefusal(response: HTTPResponse, peer: String) {
        guard isEnabled else { return }
        logger.write(.info, "refused", into: &lines) { json in
            json.key("status")
            json.int(response.status.code)
            json.key("bytes")
            json.int(response.body.count)
            json.key("peer")
            json.string(peer)
        }
        endLine()
    }

    private func endLine() {
        lines.newline()
        if lines.byteCount >= Self.flushThreshold { flush() }
    }

    /// Writes what is buffered.
    func flush() {
        guard lines.byteCount > 0 else { return }
        lines.withBytes { logger.sink.write(lines: $0) }
        lines.removeAll()
    }
}
