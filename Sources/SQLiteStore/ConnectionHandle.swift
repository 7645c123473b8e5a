import CSQLite

/// The one owner of an `sqlite3*`: it closes the handle exactly once.
///
/// `SQLiteConnection` and every `PreparedStatement` it prepared hold this object, so the handle outlives the
/// last statement and `sqlite3_close_v2` runs after every `sqlite3_finalize`
/// (sqlite.org/c3ref/close.html: closing with unfinalized statements would leave a zombie).
final class ConnectionHandle {
    let db: OpaquePointer
    private var isClosed = false

    init(_ db: OpaquePointer) {
        self.db = db
    }

    /// Closes now instead of at deinit; used when an open fails half-way. Idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        // sqlite3_close_v2 never fails for a valid handle; it defers the close if statements remain.
        let code = sqlite3_close_v2(db)
        assert(code == SQLITE_OK, "sqlite3_close_v2 returned \(code)")
    }

    deinit {
        close()
    }
}

@available(*, unavailable, message: "a connection handle belongs to one thread")
extension ConnectionHandle: Sendable {}
