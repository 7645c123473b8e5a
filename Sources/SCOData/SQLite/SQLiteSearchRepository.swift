import SQLiteStore

/// Search over the FTS5 table `search`: ranked by bm25 when a query matches at most
/// `rankedMatchLimit` records, in index order when it matches more.
///
/// Ranking costs one bm25 score per match, each reading the match's column sizes and term
/// positions: FTS5 cannot know the best rows without scoring every one
/// (https://sqlite.org/fts5.html#the_bm25_function), about 4 µs a match, so 1,000 matches rank
/// in 4 ms and 1,000,000 in 1.5 s. Past the limit, hits come in the order of the index's rowids
/// (`search_rows.id`: seeded records in the fixture's order, then records added later), which
/// FTS5 walks from any position without scoring; each hit's `rank` is still its bm25 score,
/// which costs one pass over the matches (bm25 counts them for its weights): 27 ms for
/// 1,000,000. The total is counted without ranking (`count(*)` reads only the doclists) and
/// kept per data version by the reader.
///
/// Ranked pages go by keyset on (rank, search rowid), index-order pages on the rowid alone. A
/// position keeps the order it was made in, so a client walks one order to the end even if
/// edits move the count across the limit meanwhile. The tie-breaker is the index row's rowid
/// (stable, one per record, kept across updates and VACUUM) rather than (kind, id): FTS5 keeps
/// kind and record id in its content table, and reading them for every match to sort by them
/// doubled the cost of a search matching many rows. Ranks depend on the whole index (bm25
/// weighs a term by how many rows hold it), so a position stays exact while the data is
/// unchanged; after an edit, later pages follow the new ranks.
public struct SQLiteSearchRepository: SearchRepository {
    let reader: DatasetReader
    /// The most matches a search ranks; past it, hits come in index order.
    var rankedMatchLimit = Self.defaultRankedMatchLimit

    /// 1,000 matches rank in about 4 ms (bm25 over a 1,000,000-event index), within the 10 ms a
    /// search may take.
    public static let defaultRankedMatchLimit = 1_000

    public func search(_ query: SearchQuery) throws -> Page<SearchHit> {
        var fingerprint = QueryFingerprint(list: "search")
        fingerprint.add("q", query.text)
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        let ranked = Self.keysetQuery(query, isRanked: true)
        let unranked = Self.keysetQuery(query, isRanked: false)
        let rowsToFetch = KeysetQuery.rowsToFetch(forPageOf: query.limit)
        // Each statement is prepared before it runs, and a failure to prepare is the server's own
        // error, not the query's (`Prepared` carries it past the catch below): the query text is
        // a bound value, so a bad one fails only in step. Pages are built only when needed, since
        // most searches end on the first, which takes the unordered path.
        let connection = reader.connection
        func prepared(_ sql: KeysetQuery.SQL) throws(PrepareFailure) -> KeysetQuery.SQL {
            do { _ = try connection.cached(sql.sql) } catch { throw PrepareFailure(error: error) }
            return sql
        }
        let count = try prepared(ranked.countSQL)
        /// A decoded hit with its snippet, from FTS5 when `SearchSnippet` could not make it.
        func complete(_ found: (hit: PartialHit, rowid: Int64)) throws -> SearchHit {
            let hit = found.hit
            let snippet = try hit.snippet ?? connection.query(
                Self.fallbackSnippetSQL, [query.text, found.rowid]
            ) { try $0.string(0) }.first ?? ""
            return SearchHit(kind: hit.kind, id: hit.id, title: hit.title, snippet: snippet, rank: hit.rank)
        }
        do {
            return try reader.read {
                // The first page counts the matches (once per state of the data) to choose its order.
                let total = query.position == nil
                    ? try reader.total(of: ranked, fingerprint: fingerprint.value, countSQL: count) : nil
                let isRanked = if let position = query.position {
                    position.values.count != 1
                } else {
                    total! <= rankedMatchLimit
                }
                let shape = isRanked ? ranked : unranked
                if isRanked, let total, total <= query.limit, let unordered = ranked.unorderedSQL {
                    // Every match fits on this page: sort them here, which costs less than the
                    // temporary B-tree SQLite keeps the best LIMIT rows in (a quarter of the query).
                    let all = try prepared(unordered)
                    let found = try connection.query(all.sql, all.bindings, Self.decode)
                        .sorted { ($0.hit.rank, $0.rowid) < ($1.hit.rank, $1.rowid) }
                    if found.count <= query.limit {
                        return try Page(items: found.map(complete), total: found.count, next: nil)
                    }
                }
                // A position of the other order's shape is refused by `page` before it runs SQL.
                let pageSQL = query.position.map { $0.values.count == shape.order.count } ?? true
                    ? try prepared(shape.pageSQL(after: query.position?.values, limit: rowsToFetch)) : nil
                let page = try reader.page(
                    shape, limit: query.limit, position: query.position, fingerprint: fingerprint.value,
                    prebuilt: pageSQL.map { (page: $0, count: count) }, decode: Self.decode,
                    key: { isRanked ? [.real($0.hit.rank), .integer($0.rowid)] : [.integer($0.rowid)] })
                return try page.map(complete)
            }
        } catch let error as SQLiteError where error.code.primary == .error {
            throw SearchError.invalidQuery(error.message)
        } catch let failure as PrepareFailure {
            throw failure.error
        }
    }

    /// A statement that failed to prepare: the server's error, whatever SQLite's code says.
    struct PrepareFailure: Error {
        var error: any Error
    }

    /// The search's SQL, best match first or in index order. The kind filter reads
    /// `search_rows` by rowid rather than the FTS5 content table's UNINDEXED `kind`, which
    /// loads the whole row: four times cheaper over 100,000 matches.
    static func keysetQuery(_ query: SearchQuery, isRanked: Bool) -> KeysetQuery {
        let columns: StaticString =
            "kind, record_id, title, body, match_offsets(search), bm25(search, 0.0, 0.0, 4.0, 1.0), rowid"
        var sql = KeysetQuery(
            select: columns, from: "search",
            order: isRanked
                ? [.init("bm25(search, 0.0, 0.0, 4.0, 1.0)", .real), .init("rowid", .integer)]
                : [.init("rowid", .integer)])
        sql.filter("search MATCH ?", .text(query.text))
        sql.filter(
            "EXISTS (SELECT 1 FROM search_rows r WHERE r.id = search.rowid AND r.kind {in})",
            anyOf: query.kinds.map(\.rawValue))
        return sql
    }

    /// FTS5's own snippet of one hit, for the rare text that `SearchSnippet` splits into tokens
    /// differently from FTS5.
    static let fallbackSnippetSQL = "SELECT snippet(search, -1, '[', ']', '…', 12) FROM search WHERE search MATCH ? AND rowid = ?"

    /// The FTS5 columns `match_offsets` reports: title and body (kind and record_id are UNINDEXED).
    static let titleColumn: Int32 = 2
    static let bodyColumn: Int32 = 3

    /// A hit and its index row's rowid (its tie-breaker). The snippet is nil when it has to come
    /// from FTS5 after all (`SearchSnippet.make`).
    static func decode(_ row: Row) throws -> (hit: PartialHit, rowid: Int64) {
        var titleMatches: [SearchSnippet.Match] = []
        var bodyMatches: [SearchSnippet.Match] = []
        var titleTokens = -1
        var bodyTokens = -1
        row.withUnsafeBytes(4) { blob in
            // The column count, each column's size in tokens, then four integers a match:
            // phrase, column, first token, tokens (CSQLite/shim.h).
            let values = blob.bindMemory(to: Int32.self)
            guard let columns = values.first.map(Int.init), columns > bodyColumn, values.count >= 1 + columns else { return }
            titleTokens = Int(values[1 + Int(titleColumn)])
            bodyTokens = Int(values[1 + Int(bodyColumn)])
            var index = 1 + columns
            while index + 4 <= values.count {
                let match = SearchSnippet.Match(
                    phrase: Int(values[index]), firstToken: Int(values[index + 2]), tokenCount: Int(values[index + 3]))
                switch values[index + 1] {
                case titleColumn: titleMatches.append(match)
                case bodyColumn: bodyMatches.append(match)
                default: break
                }
                index += 4
            }
        }
        let snippet = bodyMatches.isEmpty && !titleMatches.isEmpty
            ? row.withUnsafeBytes(2) { SearchSnippet.make(text: $0, tokenCount: titleTokens, matches: titleMatches) }
            : row.withUnsafeBytes(3) { SearchSnippet.make(text: $0, tokenCount: bodyTokens, matches: bodyMatches) }
        let hit = PartialHit(
            kind: try row.value(0, as: SearchKind.self, table: "search"), id: try row.string(1),
            title: try row.string(2), snippet: snippet, rank: try row.double(5))
        return (hit, try row.int64(6))
    }

    /// A hit whose snippet may still be missing.
    struct PartialHit {
        var kind: SearchKind
        var id: String
        var title: String
        var snippet: String?
        var rank: Double
    }
}
