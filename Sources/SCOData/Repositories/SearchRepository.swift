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
