import SQLiteStore

/// The `changes` table (0003): appended to by `DatasetWriter` inside each write's transaction,
/// read page by page for `GET /v1/changes`.
public enum ChangeLog {
    static let columns = "seq, at, token_name, operation, kind, record_id, before, after"

    /// Appends one entry and returns it as stored (its `seq` and its commit-time `at`).
    static func append(
        _ operation: ChangeOperation, kind: RecordKind, id: String, tokenName: String, before: String?, after: String?,
        on connection: SQLiteConnection
    ) throws -> Change {
        // RETURNING reads the row back from the INSERT itself (https://sqlite.org/lang_returning.html).
        let change = try connection.queryFirst(
            """
            INSERT INTO changes (at, token_name, operation, kind, record_id, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?)
            RETURNING \(columns)
            """,
            [.text(tokenName), .text(operation.rawValue), .text(kind.rawValue), .text(id), .nullable(before), .nullable(after)],
            decode)
        guard let change else { throw DatasetError.corruptValue(table: "changes", column: "seq", detail: "INSERT returned no row") }
        return change
    }

    /// The newest entry's `seq`, 0 for an empty log: the change sequence the database is at.
    public static func latestSeq(on connection: SQLiteConnection) throws -> Int {
        try connection.queryFirst("SELECT coalesce(max(seq), 0) FROM changes") { try $0.int(0) } ?? 0
    }

    /// Writes the change sequence into the file header's `user_version` when it moved, inside
    /// the caller's write transaction. Returns the sequence.
    ///
    /// Litestream's follow mode copies a commit's pages into a replica's file behind SQLite's
    /// back, and a reader there notices only when page 1 changes (Litestream then rewrites its
    /// change counter). In WAL mode a commit need not touch page 1, so without this a replica's
    /// long-lived connections would keep serving pages from their cache. It also lets anyone
    /// read the sequence with `PRAGMA user_version`.
    @discardableResult
    public static func stampSequence(on connection: SQLiteConnection) throws -> Int {
        let seq = try latestSeq(on: connection)
        let stamped = Int32(truncatingIfNeeded: seq) & Int32.max
        let current = try connection.queryFirst("PRAGMA user_version") { try $0.int(0) } ?? 0
        if current != Int(stamped) { try connection.execute("PRAGMA user_version = \(stamped)") }
        return seq
    }

    /// The entries after `seq` (exclusive), oldest first, at most `limit`, with how many there
    /// are after `seq` in all; both read in one snapshot.
    public static func page(after seq: Int, limit: Int, on connection: SQLiteConnection) throws -> (changes: [Change], total: Int) {
        precondition(limit > 0, "a page holds at least one change")
        return try connection.transaction(.deferred) {
            let total = try connection.queryFirst("SELECT count(*) FROM changes WHERE seq > ?", [.int(seq)]) { try $0.int(0) } ?? 0
            let changes = try connection.query(
                "SELECT \(columns) FROM changes WHERE seq > ? ORDER BY seq LIMIT ?", [.int(seq), .int(limit)], decode)
            return (changes, total)
        }
    }

    /// The newest entry about one record, or nil when it has none.
    public static func last(_ kind: RecordKind, id: String, on connection: SQLiteConnection) throws -> Change? {
        try connection.queryFirst(
            "SELECT \(columns) FROM changes WHERE kind = ? AND record_id = ? ORDER BY seq DESC LIMIT 1",
            [.text(kind.rawValue), .text(id)], decode)
    }

    static func decode(_ row: Row) throws -> Change {
        let operation = try row.string(3)
        guard let parsed = ChangeOperation(rawValue: operation) else {
            throw DatasetError.corruptValue(table: "changes", column: "operation", detail: "unknown value \"\(operation)\"")
        }
        return Change(
            seq: try row.int(0), at: try row.string(1), tokenName: try row.optionalString(2), operation: parsed,
            kind: try row.string(4), recordID: try row.string(5), before: try row.optionalString(6),
            after: try row.optionalString(7))
    }
}
