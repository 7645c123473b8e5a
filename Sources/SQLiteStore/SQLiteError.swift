import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reported by SQLite: its result code, its message and the SQL that caused it.
///
/// Carries the statement text (with its `?` placeholders) but never the bound values, which may
/// be personal data and belong in no log. Match by code:
/// `catch let error as SQLiteError where error.code == .constraintUnique`.
public struct SQLiteError: Error, Hashable, Sendable {
    /// The extended result code (connections enable them; sqlite.org/rescode.html).
    public let code: ResultCode
    /// SQLite's message, from `sqlite3_errmsg` (e.g. `UNIQUE constraint failed: people.slug`).
    public let message: String
    /// The SQL statement being prepared or run, when there was one.
    public let sql: String?
    /// The byte offset in `sql` that the error refers to, when SQLite knows it
    /// (`sqlite3_error_offset`, 3.38+; syntax errors mostly).
    public let offset: Int?

}

extension SQLiteError {
    /// Reads the error state of `db` after a call returned `code`.
    ///
    /// For I/O-class failures (IOERR, FULL, CANTOPEN) the message also names the OS error
    /// SQLite saw (`sqlite3_system_errno`), so "disk I/O error" says "No space left on device"
    /// or "File too large".
    init(code: Int32, db: OpaquePointer?, sql: String? = nil) {
        var message: String
        if let db, let text = sqlite3_errmsg(db) {
            message = String(cString: text)
        } else {
            message = sqlite3_errstr(code).map { String(cString: $0) } ?? "unknown error"
        }
        let primary = code & 0xFF
        if let db, primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN {
            let systemError = sqlite3_system_errno(db)
            if systemError != 0, let text = strerror(systemError) {
                message += " (\(String(cString: text)))"
            }
        }
        let offset = db.map { Int(sqlite3_error_offset($0)) } ?? -1
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql, offset: offset >= 0 ? offset : nil)
    }

    /// The primary result code (`.constraint` for a `.constraintUnique`).
    public var primaryCode: ResultCode { code.primary }
}

extension SQLiteError: CustomStringConvertible {
    /// One line: code, message, and the SQL when known.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql {
            text += " — in: " + sql.split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        return text
    }
}
