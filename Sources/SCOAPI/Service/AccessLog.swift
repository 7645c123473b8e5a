import HTTPServer

/// One event loop's access log: a JSON line per request, written in batches.
///
/// Lines collect in the loop's own buffer and go out in one `write(2)` when the loop has
/// handled what its last wake-up brought (`flush()`), or sooner past 32 KiB, so a busy loop does
/// not pay a system call per request and an idle one leaves nothing unwritten.
final class AccessLog {
    let logger: Logger
    let isEnabled: Bool
    private var buffer: [UInt8] = []
    private static let flushThreshold = 32 * 1024

    init(logger: Logger, isEnabled: Bool) {
        self.logger = logger
        self.isEnabled = isEnabled && logger.isEnabled(.info)
    }

    func record(exchange: Exchange, response: HTTPResponse, microseconds: Int) {
        guard isEnabled else { return }
        let request = exchange.request
        var fields: [(String, LogValue)] = [
            ("requestId", .string(exchange.requestID)),
            ("method", .string(request.method.rawValue)),
            ("target", .string(exchange.queryCredential == nil ? request.target : QueryCredentials.redacted(request.target))),
            ("route", .string(exchange.route)),
            ("status", .int(response.status.code)),
            ("bytes", .int(request.method == .head ? 0 : response.body.count)),
            ("durationUs", .int(microseconds)),
            ("peer", .string(exchange.context.peer)),
        ]
        if let hit = exchange.cacheHit { fields.append(("cache", .string(hit ? "hit" : "miss"))) }
        if let token = exchange.tokenName { fields.append(("token", .string(token))) }
        append(logger.format(.info, "request", fields))
    }

    /// A request answered by `ReplayCache`, whose entry holds what the line needs.
    func record(replayed entry: ReplayCache.Entry, requestID: String, peer: String, microseconds: Int) {
        guard isEnabled else { return }
        append(logger.format(.info, "request", [
            ("requestId", .string(requestID)),
            ("method", .string(entry.method.rawValue)),
            ("target", .string(entry.target)),
            ("route", .string(entry.route)),
            ("status", .int(entry.status)),
            ("bytes", .int(entry.bodyBytes)),
            ("durationUs", .int(microseconds)),
            ("peer", .string(peer)),
            ("cache", .string("hit")),
        ]))
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
