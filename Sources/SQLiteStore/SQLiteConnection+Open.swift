import CSQLite

extension SQLiteConnection {
    /// How a connection opens its file.
    public enum OpenMode: Sendable, Hashable {
        /// Reads only (`SQLITE_OPEN_READONLY`, plus `PRAGMA query_only`); the file must exist.
        case readOnly
        /// Reads and writes; the file must exist.
        case readWrite
        /// Reads and writes, creating the file if it is missing.
        case readWriteCreate

        /// Whether connections in this mode write (and so need a writable file and directory).
        public var writes: Bool { self != .readOnly }

        /// Flags for `sqlite3_open_v2`. NOMUTEX: a connection is confined to one thread, so
        /// SQLite's per-connection mutex is pure overhead (sqlite.org/threadsafe.html, multi-thread
        /// mode). EXRESCODE: extended result codes from the start, open errors included.
        var flags: Int32 {
            let access: Int32 = switch self {
            case .readOnly: SQLITE_OPEN_READONLY
            case .readWrite: SQLITE_OPEN_READWRITE
            case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            }
            return access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        }
    }

    /// `:memory:` and the empty name (a private temporary database) have no file to check.
    static func isSpecialName(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }

    /// The name handed to SQLite. This build has SQLITE_USE_URI, so a plain path that starts
    /// with `file:` would be parsed as a URI; `./` keeps it a file name.
    static func sqlitePath(for path: String) -> String {
        path.hasPrefix("file:") ? "./" + path : path
    }

    /// Checks what SQLite would report late or vaguely, before anything is opened or created.
    /// Returns whether the file existed.
    static func checkBeforeOpen(path: String, mode: OpenMode) throws(StoreError) -> Bool {
        let directory = FileSystem.parentDirectory(of: path)
        guard FileSystem.isDirectory(directory) else {
            throw .directoryMissing(path: path)
        }
        let exists = FileSystem.exists(path)
        if !exists && mode != .readWriteCreate {
            throw .databaseMissing(path: path)
        }
        if mode.writes {
            // WAL creates <path>-wal and <path>-shm beside the file, so the directory must be
            // writable as well as the file (sqlite.org/wal.html §"Read-Only Databases").
            if (exists && !FileSystem.isWritable(path)) || !FileSystem.isWritable(directory) {
                throw .readOnly(path: path)
            }
        }
        return exists
    }

    /// Settings every connection gets, then the checks that need an open handle.
    func configure(busyTimeout: Duration, isFile: Bool) throws {
        sqlite3_extended_result_codes(db, 1)
        let milliseconds = busyTimeout.components.seconds * 1000
            + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        _ = csqlite_set_busy_timeout(db, Int32(clamping: milliseconds))
        // Double-quoted strings are identifiers only: a misspelt column in "quotes" is an error,
        // not a silent string literal (sqlite.org/quirks.html §8).
        _ = csqlite_db_config_int(db, SQLITE_DBCONFIG_DQS_DML, 0, nil)
        _ = csqlite_db_config_int(db, SQLITE_DBCONFIG_DQS_DDL, 0, nil)

        // SQLite reads the file lazily; reading the schema cookie is the first real read, so a
        // file that is not a database fails here with SQLITE_NOTADB, before anything is written.
        try execute("PRAGMA schema_version")
        // match_offsets(), which search snippets are built from (CSQLite/shim.h). An SQLite
        // without FTS5 has no fts5() to register it through; then only SQL that calls it fails.
        _ = csqlite_register_fts5_match_offsets(db)

        if mode.writes && isReadOnly {
            // The OS refused write access and SQLite fell back to read-only
            // (sqlite.org/c3ref/open.html, SQLITE_OPEN_READWRITE).
            throw StoreError.readOnly(path: path)
        }
        try execute("PRAGMA foreign_keys = ON")
        if mode == .readOnly {
            try execute("PRAGMA query_only = ON")
        } else if isFile {
            try enableWriteAheadLog()
        }
    }

    /// WAL, so that readers run beside the writer, with `synchronous = FULL`.
    ///
    /// Durability: the API acknowledges a write with a 2xx only after COMMIT returns, and that
    /// write must survive kill -9 *and* power loss. In WAL mode `synchronous = NORMAL` survives
    /// an application crash, but "a transaction committed in WAL mode with synchronous=NORMAL
    /// might roll back following a power loss or system crash" (sqlite.org/pragma.html
    /// #pragma_synchronous); FULL syncs the WAL at every commit, which closes that gap. The cost
    /// is one fsync per write transaction, and writes here are rare (seeding, a few endpoints).
    func enableWriteAheadLog() throws {
        let journalMode = try cached("PRAGMA journal_mode = WAL").query { try $0.string(0) }.first
        guard journalMode?.lowercased() == "wal" else {
            throw SQLiteError(
                code: .error,
                message: "could not switch to WAL (journal mode is \(journalMode ?? "unknown"))",
                sql: "PRAGMA journal_mode = WAL", offset: nil)
        }
        try execute("PRAGMA synchronous = FULL")
    }

    /// Maps whatever an open threw to the `StoreError` a caller (the CLI) can print.
    static func openFailure(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? SQLiteError else {
            return .cannotOpen(path: path, cause: SQLiteError(code: .error, message: "\(error)", sql: nil, offset: nil))
        }
        switch error.code.primary {
        case .notADatabase: return .notADatabase(path: path)
        case .readOnly: return .readOnly(path: path)
        default: return .cannotOpen(path: path, cause: error)
        }
    }

    /// Undoes a file this process created: the database and any journal SQLite left beside it.
    static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            FileSystem.removeIfPresent(path + suffix)
        }
    }

    /// The SQL text between two pointers into the same C string (`tail` nil means the end).
    static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>?) -> String {
        guard let end else { return String(cString: start) }
        // Without the blank bytes SQL allows between statements (sqlite.org/lang_keywords.html: space,
        // tab, line feed, form feed, carriage return).
        let isBlank = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var bytes = UnsafeRawBufferPointer(start: start, count: end - start)[...]
        while let first = bytes.first, isBlank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isBlank(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
