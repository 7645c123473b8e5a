import CSQLite

/// Applies an ordered list of migrations, each in its own transaction with its bookkeeping row.
///
/// The bookkeeping table is `schema_migrations (id, name, checksum, applied_at)`. Before any
/// change, the migrator refuses, touching nothing, a database whose applied migrations do not
/// match this binary: an applied migration whose SQL changed (checksum), one known under another
/// name, or an id this binary does not know (a database from a newer version). A migration that
/// fails is rolled back whole, its row included; those before it in the same run stay applied.
///
/// Migration SQL must not contain BEGIN, COMMIT or ROLLBACK (an authorizer refuses them: they
/// would split the migration from its row), and `PRAGMA foreign_keys` has no effect inside it
/// (sqlite.org/foreignkeys.html §2). Foreign keys are checked before each commit.
public struct Migrator: Sendable {
    /// The migrations in id order.
    public let migrations: [Migration]

    /// A migrator over `migrations`, in any order. A duplicate id is a programmer error: trap.
    public init(migrations: [Migration]) {
        var seen: [Int: Migration] = [:]
        for migration in migrations {
            if let earlier = seen[migration.id] {
                preconditionFailure(
                    "duplicate migration id \(migration.id): \(earlier.fileName) and \(migration.fileName)")
            }
            seen[migration.id] = migration
        }
        self.migrations = migrations.sorted { $0.id < $1.id }
    }

    /// Every known migration, applied or pending. Reads only; throws the same refusals as
    /// `validate` when the database does not match this binary.
    public func status(on connection: SQLiteConnection) throws -> [MigrationStatus] {
        let applied = try appliedRows(on: connection)
        try check(applied)
        let appliedAt = Dictionary(uniqueKeysWithValues: applied.map { ($0.id, $0.appliedAt) })
        return migrations.map { migration in
            MigrationStatus(
                migration: migration,
                state: appliedAt[migration.id].map { .applied(at: $0) } ?? .pending)
        }
    }

    /// Applies every pending migration in order; returns the ones applied by this call.
    ///
    /// Each runs in `BEGIN IMMEDIATE` and re-checks inside it whether another process applied it
    /// meanwhile, so two processes migrating at once apply each migration once.
    @discardableResult
    public func migrate(on connection: SQLiteConnection) throws -> [Migration] {
        let applied = try appliedRows(on: connection)
        try check(applied)
        let appliedIDs = Set(applied.map(\.id))
        var appliedNow: [Migration] = []
        for migration in migrations where !appliedIDs.contains(migration.id) {
            if try apply(migration, on: connection) {
                appliedNow.append(migration)
            }
        }
        return appliedNow
    }

    /// Throws unless the database matches this binary: the refusals of `migrate`, and
    /// `StoreError.migrationsPending` when migrations are pending (unless `allowingPending`).
    /// Changes nothing. The server calls this at start.
    public func validate(on connection: SQLiteConnection, allowingPending: Bool = false) throws {
        let applied = try appliedRows(on: connection)
        try check(applied)
        let appliedIDs = Set(applied.map(\.id))
        let pending = migrations.filter { !appliedIDs.contains($0.id) }
        if !pending.isEmpty && !allowingPending {
            throw StoreError.migrationsPending(files: pending.map(\.fileName))
        }
    }

    // MARK: - Applying

    /// Runs one migration and records it, in one transaction. Returns false when another
    /// process applied it first.
    private func apply(_ migration: Migration, on connection: SQLiteConnection) throws -> Bool {
        do {
            return try connection.transaction(.immediate) {
                try connection.execute(Self.createTable)
                if let row = try appliedRow(id: migration.id, on: connection) {
                    try check([row])
                    return false
                }
                try Self.refusingTransactionControl(on: connection) {
                    try connection.execute(migration.sql)
                }
                try Self.checkForeignKeys(on: connection)
                try connection.run(
                    """
                    INSERT INTO schema_migrations (id, name, checksum, applied_at)
                    VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    """,
                    [.int(migration.id), .text(migration.name), .text(migration.checksum)])
                return true
            }
        } catch let error as SQLiteError {
            throw StoreError.migrationFailed(file: migration.fileName, cause: Self.explained(error))
        }
    }

    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT
        """

    /// Runs `body` with an authorizer that refuses BEGIN, COMMIT, ROLLBACK and savepoints at
    /// prepare time (sqlite.org/c3ref/set_authorizer.html, SQLITE_TRANSACTION and SQLITE_SAVEPOINT).
    private static func refusingTransactionControl(on connection: SQLiteConnection, _ body: () throws -> Void) throws {
        sqlite3_set_authorizer(connection.db, { _, action, _, _, _, _ in
            action == SQLITE_TRANSACTION || action == SQLITE_SAVEPOINT ? SQLITE_DENY : SQLITE_OK
        }, nil)
        defer { sqlite3_set_authorizer(connection.db, nil, nil) }
        try body()
    }

    /// `PRAGMA foreign_key_check`: a migration that leaves a dangling reference fails.
    private static func checkForeignKeys(on connection: SQLiteConnection) throws {
        let violations = try connection.query("PRAGMA foreign_key_check") { row in
            try row.string(0)
        }
        guard let table = violations.first else { return }
        throw SQLiteError(
            code: .constraintForeignKey,
            message: "FOREIGN KEY constraint failed: \(violations.count) row(s) violate a foreign key, first in table \(table)",
            sql: "PRAGMA foreign_key_check", offset: nil)
    }

    /// The authorizer's refusal reads "not authorized"; say why.
    private static func explained(_ error: SQLiteError) -> SQLiteError {
        guard error.code == .authorization else { return error }
        return SQLiteError(
            code: error.code,
            message: "migrations must not contain BEGIN, COMMIT, ROLLBACK or SAVEPOINT: each already runs in its own transaction",
            sql: error.sql, offset: error.offset)
    }

    // MARK: - Reading the bookkeeping

    struct AppliedRow {
        let id: Int
        let name: String
        let checksum: String
        let appliedAt: String
    }

    private func appliedRows(on connection: SQLiteConnection) throws -> [AppliedRow] {
        let hasTable = try connection.queryFirst(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true } ?? false
        guard hasTable else { return [] }
        return try connection.query(
            "SELECT id, name, checksum, applied_at FROM schema_migrations ORDER BY id", [],
            Self.decodeRow)
    }

    private func appliedRow(id: Int, on connection: SQLiteConnection) throws -> AppliedRow? {
        try connection.queryFirst(
            "SELECT id, name, checksum, applied_at FROM schema_migrations WHERE id = ?", [.int(id)],
            Self.decodeRow)
    }

    private static func decodeRow(_ row: Row) throws -> AppliedRow {
        AppliedRow(
            id: try row.int(0), name: try row.string(1),
            checksum: try row.string(2), appliedAt: try row.string(3))
    }

    /// Throws the first mismatch between applied rows and this binary's migrations.
    private func check(_ applied: [AppliedRow]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.id, $0) })
        for row in applied {
            let recordedFile = Migration.fileName(id: row.id, name: row.name)
            guard let migration = known[row.id] else {
                throw StoreError.unknownMigration(file: recordedFile)
            }
            guard migration.name == row.name else {
                throw StoreError.migrationRenamed(recordedFile: recordedFile, currentFile: migration.fileName)
            }
            let checksum = migration.checksum
            guard checksum == row.checksum else {
                throw StoreError.migrationChanged(
                    file: migration.fileName, recordedChecksum: row.checksum, currentChecksum: checksum)
            }
        }
    }
}
