import CSQLite

/// One SQLite database connection, owned by one thread.
///
/// Opens and configures the database (see `SQLiteConnection+Open.swift`), runs SQL, and keeps a cache
/// of prepared statements keyed by their SQL text. Not `Sendable`: a connection and its
/// statements stay on the thread (event loop) that uses them; `Database` hands out readers and
/// guards the one writer. The handle is closed with `sqlite3_close_v2` exactly once, when the
/// connection and every statement it prepared are gone.
public final class SQLiteConnection {
    let handle: ConnectionHandle
    /// The path this connection was opened with (`:memory:` for an in-memory database).
    public let path: String
    /// How the file was opened.
    public let mode: OpenMode
    var statementCache: StatementCache
    /// How many savepoints `transaction` has opened inside the current transaction.
    var savepointDepth = 0

    var db: OpaquePointer { handle.db }

    /// Opens (and, for `.readWriteCreate`, creates) the database at `path`.
    ///
    /// Throws `StoreError` with a one-line description for the start-up failures: a missing
    /// directory, a missing file, a file that is not a database, a read-only file or directory
    /// for a mode that writes. A failed open leaves nothing behind: no file is created when the
    /// directory is missing, and a file this call created is removed again.
    public convenience init(
        path: String,
        mode: OpenMode = .readWrite,
        busyTimeout: Duration = .seconds(5),
        statementCacheCapacity: Int = 256
    ) throws {
        try self.init(
            path: path, mode: mode, busyTimeout: busyTimeout,
            statementCacheCapacity: statementCacheCapacity, afterOpen: { _ in }
        )
    }

    /// Opens a private in-memory database, for tests and scratch work.
    public static func inMemory() throws -> SQLiteConnection {
        try SQLiteConnection(path: ":memory:", mode: .readWriteCreate)
    }

    /// The VFS connections open with, nil when it could not be registered (the default then).
    private static let vfsName: String? = {
        configureLibrary
        return sqlite3_vfs_find(CSQLITE_VFS_NAME) == nil ? nil : CSQLITE_VFS_NAME
    }()

    /// Process-wide settings, made once before SQLite initializes (the first open): no memory
    /// statistics, so that allocations take no global mutex (CSQLite/shim.h).
    private static let configureLibrary: Void = {
        _ = csqlite_disable_memory_statistics()
        _ = csqlite_register_vfs()
    }()

    /// The designated initialiser; `afterOpen` runs last, and if it throws the open is undone
    /// like any other failure (a test hook for the clean-up path).
    package init(
        path: String,
        mode: OpenMode,
        busyTimeout: Duration,
        statementCacheCapacity: Int = 256,
        afterOpen: (SQLiteConnection) throws -> Void
    ) throws {
        let isFile = !Self.isSpecialName(path)
        let existedBefore = isFile ? try Self.checkBeforeOpen(path: path, mode: mode) : false

        Self.configureLibrary
        var pointer: OpaquePointer?
        // CSQLITE_VFS_NAME: the default VFS with SQLite's internal lock retries cut to about
        // 0.2 s, so no statement waits on a lock longer than its busy timeout (CSQLite/shim.h).
        let code = sqlite3_open_v2(Self.sqlitePath(for: path), &pointer, mode.flags, Self.vfsName)
        guard let pointer else {
            // Only an out-of-memory failure leaves no handle at all.
            throw StoreError.cannotOpen(path: path, cause: SQLiteError(code: code, db: nil))
        }
        self.handle = ConnectionHandle(pointer)
        self.path = path
        self.mode = mode
        self.statementCache = StatementCache(capacity: statementCacheCapacity)

        do {
            guard code == SQLITE_OK else { throw SQLiteError(code: code, db: pointer) }
            try configure(busyTimeout: busyTimeout, isFile: isFile)
            try afterOpen(self)
        } catch {
            statementCache.removeAll()
            handle.close()
            if isFile && !existedBefore {
                Self.removeDatabaseFiles(at: path)
            }
            throw Self.openFailure(error, path: path)
        }
    }

    // MARK: - Running SQL

    /// Runs a script of one or more statements separated by semicolons, with no bindings.
    ///
    /// Each statement is prepared, stepped to completion (rows are discarded) and finalized in
    /// turn; an error names the statement that failed and stops the script there.
    public func execute(_ sql: String) throws {
        try sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(db, current, -1, &statement, &tail)
                let text = Self.text(from: current, to: tail)
                guard code == SQLITE_OK else { throw SQLiteError(code: code, db: db, sql: text) }
                cursor = tail
                guard let statement else { continue }  // whitespace or a comment
                defer { sqlite3_finalize(statement) }
                var step = sqlite3_step(statement)
                while step == SQLITE_ROW { step = sqlite3_step(statement) }
                guard step == SQLITE_DONE else { throw SQLiteError(code: step, db: db, sql: text) }
            }
        }
    }

    /// Prepares one statement, uncached: the caller owns it and it is finalized at its deinit.
    public func prepare(_ sql: String) throws -> PreparedStatement {
        try PreparedStatement(handle: handle, sql: sql)
    }

    /// The cached statement for `sql`, prepared on first use and reset, with its bindings
    /// cleared, on every later one: the same object each time while it stays in the cache.
    ///
    /// The cache holds `statementCacheCapacity` statements and evicts the least recently used.
    /// Do not ask for a statement that is still being stepped (a query inside its own row loop):
    /// `query` and `run` handle that case by preparing a private copy.
    public func cached(_ sql: String) throws -> PreparedStatement {
        try cachedStatement(sql, privateCopyIfBusy: false)
    }

    /// The cached statement for `sql`, reset, with one cache lookup; a new private one instead
    /// when `privateCopyIfBusy` and the cached one is being stepped.
    func cachedStatement(_ sql: String, privateCopyIfBusy: Bool) throws -> PreparedStatement {
        if let statement = statementCache.statement(for: sql) {
            if privateCopyIfBusy, statement.isBusy { return try prepare(sql) }
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statementCache.insert(statement, for: sql)
        return statement
    }

    /// Drops every cached statement (they are finalized once nobody else holds them).
    public func clearStatementCache() {
        statementCache.removeAll()
    }

    /// How many statements the cache holds.
    public var cachedStatementCount: Int { statementCache.count }

    /// How many statements are prepared on this connection and not yet finalized, cached or
    /// not (`sqlite3_next_stmt`); for leak tests.
    package var unfinalizedStatementCount: Int {
        var count = 0
        var statement = sqlite3_next_stmt(db, nil)
        while let current = statement {
            count += 1
            statement = sqlite3_next_stmt(db, current)
        }
        return count
    }

    // MARK: - State

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(db) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes64(db)) }

    /// Rows changed by this connection since it was opened.
    public var totalChanges: Int { Int(sqlite3_total_changes64(db)) }

    /// Whether a transaction is open (the connection is not in autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(db) == 0 }

    /// Whether the main database was opened read-only.
    public var isReadOnly: Bool { sqlite3_db_readonly(db, "main") == 1 }

    /// `PRAGMA data_version`: changes whenever *another* connection (in this process or any
    /// other) commits to the database; this connection's own commits leave it alone
    /// (sqlite.org/pragma.html#pragma_data_version).
    public func externalDataVersion() throws -> Int64 {
        try cached("PRAGMA data_version").query { try $0.int64(0) }.first ?? 0
    }
}

@available(*, unavailable, message: "a connection belongs to one thread; use Database to share")
extension SQLiteConnection: Sendable {}
