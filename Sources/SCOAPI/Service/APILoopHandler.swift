#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import SCOData
import SQLiteStore

/// One event loop's view of the API: its read connection, its response cache, its metrics.
///
/// Created on the loop's thread and used only there, so nothing in it is locked; what it shares
/// with other loops (the database's data version, the metrics registry) is `Sendable`.
final class APILoopHandler: HTTPLoopHandler {
    let service: APIService
    let loopIndex: Int
    let cache: ResponseCache
    let loopMetrics: LoopMetrics
    let accessLog: AccessLog
    /// Opened when the loop starts; a failure is answered 503 and retried on the next request.
    private var openedReader: SQLiteConnection?
    /// The repositories over `openedReader`, made on first use.
    var openedDataset: DatasetReader?
    private var requestIDs: RequestIDGenerator
    private var nextVersionCheck: Int64 = 0

    init(service: APIService, loopIndex: Int) {
        self.service = service
        self.loopIndex = loopIndex
        self.cache = ResponseCache(capacity: service.configuration.responseCacheEntries)
        self.loopMetrics = service.metrics.makeLoopMetrics()
        self.accessLog = AccessLog(logger: service.logger, isEnabled: service.configuration.accessLog)
        self.requestIDs = RequestIDGenerator(loopIndex: loopIndex)
        // Now, while descriptors are plentiful: a loop that first asked for its connection
        // when clients held every descriptor would answer 503 until some of them closed.
        _ = try? reader()
    }

    /// The loop's read connection (opened at start, or again after a failure).
    func reader() throws(APIError) -> SQLiteConnection {
        if let openedReader { return openedReader }
        do {
            let connection = try service.database.makeReader()
            openedReader = connection
            return connection
        } catch {
            service.logger.error("cannot open a read connection", [("loop", .int(loopIndex)), ("error", .string("\(error)"))])
            throw .unavailable(detail: "The database cannot be read right now.")
        }
    }

    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let started = MonotonicClock.microseconds()
        let requestID = RequestIDGenerator.accepted(request.headers["X-Request-ID"]) ?? requestIDs.next()
        var exchange = Exchange(request: request, context: context, requestID: requestID)
        // Whatever reads the loop's connection directly sees every commit made before now.
        openedDataset?.endSharedTransactionIfStale()
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
        decorate(&response, exchange)
        let elapsed = Int(MonotonicClock.microseconds() - started)
        loopMetrics.record(
            route: exchange.route, method: request.method.rawValue, status: response.status.code,
            microseconds: elapsed, cacheHit: exchange.cacheHit)
        accessLog.record(exchange: exchange, response: response, microseconds: elapsed)
        return response
    }

    func didProcessEvents() {
        openedDataset?.endSharedTransaction()
        accessLog.flush()
    }

    func didRefuse(_ response: HTTPResponse, peer: String) {
        loopMetrics.record(route: "refused", method: "-", status: response.status.code, microseconds: 0, cacheHit: nil)
        accessLog.recordRefusal(response: response, peer: peer)
    }

    /// An error no layer mapped: logged with the request id, answered as a bare 500 (or a 503
    /// when SQLite says it is busy, or when the file is damaged, full or unreadable), never
    /// with the error's text.
    private func failure(_ error: any Error, exchange: Exchange) -> HTTPResponse {
        let sqlite = error as? SQLiteError
        var fields: [(String, LogValue)] = [("requestId", .string(exchange.requestID)), ("route", .string(exchange.route))]
        if let sqlite { fields.append(("code", .int(Int(sqlite.code.rawValue)))) }
        fields.append(("error", .string(sqlite?.message ?? String(describing: error))))
        if sqlite != nil || Self.storageFault(error) != nil {
            loopMetrics.recordDatabaseError()
            service.logger.error("database error", fields)
        } else {
            service.logger.error("request failed", fields)
        }
        if let sqlite, sqlite.code.isA(.busy) || sqlite.code.isA(.locked) {
            return APIError.unavailable(detail: "The database is busy; try again.").makeResponse()
        }
        if let fault = Self.storageFault(error) {
            // The file, the disk or the OS failed, not the request. Retrying may help once an
            // operator acts, so it is a 503, like a database that cannot be opened.
            return APIError.unavailable(
                detail: "\(fault) The log has the details under request id \(exchange.requestID)."
            ).makeResponse()
        }
        return HTTPResponse.problem(
            status: .internalServerError,
            detail: "The server could not complete the request; the log has the details under request id \(exchange.requestID).")
    }

    /// What went wrong when `error` says the storage failed rather than the request: SQLite
    /// finding a page corrupt, the disk full, an I/O error (sqlite.org/rescode.html), or a
    /// stored row that does not decode (a short read of a truncated file, which SQLite fills
    /// with zeros). Nil for any other error.
    static func storageFault(_ error: any Error) -> String? {
        let damaged = "The database file is damaged, so this could not be read."
        switch error {
        case let sqlite as SQLiteError:
            switch sqlite.code.primary {
            case .full: return "The disk that holds the database is full; nothing was written."
            case .corrupt, .notADatabase: return damaged
            case .ioError, .cantOpen, .readOnly, .noMemory, .noLFS:
                return "The database cannot be read or written right now."
            default: return nil
            }
        case DatasetError.corruptValue, StoreError.columnType:
            return damaged
        default:
            return nil
        }
    }

    /// Bumps the data version when another process committed (a `seed` beside `serve`), at
    /// most every quarter second per loop, so the cache never outlives data changed elsewhere.
    func refreshDataVersionIfDue() {
        let now = MonotonicClock.microseconds()
        guard now >= nextVersionCheck else { return }
        nextVersionCheck = now + 250_000
        _ = try? service.database.refreshDataVersion()
    }
}

/// One request on its way through the handler, and what the logs and metrics need of it.
struct Exchange {
    let request: HTTPRequest
    let context: RequestContext
    let requestID: String
    /// The route pattern that matched, for metrics labels ("unmatched" when none did).
    var route = "unmatched"
    /// Whether the response cache answered: nil when the endpoint is not cached.
    var cacheHit: Bool?
    /// The name of the token a write was made with (never the token itself).
    var tokenName: String?
    var isCORSAllowed = false
}

/// Microseconds on the monotonic clock.
enum MonotonicClock {
    static func microseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}
