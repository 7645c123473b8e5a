import SQLiteStore

/// Which kind of record each of some ids names in the database, in one query on the primary
/// keys: what the fixture validator's `IdentifierIndex` knows of a whole document, for just the
/// ids one record refers to.
struct IdentifierLookup {
    let connection: SQLiteConnection

    private static let sql: String = {
        let tables: [(kind: IdentifierIndex.Kind, table: String, key: String)] = [
            (.source, "sources", "id"), (.organization, "organizations", "id"), (.state, "states", "code"),
            (.person, "people", "id"), (.region, "regions", "id"), (.summit, "summits", "id"),
            (.declaration, "declarations", "id"), (.clause, "clauses", "id"), (.event, "events", "id"),
            (.statement, "statements", "id"), (.quantity, "quantities", "id"),
        ]
        // `?1` is one parameter used in every arm: the ids as a JSON array.
        return tables.map { "SELECT '\($0.kind.rawValue)', \($0.key) FROM \($0.table) WHERE \($0.key) IN (SELECT value FROM json_each(?1))" }
            .joined(separator: " UNION ALL ")
    }()

    /// The kind of each id that names a record; ids that name none are absent.
    func kinds(of ids: Set<String>) throws -> [String: IdentifierIndex.Kind] {
        var kinds: [String: IdentifierIndex.Kind] = [:]
        guard !ids.isEmpty else { return kinds }
        try connection.forEachRow(Self.sql, [.text(StoredJSON.text(strings: ids.sorted()))]) { row in
            if let kind = IdentifierIndex.Kind(rawValue: try row.string(0)) {
                kinds[try row.string(1)] = kind
            }
        }
        return kinds
    }

    /// The texts of the sources among `ids`, byte for byte.
    func sourceTexts(_ ids: Set<String>) throws -> [String: String] {
        var texts: [String: String] = [:]
        guard !ids.isEmpty else { return texts }
        try connection.forEachRow(
            "SELECT id, text FROM sources WHERE id IN (SELECT value FROM json_each(?))", [.text(StoredJSON.text(strings: ids.sorted()))]
        ) { row in
            texts[try row.string(0)] = try row.string(1)
        }
        return texts
    }
}
