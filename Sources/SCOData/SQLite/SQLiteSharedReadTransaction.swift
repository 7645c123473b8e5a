import SQLiteStore

/// The read transaction that the requests of one event-loop wake-up share, on the loop's
/// read connection: begun by the first read that needs it, ended when the loop has answered
/// what the wake-up brought, and ended early whenever the data version that labels it moves.
///
/// Beginning and ending a transaction for every request costs two statements and the WAL read
/// lock, which every loop's connection takes under one shared-memory mutex; sharing one per
/// wake-up keeps that off the per-request path. The version is the store's `dataVersion`,
/// bumped on every commit this process makes: when it has moved since the transaction began,
/// the next read ends it and begins another, so a read never returns data older than a write
/// committed before it, nor data older than its label.
final class SQLiteSharedReadTransaction: SharedReadTransaction {
    let connection: SQLiteConnection
    private let version: @Sendable () -> UInt64
    /// The version when the transaction began; nil while none is open.
    private var openVersion: UInt64?

    init(connection: SQLiteConnection, version: @escaping @Sendable () -> UInt64) {
        self.connection = connection
        self.version = version
    }

    /// Whether a shared transaction is open (a caller's own transaction is not one).
    var isOpen: Bool { openVersion != nil }

    /// Makes sure a transaction labelled with the current version is open; true when it began
    /// one now (after ending a stale one).
    func enter() throws -> Bool {
        let current = version()
        if let open = openVersion, open != current || !connection.isInTransaction {
            end()
        }
        guard openVersion == nil else { return false }
        try connection.run("BEGIN DEFERRED")
        openVersion = current
        return true
    }

    func endIfStale() {
        guard let openVersion, version() != openVersion else { return }
        end()
    }

    func end() {
        guard openVersion != nil else { return }
        openVersion = nil
        // A read transaction has nothing to lose: a failing COMMIT (never seen) is rolled back.
        if connection.isInTransaction, (try? connection.run("COMMIT")) == nil {
            try? connection.run("ROLLBACK")
        }
    }
}
