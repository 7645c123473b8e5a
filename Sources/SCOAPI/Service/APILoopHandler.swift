#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import SCOData
import Synchronization

/// One event loop's view of the API: its reader, its response cache, its metrics.
///
/// Created on the loop's thread and used only there, so nothing in it is locked; what it shares
/// with other loops (the store's data version, the metrics registry) is `Sendable`. What every
/// request touches is `@exclusivity(unchecked)`: one thread, one call at a time, and the run-time
/// check on each access through the class costs more than a replayed answer's own work.
final class APILoopHandler: HTTPLoopHandler {
    let service: APIService
    let loopIndex: Int
    let cache: ResponseCache
    let replayCache: ReplayCache
    let loopMetrics: LoopMetrics
    let accessLog: AccessLog
    /// The loop's reader and the read transaction its requests share (`didProcessEvents`),
    /// opened when the loop starts; a failure is answered 503 and retried on the next request.
    @exclusivity(unchecked) private var opened: (reader: any DatasetReader, transaction: any SharedReadTransaction)?

    /// What the answers of this wake-up were made from, released once they are written.
    @exclusivity(unchecked) private var releasedAfterWriting: [Any] = []

    /// Keeps `value` until the loop has written what this wake-up answered: freeing a page of
    /// records (its strings, arrays and rows) is work the client need not wait for. At most
    /// `releasedAfterWritingLimit` are kept, so a wake-up of many pipelined requests holds a
    /// bounded amount; past it, the oldest go at once.
    func releaseAfterWriting(_ value: Any) {
        if releasedAfterWriting.count >= Self.releasedAfterWritingLimit { releasedAfterWriting.removeAll(keepingCapacity: true) }
        releasedAfterWriting.append(value)
    }

    static let releasedAfterWritingLimit = 16

    /// How many values wait to be released.
    var waitingForRelease: Int { releasedAfterWriting.count }

    /// Whether the loop holds a read transaction now.
    var holdsReadTransaction: Bool { opened?.transaction.isOpen ?? false }
    @exclusivity(unchecked) var requestIDs: RequestIDGenerator
    @exclusivity(unchecked) private var nextVersionCheck: Int64 = 0
    /// The HTML pages' index of ids and quotes, and the data version it was built from.
    private var links: (version: UInt64, index: LinkIndex)?
    /// The change sequence of the data, and the data version it was read at.
    private var sequence: (version: UInt64, seq: Int)?

    init(service: APIService, loopIndex: Int) {
        self.service = service
        self.loopIndex = loopIndex
        self.cache = ResponseCache(capacity: service.configuration.responseCacheEntries)
        // A replica's answers follow its snapshot (SCO-Seq, SCO-Min-Seq), not only the data version.
        self.replayCache = ReplayCache(
            capacity: service.replication.role == .replica ? 0 : service.configuration.responseCacheEntries)
        self.loopMetrics = service.metrics.makeLoopMetrics()
        self.accessLog = AccessLog(logger: service.logger, isEnabled: service.configuration.accessLog)
        self.requestIDs = RequestIDGenerator(loopIndex: loopIndex)
        // Now, while descriptors are plentiful: a loop that first asked for its reader when
        // clients held every descriptor would answer 503 until some of them closed.
        _ = try? dataset()
    }

    /// The loop's reader (opened at start, or again after a failure).
    func dataset() throws(APIError) -> any DatasetReader {
        if let opened { return opened.reader }
        do {
            let made = try service.store.makeLoopReader()
            opened = made
            return made.reader
        } catch {
            service.logger.error("cannot open a read connection", [("loop", .int(loopIndex)), ("error", .string("\(error)"))])
            throw .unavailable(detail: "The database cannot be read right now.")
        }
    }

    /// The index HTML pages link through, built again when the data has changed since.
    func linkIndex() throws -> LinkIndex {
        let version = service.store.dataVersion
        if let links, links.version == version { return links.index }
        let index = try LinkIndex(reader: try dataset())
        links = (version, index)
        return index
    }

    /// The change sequence of the data this loop reads now (nil when it cannot be read).
    func changeSequence() -> Int? {
        let version = service.store.dataVersion
        if let sequence, sequence.version == version { return sequence.seq }
        guard let seq = try? dataset().changeSequence() else { return nil }
        sequence = (version, seq)
        return seq
    }

    /// The change sequence of the snapshot this request reads, on a replica: never below what
    /// another loop of this process has served (a loop still in an older read transaction,
    /// begun before Litestream applied a commit, ends it and reads anew), so responses do not
    /// go back in time whichever loop answers.
    func replicaSequence() -> Int? {
        guard var seq = try? dataset().changeSequence() else { return nil }
        if seq < service.highestServedSeq.load(ordering: .acquiring) {
            opened?.transaction.end()
            service.store.refreshDataVersion()
            seq = (try? dataset().changeSequence()) ?? seq
        }
        service.highestServedSeq.max(seq, ordering: .acquiringAndReleasing)
        return seq
    }

    /// The sequence a response reports in `SCO-Seq`: the replica's snapshot, or on a primary
    /// the data version's.
    func servedSequence() -> Int? {
        service.replication.role == .replica ? replicaSequence() : changeSequence()
    }

    /// Waits, up to the configured bound, for the data to reach change `wanted` (a replica
    /// catching up with a write its client made on the primary); throws 503 if it does not.
    ///
    /// The wait holds this event loop: it is bounded (`--min-seq-wait`, 2 s by default) and
    /// only a client that asks for a change not yet here meets it.
    func awaitSequence(_ wanted: Int) throws(APIError) {
        let bound = service.replication.settings.minSeqWait
        let started = MonotonicInstant.now()
        while true {
            // No read transaction is held between looks: on a replica it would hold the shared
            // lock that Litestream's follower waits for, and the change would never arrive.
            opened?.transaction.end()
            service.store.refreshDataVersion()
            let seq = servedSequence() ?? 0
            if seq >= wanted { return }
            opened?.transaction.end()
            if MonotonicInstant.now().since(started) >= bound {
                throw .behindSequence(seq: seq, wanted: wanted, waited: bound)
            }
            usleep(10_000)
        }
    }

    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        respond(to: request, context: context, head: nil)
    }

    func respond(to request: HTTPRequest, context: RequestContext, head: UnsafeRawBufferPointer?) -> HTTPResponse {
        let started = MonotonicInstant.now()
        let requestID = RequestIDGenerator.accepted(request.headers["X-Request-ID"]) ?? requestIDs.next()
        var exchange = Exchange(request: request, context: context, requestID: requestID)
        // Whatever reads around the repositories sees every commit made before now.
        opened?.transaction.endIfStale()
        if service.replication.role == .replica { exchange.seq = replicaSequence() }
        var response: HTTPResponse
        do {
            response = try answer(&exchange)
        } catch let error as APIError {
            response = error.makeResponse()
        } catch let error as CursorError {
            response = APIError.badParameter(name: "cursor", detail: error.description).makeResponse()
        } catch let error as any HTTPResponseError {
            response = error.makeResponse()
        } catch {
            response = failure(error, exchange: exchange)
        }
        if response.status.code >= 400, response.headers[.contentType] == HTTPResponse.problemContentType,
           ProblemPage.isWanted(by: request) {
            response = ProblemPage.page(for: response)
        }
        decorate(&response, exchange)
        if let head, let version = exchange.replayVersion { keepForReplay(response, head: head, version: version, exchange) }
        let elapsed = MonotonicInstant.now().microseconds(since: started)
        loopMetrics.record(
            route: exchange.route, method: request.method.rawValue, status: response.status.code,
            microseconds: elapsed, cacheHit: exchange.cacheHit)
        accessLog.record(exchange: exchange, response: response, microseconds: elapsed)
        return response
    }

    /// A replica ends its read transaction after every wake-up: while it is open, Litestream's
    /// follower cannot apply the next change. A primary keeps it while requests keep coming,
    /// as long as no commit has moved the data version (`endIfStale`, and each read's own
    /// check): beginning and ending one costs two `fcntl` locks and an `fstat` a request.
    func didProcessEvents() {
        if service.replication.role == .replica { opened?.transaction.end() }
        accessLog.flush()
        if !releasedAfterWriting.isEmpty { releasedAfterWriting.removeAll(keepingCapacity: true) }
    }

    func didBecomeIdle() {
        opened?.transaction.end()
    }

    func didRefuse(_ response: HTTPResponse, peer: String) {
        loopMetrics.record(route: "refused", method: "-", status: response.status.code, microseconds: 0, cacheHit: nil)
        accessLog.recordRefusal(response: response, peer: peer)
    }

    /// An error no layer mapped: logged with the request id, answered as a bare 500 (or a 503
    /// when the storage is busy, damaged, full or unreadable), never with the error's text.
    private func failure(_ error: any Error, exchange: Exchange) -> HTTPResponse {
        let fault = StorageFault(error)
        var fields: [(String, LogValue)] = [("requestId", .string(exchange.requestID)), ("route", .string(exchange.route))]
        if let code = fault?.code { fields.append(("code", .int(code))) }
        fields.append(("error", .string(fault?.message ?? String(describing: error))))
        guard let fault else {
            service.logger.error("request failed", fields)
            return Self.internalError(exchange)
        }
        loopMetrics.recordDatabaseError()
        if fault.kind == .replaced {
            service.logReplacedFileOnce(fault.message)
        } else {
            service.logger.error("database error", fields)
        }
        // The file, the disk or the OS failed, not the request. Retrying may help once an
        // operator acts, so it is a 503, like a database that cannot be opened.
        let detail: String
        switch fault.kind {
        case .busy: return APIError.unavailable(detail: "The database is busy; try again.").makeResponse()
        case .full: detail = "The disk that holds the database is full; nothing was written."
        case .damaged: detail = "The database file is damaged, so this could not be read."
        case .unavailable: detail = "The database cannot be read or written right now."
        case .replaced:
            detail = "The database file was deleted or replaced while the server ran, so nothing was written "
                + "(a write now would be lost at the next start); restart the server on the right file."
        case .constraint, .other: return Self.internalError(exchange)
        }
        return APIError.unavailable(
            detail: "\(detail) The log has the details under request id \(exchange.requestID)."
        ).makeResponse()
    }

    private static func internalError(_ exchange: Exchange) -> HTTPResponse {
        HTTPResponse.problem(
            status: .internalServerError,
            detail: "The server could not complete the request; the log has the details under request id \(exchange.requestID).")
    }

    /// Moves the data version when another process committed (a `seed` beside `serve`), at
    /// most every quarter second per loop, so the cache never outlives data changed elsewhere.
    func refreshDataVersionIfDue() {
        let now = MonotonicInstant.now().nanoseconds / 1000
        guard now >= nextVersionCheck else { return }
        nextVersionCheck = now + 250_000
        service.store.refreshDataVersion()
    }
}

/// One request on its way through the handler, and what the logs and metrics need of it.
struct Exchange {
    let request: HTTPRequest
    let context: RequestContext
    let requestID: String
    /// The route pattern that matched, for metrics labels ("unmatched" when none did).
    var route = "unmatched"
    /// Whether the response cache answered: nil when the route is not cached.
    var cacheHit: Bool?
    /// The name of the token a write was made with (never the token itself).
    var tokenName: String?
    var isCORSAllowed = false
    /// The credential parameter the query carried (the request was refused for it), so the
    /// access log knows to redact the target.
    var queryCredential: String?
    /// On a replica, the change sequence of the snapshot the request reads (`SCO-Seq`).
    var seq: Int?
    /// The data version of the cached response answered, when it may be replayed.
    var replayVersion: UInt64?
    /// The quota this request counted against and what is left of it, for the `RateLimit` fields.
    var rateLimit: (policy: RatePolicy, decision: RateLimiter.Decision)?
}
