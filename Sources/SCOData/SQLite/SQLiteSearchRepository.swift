import SQLiteStore

/// Search over the FTS5 table `search`, ranked by bm25, pages by keyset on (rank, search rowid).
///
/// The tie-breaker is the index row's rowid (`search_rows.id`: stable, one per record, kept
/// across updates and VACUUM) rather than (kind, id): FTS5 keeps kind and record id in its
/// content table, and reading them for every match to sort by them doubled the cost of a
/// search matching many rows. Ranks depend on the whole index (bm25 weighs a term by how many
/// rows hold it), so a position stays exact while the data is unchanged; after an edit, later
/// pages follow the new ranks.
public struct SQLiteSearchRepository: SearchRepository {
    let reader: DatasetReader

    public func search(_ query: SearchQuery) throws -> Page<SearchHit> {
        let sql = Self.keysetQuery(query)
        var fingerprint = QueryFingerprint(list: "search")
        fingerprint.add("q", query.text)
        fingerprint.add("kind", anyOf: query.kinds.map(\.rawValue))
        let connection = reader.connection
        try reader.check(query.position, for: sql, fingerprint: fingerprint.value)
        // Prepared here, outside the catch below: a failure to prepare is the server's own
        // error, not the query's. The query text is a bound value, so it only fails in step.
        _ = try connection.cached(sql.countSQL.sql)
        _ = try connection.cached(sql.pageSQL(after: query.position?.values, limit: KeysetQuery.rowsToFetch(forPageOf: query.limit)).sql)
        do {
            return try reader.read {
                try reader.page(
                    sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value,
                    decode: Self.decode, key: { [.real($0.hit.rank), .integer($0.rowid)] })
            }.map(\.hit)
        } catch let error as SQLiteError where error.code.primary == .error {
            throw SearchError.invalidQuery(error.message)
        }
    }

    static func keysetQuery(_ query: SearchQuery) -> KeysetQuery {
        var sql = KeysetQuery(
            select: "kind, record_id, title, snippet(search, -1, '[', ']', '…', 12), bm25(search, 0.0, 0.0, 4.0, 1.0), rowid",
            from: "search",
            order: [.init("bm25(search, 0.0, 0.0, 4.0, 1.0)", .real), .init("rowid", .integer)])
        sql.filter("search MATCH ?", .text(query.text))
        sql.filter("kind {in}", anyOf: query.kinds.map(\.rawValue))
        return sql
    }

    /// A hit and its index row's rowid (its tie-breaker).
    static func decode(_ row: Row) throws -> (hit: SearchHit, rowid: Int64) {
        let hit = SearchHit(
            kind: try row.value(0, as: SearchKind.self, table: "search"), id: try row.string(1),
            title: try row.string(2), snippet: try row.string(3), rank: try row.double(4))
        return (hit, try row.int64(5))
    }
}
