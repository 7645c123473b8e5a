import HTTPServer
import Locking
import Synchronization
import SCOData

/// The API as the HTTP server sees it: shared, immutable state, and one loop handler per event
/// loop that does the work with that loop's own reader.
public final class APIService: HTTPResponder {
    public let store: any DatasetStore
    public let configuration: APIConfiguration
    public let logger: Logger
    public let metrics: Metrics
    /// The server's part in replication (none by default).
    public let replication: Replication
    /// On a replica, the highest change sequence any loop has served: a loop whose snapshot is
    /// older starts a newer one first, so no client sees the data go back.
    let highestServedSeq = Atomic<Int>(0)
    /// Every route of `Resources.all`, with the API's own 404.
    let router: Router<Route>
    /// Checks the bearer tokens of writes.
    let authenticator: WriteAuthenticator
    /// Every client's quota use, shared by the loops without a lock.
    let rateLimiter = RateLimiter()
    /// The OpenAPI document and the `/v1` index, encoded once from the routes.
    let openAPIDocument: [UInt8]
    let indexDocument: [UInt8]
    /// The `/v1` index as an HTML page, made once.
    let indexPage: [UInt8]
    /// `Cache-Control` of a cacheable 200, made once.
    let cacheControl: String
    /// `Vary` of every answer: what the server chooses representations by.
    let vary: String
    /// Set once the server exists, so `/metrics` can report its open connections. Weak: the
    /// server holds this service as its responder, and the pair must not keep each other alive.
    private let server = Lock(WeakServer())
    /// Whether the database file's replacement has been logged (it is, once).
    private let replacementLogged = Lock(false)

    public init(
        store: any DatasetStore, configuration: APIConfiguration, logger: Logger, startedAt: Double,
        replication: Replication = .single
    ) {
        self.store = store
        self.replication = replication
        self.configuration = configuration
        self.logger = logger
        self.metrics = Metrics(startedAt: startedAt)
        let routes = Resources.routes
        var router = Router<Route> { request in
            APIError.notFound(detail: "There is no resource at '\(request.path)'; GET /v1 lists what there is.").makeResponse()
        }
        for route in routes { router.add(route.method, route.pattern, route) }
        self.router = router
        self.authenticator = WriteAuthenticator(tokens: configuration.tokens)
        self.openAPIDocument = OpenAPIDocument.make(routes)
        self.indexDocument = IndexResource.document(routes)
        self.indexPage = IndexResource.page(routes)
        self.cacheControl = "public, max-age=\(configuration.cacheMaxAge)"
        self.vary = (["Accept"] + (configuration.compression ? ["Accept-Encoding"] : [])
            + (configuration.corsOrigins.isEmpty ? [] : ["Origin"])).joined(separator: ", ")
    }

    /// Connects the service to the server that runs it (for the connection gauge).
    public func attach(_ server: HTTPServer) {
        self.server.withLock { $0.server = server }
    }

    var openConnections: Int {
        server.withLock { $0.server?.openConnections ?? 0 }
    }

    /// Logs, the first time only, that the database file or its WAL is no longer the one opened:
    /// the state lasts until a restart, and every write and `/readyz` meets it again (each still
    /// has its 503 line in the access log). Returns whether this call logged it.
    @discardableResult
    func logReplacedFileOnce(_ message: String) -> Bool {
        let first = replacementLogged.withLock { logged in
            defer { logged = true }
            return !logged
        }
        if first {
            logger.error("database file replaced", [
                ("error", .string(message)),
                ("consequence", .string("writes are refused and /readyz fails until the server is restarted on the right file")),
            ])
        }
        return first
    }

    /// Every (method, pattern) the API routes, for the OpenAPI completeness test.
    public var routePatterns: [(method: HTTPMethod, pattern: String)] { router.routes }

    public func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler {
        APILoopHandler(service: self, loopIndex: loopIndex)
    }
}

/// A reference to the server that does not keep it alive.
private struct WeakServer {
    weak var server: HTTPServer?
}
