/// A search the index could not run.
public enum SearchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// FTS5 could not parse the query; the message is SQLite's ("fts5: syntax error near …").
    /// The API answers 400 naming `q`.
    case invalidQuery(String)

    public var description: String {
        switch self {
        case .invalidQuery(let message): "the search query cannot be parsed: \(message)"
        }
    }
}
