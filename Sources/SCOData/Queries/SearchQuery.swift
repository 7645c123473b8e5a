/// The kinds of record search finds: the records with prose, each with its notes.
public enum SearchKind: String, Sendable, Hashable, CaseIterable, Codable {
    case clause
    case statement
    case event
    case state
    case organization
    case person
    case region
    case summit
    case declaration
    case quantity
}

/// A search request.
///
/// `text` is an FTS5 query (https://sqlite.org/fts5.html#full_text_query_syntax): words match
/// any form with the same Porter stem (`secure` finds "security"), `secur*` is a prefix (widened
/// to the stems it cuts into, `PrefixTerms`),
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
