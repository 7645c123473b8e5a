import HTTPServer
import SCOData

extension APILoopHandler {
    /// The data endpoints (wired to the repositories next).
    func buildData(
        _ endpoint: Endpoint, parameters: PathParameters, request: HTTPRequest, representation: Representation
    ) throws -> HTTPResponse {
        throw APIError.notFound(detail: "'\(request.path)' is not served yet.")
    }
}

/// A search query SQLite's FTS5 could not parse (placeholder until the repository's own error).
struct SearchQueryError: Error, CustomStringConvertible {
    var description: String
}
