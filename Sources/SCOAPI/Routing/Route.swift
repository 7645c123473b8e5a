import HTTPServer

/// One operation of the API, declared once by its resource: the method and path pattern it
/// answers, how its answers are cached, the representations it offers, what the OpenAPI
/// document says of it, and the handler that builds its 200.
///
/// Every member is required, so a route missing a piece does not compile; the router turns
/// the declared routes into its table, and `/openapi.json` and the `/v1` index are made from
/// the same values.
struct Route: Sendable {
    /// Builds the answer; a thrown error becomes its problem response.
    typealias Handler = @Sendable (inout RouteCall) throws -> HTTPResponse

    /// Whether and how answers are cached.
    enum Caching: Sendable {
        /// The answer depends only on the data and the request target: cached per loop by
        /// (target, representation, data version), with a strong ETag and `If-None-Match`.
        case byDataVersion
        /// Never cached, never 304 (probes, metrics).
        case never
        /// A write: never cached; the handler sets its own validators.
        case write
    }

    /// What `Accept` and `?format=` choose between.
    enum Offer: Sendable {
        /// Negotiated among these, the first being the default.
        case negotiated([Representation])
        /// Not negotiated: the handler sets its own media type (probes, metrics).
        case fixed
    }

    let method: HTTPMethod
    let pattern: String
    /// The OpenAPI `operationId`: a stable name for the operation.
    let operationID: String
    /// One line for the OpenAPI document.
    let summary: String
    let caching: Caching
    let offer: Offer
    let documentation: RouteDocumentation
    let handler: Handler

    init(
        _ method: HTTPMethod, _ pattern: String, operationID: String, summary: String, caching: Caching, offer: Offer,
        documentation: RouteDocumentation, handler: @escaping Handler
    ) {
        self.method = method
        self.pattern = pattern
        self.operationID = operationID
        self.summary = summary
        self.caching = caching
        self.offer = offer
        self.documentation = documentation
        self.handler = handler
    }
}

/// A resource of the API: a file under `Resources/` that declares its routes, and one line in
/// `Resources.all`.
protocol Resource {
    static var routes: [Route] { get }
}
