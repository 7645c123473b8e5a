import SQLiteStore

/// Search over the FTS5 table `search`, ranked by bm25, pages by keyset on (rank, kind, id).
///
/// Ranks depend on the whole index (bm25 weighs a term by how many rows hold it), so a position
/// stays exact while the data is unchanged; after an edit, later pages follow the new ranks.
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
        _ = try connection.cached(sql.pageSQL(after: query.position?.values, limit: query.limit + 1).sql)
        do {
            return try reader.read {
                try reader.page(
                    sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value,
                    decode: Self.decode, key: { [.real($0.rank), .text($0.kind.rawValue), .text($0.id)] })
            }
        } catch let error as SQLiteError where error.code.primary == .error {
            throw SearchError.invalidQuery(error.message)
        }
    }

    static func keysetQuery(_ query: SearchQuery) -> KeysetQuery {
        var sql = KeysetQuery(
            select: "kind, record_id, title, snippet(search, -1, '[', ']', '…', 12), bm25(search, 0.0, 0.0, 4.0, 1.0)",
            from: "search",
            order: [.init("bm25(search, 0.0, 0.0, 4.0, 1.0)", .real), .init("kind", .text), .init("record_id", .text)])
        sql.filter("search MATCH ?", .text(query.text))
        sql.filter("kind {in}", anyOf: query.kinds.map(\.rawValue))
        return sql
    }

    static func decode(_ row: Row) throws -> SearchHit {
        SearchHit(
            kind: try row.value(0, as: SearchKind.self, table: "search"), id: try row.string(1),
            title: try row.string(2), snippet: try row.string(3), rank: try row.double(4))
    }
}
