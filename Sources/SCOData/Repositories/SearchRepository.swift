/// Full-text search over clauses, statements and events (SQLite FTS5).
public protocol SearchRepository {
    /// A page of hits for `query`, best first.
    func search(_ query: SearchQuery) throws -> Page<SearchHit>
}

extension SearchRepository {
    /// A page of hits for the FTS5 query `q` over the given kinds (empty: all kinds), best first.
    public func search(q: String, kinds: [SearchKind] = [], limit: Int = 20, position: ListPosition? = nil) throws -> Page<SearchHit> {
        try search(SearchQuery(text: q, kinds: kinds, limit: limit, position: position))
    }
}

/// The kinds of record search finds.
public enum SearchKind: String, Sendable, Hashable, CaseIterable, Codable {
    case clause
    case statement
    case event
}

/// A search request.
///
/// `text` is an FTS5 query (https://sqlite.org/fts5.html#full_text_query_syntax): words match
/// any form with the same Porter stem (`secure` finds "security"), `secur*` is a prefix,
/// `"joint declaration"` a phrase, `AND`/`OR`/`NOT` and parentheses combine, `title:` limits to
/// titles. Text FTS5 cannot parse is `SearchError.invalidQuery`.
public struct SearchQuery: Sendable, Hashable {
    public var text: String
    /// Kinds to search; empty for all.
    public var kinds: [SearchKind]
    public var limit: Int
    public var position: ListPosition?

    public init(text: String, kinds: [SearchKind] = [], limit: Int = 20, position: ListPosition? = nil) {
        self.text = text
        self.kinds = kinds
        self.limit = limit
        self.position = position
    }
}

/// One search result.
public struct SearchHit: Sendable, Hashable {
    /// Marks the start of a matched term in `snippet`.
    public static let matchStart = "["
    /// Marks the end of a matched term in `snippet`.
    public static let matchEnd = "]"
    /// Stands for text left out of `snippet`, at either end.
    public static let ellipsis = "…"

    public var kind: SearchKind
    /// The id of the clause, statement or event.
    public var id: String
    /// The record's title: an event's title, a clause's or a statement's summary.
    public var title: String
    /// Up to 12 words around the best match, each matched term in `[` `]`
    /// (`matchStart`/`matchEnd`), `…` where text was cut. The source text has no brackets, so
    /// they only ever mark matches.
    public var snippet: String
    /// FTS5's bm25 score with titles weighted 4 to 1 over bodies: more negative is a better
    /// match (https://sqlite.org/fts5.html#the_bm25_function). Comparable within one query only.
    public var rank: Double

    public init(kind: SearchKind, id: String, title: String, snippet: String, rank: Double) {
        self.kind = kind
        self.id = id
        self.title = title
        self.snippet = snippet
        self.rank = rank
    }
}

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
