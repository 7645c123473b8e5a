import SQLiteStore

/// What refers to a record, so that deleting it is refused rather than leaving a dangling id
/// that the fixture validator (and so `seed` of an export) would reject.
///
/// Statements and quantities name any record in `about`; statements answer statements in
/// `respondsTo`; events name the same act told elsewhere in `sameAs`; every record cites sources in its `sources` quotes and in its notes' quotes (JSON columns, searched with
/// `json_tree`, https://sqlite.org/json1.html#jtree: a deletion of a source is rare enough for a
/// scan of each table).
struct ReferenceFinder {
    let connection: SQLiteConnection

    /// The tables whose records quote sources: their id column and their JSON columns of quotes.
    private static let citingTables: [(label: String, table: String, key: String, columns: [String])] = [
        ("state", "states", "code", ["sources", "notes"]), ("organization", "organizations", "id", ["sources", "notes"]),
        ("person", "people", "id", ["sources", "notes"]), ("region", "regions", "id", ["sources", "notes"]),
        ("summit", "summits", "id", ["sources", "notes"]), ("declaration", "declarations", "id", ["sources", "notes"]),
        ("clause", "clauses", "id", ["sources"]), ("event", "events", "id", ["sources"]),
        ("statement", "statements", "id", ["sources"]), ("quantity", "quantities", "id", ["sources"]),
    ]

    /// Each referrer as `statement 'x' (about)`, in a stable order.
    func referrers(of kind: RecordKind, id: String) throws -> [String] {
        var referrers = try connection.query(
            "SELECT statement_id FROM statement_subjects WHERE subject_id = ? ORDER BY statement_id", [.text(id)]
        ) { "statement '\(try $0.string(0))' (about)" }
        referrers += try connection.query(
            "SELECT id FROM quantities AS q WHERE EXISTS (SELECT 1 FROM json_each(q.about) WHERE value = ?) ORDER BY id", [.text(id)]
        ) { "quantity '\(try $0.string(0))' (about)" }
        switch kind {
        case .statement:
            referrers += try connection.query(
                "SELECT statement_id FROM statement_responses WHERE responds_to_id = ? ORDER BY statement_id", [.text(id)]
            ) { "statement '\(try $0.string(0))' (respondsTo)" }
        case .event:
            referrers += try connection.query(
                "SELECT event_id FROM event_links WHERE other_id = ? ORDER BY event_id", [.text(id)]
            ) { "event '\(try $0.string(0))' (sameAs)" }
        case .source:
            for citing in Self.citingTables {
                for column in citing.columns {
                    // Table and column names come from the list above, never from input.
                    referrers += try connection.query(
                        """
                        SELECT \(citing.key) FROM \(citing.table) AS t
                        WHERE EXISTS (SELECT 1 FROM json_tree(t.\(column)) WHERE key = 'sourceId' AND atom = ?)
                        ORDER BY \(citing.key)
                        """, [.text(id)]
                    ) { "\(citing.label) '\(try $0.string(0))' (\(column))" }
                }
            }
        case .clause:
            break
        }
        return referrers
    }
}
