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
    /// Up to 12 words around the best match (`SearchSnippet`), each matched term in `[` `]`
    /// (`matchStart`/`matchEnd`), `…` where text was cut: from the body (a clause's text, a
    /// statement's quote, an event's summary) when the query matched it, else from the title.
    /// The source text has no brackets, so they only ever mark matches.
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
