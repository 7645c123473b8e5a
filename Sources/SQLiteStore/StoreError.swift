/// The store's own failures: opening a database file, decoding rows, and migrations.
///
/// Every case prints as one human line (the CLI shows it and exits non-zero). SQLite's own errors
/// during normal work are `SQLiteError`; they appear here only as the cause of an open or a
/// migration that failed.
public enum StoreError: Error, Hashable, Sendable {
    /// The directory that should hold the database file does not exist; nothing was created.
    case directoryMissing(path: String)
    /// The mode does not create files and there is no file at `path`.
    case databaseMissing(path: String)
    /// The file exists but is not an SQLite database (`SQLITE_NOTADB`); it was left untouched.
    case notADatabase(path: String)
    /// A command that writes was given a file, or a directory, that cannot be written.
    case readOnly(path: String)
    /// Opening or configuring the database failed for another reason.
    case cannotOpen(path: String, cause: SQLiteError)

    /// A column held a storage class the caller did not ask for (NULL for a non-optional read,
    /// text for an integer, ...).
    case columnType(column: String, expected: String, found: String)

    /// An applied migration's SQL differs from this binary's copy (checksum mismatch).
    case migrationChanged(file: String, recordedChecksum: String, currentChecksum: String)
    /// An applied migration's id is known under another name.
    case migrationRenamed(recordedFile: String, currentFile: String)
    /// The database records a migration this binary does not know: it is from a newer version.
    case unknownMigration(file: String)
    /// A migration failed and was rolled back; the database is as it was before it.
    case migrationFailed(file: String, cause: SQLiteError)
    /// Migrations exist that the database has not applied yet.
    case migrationsPending(files: [String])
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .directoryMissing(let path):
            "cannot open database \(path): its directory does not exist"
        case .databaseMissing(let path):
            "no database at \(path) (run the migrate command to create one)"
        case .notADatabase(let path):
            "\(path) is not an SQLite database"
        case .readOnly(let path):
            "database \(path) is read-only: the file and its directory must be writable (WAL creates -wal and -shm files beside it)"
        case .cannotOpen(let path, let cause):
            "cannot open database \(path): \(cause.message)"
        case .columnType(let column, let expected, let found):
            "column \(column) holds \(found), expected \(expected)"
        case .migrationChanged(let file, let recorded, let current):
            "migration \(file) was edited after it was applied (checksum \(recorded.prefix(12)) recorded, \(current.prefix(12)) now)"
        case .migrationRenamed(let recorded, let current):
            "migration \(recorded) was applied but this binary calls it \(current)"
        case .unknownMigration(let file):
            "the database has migration \(file) applied, which this binary does not know (the database is from a newer version)"
        case .migrationFailed(let file, let cause):
            "migration \(file) failed and was rolled back: \(cause.message)"
        case .migrationsPending(let files):
            "the database needs migrating: \(files.joined(separator: ", ")) pending"
        }
    }
}
