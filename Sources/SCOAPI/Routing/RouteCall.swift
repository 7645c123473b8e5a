import HTTPServer
import SCOData

/// One request as a route's handler sees it: the request, what the router captured, the
/// representation negotiated, and the event loop's own reader.
struct RouteCall {
    let request: HTTPRequest
    let parameters: PathParameters
    let representation: Representation
    /// The loop the request arrived on: its reader, its configuration.
    let loop: APILoopHandler
    /// The name of the token a write was made with (never the token itself), for the log.
    var tokenName: String?

    var service: APIService { loop.service }
    var query: QueryParameters { request.query }

    /// The loop's reader (a 503 when the database cannot be read).
    func dataset() throws(APIError) -> any DatasetReader {
        try loop.dataset()
    }

    /// What HTML pages link ids and quotes through, for the loop's current data.
    func links() throws -> LinkIndex {
        try loop.linkIndex()
    }

    /// The value the route's pattern captured for `name`.
    func parameter(_ name: String) throws(PathParameterError) -> String {
        try parameters.get(name, as: String.self)
    }
}
