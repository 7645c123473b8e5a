extension SQLiteConnection {
    /// Runs one statement with `bindings` through the statement cache, discarding any rows.
    /// Read `changes` or `lastInsertRowID` afterwards for what it did.
    public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws {
        try statementForUse(sql).execute(bindings)
    }

    /// Runs one cached query and decodes every row.
    public func query<T>(_ sql: String, _ bindings: [SQLiteValue] = [], _ decode: (Row) throws -> T) throws -> [T] {
        try statementForUse(sql).query(bindings, decode)
    }

    /// Runs one cached query and decodes its first row, or returns nil when there is none.
    /// The statement is reset after the first row, so the rest are never computed.
    public func queryFirst<T>(_ sql: String, _ bindings: [SQLiteValue] = [], _ decode: (Row) throws -> T) throws -> T? {
        let statement = try statementForUse(sql)
        statement.reset()
        try statement.bind(bindings)
        defer { statement.reset() }
        return try statement.step() ? decode(statement.row) : nil
    }

    /// Runs one cached query and hands each row to `body`, for streaming without an array.
    public func forEachRow(_ sql: String, _ bindings: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        try statementForUse(sql).forEachRow(bindings, body)
    }

    /// The cached statement for `sql`, or a private one when the cached one is still being
    /// stepped (a query issued from inside the row loop of the same query), which resetting
    /// would silently cut short.
    func statementForUse(_ sql: String) throws -> PreparedStatement {
        try cachedStatement(sql, privateCopyIfBusy: true)
    }
}
