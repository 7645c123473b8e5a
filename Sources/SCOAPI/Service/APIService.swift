import HTTPServer
import SCOData
import SQLiteStore
import Locking

/// The API as the HTTP server sees it: shared, immutable state, and one loop handler per event
/// loop that does the work with that loop's own read connection.
public final class APIService: HTTPResponder {
    public let database: Database
    public let configuration: APIConfiguration
    public let logger: Logger
    public let metrics: Metrics
    let routes: RouteTrie
    /// The endpoint of each route number of `routes`.
    let endpoints: [Endpoint]
    /// Checks the bearer tokens of writes.
    let authenticator: WriteAuthenticator
    /// The OpenAPI document, encoded once.
    let openAPIDocument: [UInt8]
    /// `Cache-Control` of a cacheable 200, made once.
    let cacheControl: String
    /// Set once the server exists, so `/metrics` can report its open connections. Weak: the
    /// server holds this service as its responder, and the pair must not keep each other alive.
    private let server = Lock(WeakServer())

    public init(database: Database, configuration: APIConfiguration, logger: Logger, startedAt: Double) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        self.metrics = Metrics(startedAt: startedAt)
        self.routes = Endpoint.makeRouteTrie()
        self.endpoints = Endpoint.routes.map(\.endpoint)
        self.authenticator = WriteAuthenticator(tokens: configuration.tokens)
        self.openAPIDocument = OpenAPIDocument.make()
        self.cacheControl = "public, max-age=\(configuration.cacheMaxAge)"
    }

    /// Connects the service to the server that runs it (for the connection gauge).
    public func attach(_ server: HTTPServer) {
        self.server.withLock { $0.server = server }
    }

    var openConnections: Int {
        server.withLock { $0.server?.openConnections ?? 0 }
    }

    /// Every (method, pattern) the API routes, for the OpenAPI completeness test.
    public var routePatterns: [(method: HTTPMethod, pattern: String)] { routes.routes }

    public func makeLoopHandler(loopIndex: Int) -> any HTTPLoopHandler {
        APILoopHandler(service: self, loopIndex: loopIndex)
    }
}

/// A reference to the server that does not keep it alive.
private struct WeakServer {
    weak var server: HTTPServer?
}
