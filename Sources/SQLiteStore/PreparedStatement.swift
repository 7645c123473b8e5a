import CSQLite

/// One prepared statement (`sqlite3_stmt`), owned by one thread.
///
/// Prepared once, then reset and rebound for every execution; finalized exactly once, at
/// deinit. It holds its connection's handle, so the connection is closed only after the last
/// statement is finalized. Get one from `SQLiteConnection.cached(_:)` (reused) or `prepare(_:)`.
public final class PreparedStatement {
    let handle: ConnectionHandle
    let pointer: OpaquePointer
    /// The SQL text, with its placeholders; never the bound values.
    public let sql: String
    private var columnIndexes: [String: Int]?

    /// Prepares exactly one statement. More than one, or none, is a programmer error.
    init(handle: ConnectionHandle, sql: String) throws {
        self.handle = handle
        self.sql = sql
        let db = handle.db
        var prepared: OpaquePointer?
        let hasMore: Bool = try sql.withCString { start in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(
                db, start, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, &tail)
            guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, sql: sql) }
            return Self.hasStatement(db: db, at: tail)
        }
        guard let prepared else {
            preconditionFailure("no SQL statement in \"\(sql)\"")
        }
        self.pointer = prepared
        precondition(!hasMore, "prepare takes one statement; use execute for scripts: \(sql)")
    }

    deinit {
        sqlite3_finalize(pointer)
    }

    /// Whether `tail` holds another statement (not just whitespace and comments).
    private static func hasStatement(db: OpaquePointer, at tail: UnsafePointer<CChar>?) -> Bool {
        guard let tail, tail.pointee != 0 else { return false }
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(db, tail, -1, &next, nil)
        sqlite3_finalize(next)
        return code != SQLITE_OK || next != nil
    }

    var db: OpaquePointer { handle.db }

    // MARK: - Stepping

    /// Advances to the next row: `true` when a row is ready, `false` when done.
    public func step() throws -> Bool {
        let code = sqlite3_step(pointer)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: code, db: db, sql: sql)
        }
    }

    /// Rewinds to the start, ending any read it held open; bindings stay.
    ///
    /// `sqlite3_reset` repeats the last step's error, which `step` has already thrown.
    public func reset() {
        sqlite3_reset(pointer)
    }

    /// Whether the statement has been stepped and not yet reset or run to completion
    /// (`sqlite3_stmt_busy`).
    public var isBusy: Bool { sqlite3_stmt_busy(pointer) != 0 }

    /// Whether the statement leaves the database unchanged (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(pointer) != 0 }

    /// The current row; valid until the next `step`, `reset` or a new binding.
    public var row: Row { Row(statement: self) }

    // MARK: - Running

    /// Resets, binds `bindings` and runs to completion, discarding any rows it returns.
    public func execute(_ bindings: [SQLiteValue] = []) throws {
        reset()
        try bind(bindings)
        defer { reset() }
        while try step() {}
    }

    /// Resets, binds `bindings` and decodes every row.
    public func query<T>(_ bindings: [SQLiteValue] = [], _ decode: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(bindings) { results.append(try decode($0)) }
        return results
    }

    /// Resets, binds `bindings` and hands each row to `body`, without collecting them.
    /// The statement is reset afterwards, which ends its read.
    public func forEachRow(_ bindings: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        reset()
        try bind(bindings)
        defer { reset() }
        let row = Row(statement: self)
        while try step() {
            try body(row)
        }
    }

    // MARK: - Columns

    /// The number of columns in a result row.
    public var columnCount: Int { Int(sqlite3_column_count(pointer)) }

    /// The name of column `index` (its `AS` alias when there is one).
    public func columnName(_ index: Int) -> String {
        sqlite3_column_name(pointer, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// The names of all result columns, in order.
    public var columnNames: [String] { (0..<columnCount).map(columnName) }

    /// The index of the column called `name` (ASCII case-insensitive, as SQLite compares
    /// identifiers); the first one when several share the name.
    public func columnIndex(named name: String) -> Int? {
        if columnIndexes == nil {
            var indexes: [String: Int] = [:]
            for index in (0..<columnCount).reversed() {
                indexes[columnName(index).lowercased()] = index
            }
            columnIndexes = indexes
        }
        return columnIndexes?[name.lowercased()]
    }
}

@available(*, unavailable, message: "a statement belongs to its connection's thread")
extension PreparedStatement: Sendable {}
