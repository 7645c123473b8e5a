/// How a top-level transaction takes its lock (sqlite.org/lang_transaction.html).
public enum TransactionKind: String, Sendable {
    /// Takes no lock until the first read or write; a read-only transaction sees one snapshot.
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a later write cannot fail with SQLITE_BUSY part-way.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode the two are the same.
    case exclusive = "EXCLUSIVE"
}

extension SQLiteConnection {
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Nested calls (or a call inside a transaction begun elsewhere) use a savepoint: an inner
    /// rollback undoes only the inner work, and the outer transaction decides about the rest
    /// (sqlite.org/lang_savepoint.html). `kind` applies to the outermost transaction only.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try run("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
            try run("COMMIT")
        } catch {
            rollbackIfActive("ROLLBACK")
            throw error
        }
        return result
    }

    /// Runs `body` inside `SAVEPOINT`, released on return and rolled back to on a throw.
    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "sco_savepoint_\(savepointDepth)"
        try run("SAVEPOINT \(name)")
        do {
            let result = try body()
            try run("RELEASE \(name)")
            return result
        } catch {
            rollbackIfActive("ROLLBACK TO \(name)")
            rollbackIfActive("RELEASE \(name)")
            throw error
        }
    }

    /// Runs a rollback unless SQLite already ended the transaction itself, which it does on
    /// some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM: sqlite.org/lang_transaction.html
    /// §"Response To Errors Within A Transaction"). A failing rollback leaves nothing to do.
    private func rollbackIfActive(_ sql: String) {
        guard isInTransaction else { return }
        try? run(sql)
    }
}
