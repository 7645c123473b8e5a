import Locking
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A database file as the server uses it: one serialized writer, readers on demand, and a
/// data version that changes with every commit.
///
/// - The writer is one read-write connection behind a `Lock`; `write` runs its body in
///   `BEGIN IMMEDIATE`, so writes never interleave and never fail half-way on a lock.
/// - Readers come from `makeReader()`: a read-only connection for one thread (one per event
///   loop). WAL lets them read a consistent snapshot while the writer commits.
/// - Connections are in WAL mode with `synchronous = FULL` (see `SQLiteConnection.enableWriteAheadLog`
///   for why FULL: an acknowledged write survives power loss), `foreign_keys = ON` and a busy
///   timeout.
///
/// `dataVersion` is bumped after each writer commit, so a value read before reading data is
/// never newer than the data read: derive ETags and cache keys from it. It starts from the wall
/// clock in nanoseconds, so a restarted process never reuses a version an earlier one handed
/// out. Commits by other processes (a `seed` run beside `serve`) are noticed by
/// `refreshDataVersion()`.
public final class Database: Sendable {
    /// The database file.
    public let path: String
    private let busyTimeout: Duration
    /// Held while the writer is in use; guards `writer` and holds the last
    /// `PRAGMA data_version` the writer reported.
    private let writerLock: Lock<Int64>
    /// Only touched while `writerLock` is held. A `Lock` is Sendable only around a Sendable value,
    /// and a connection is not, so it lives beside the lock instead of in it.
    private nonisolated(unsafe) let writer: SQLiteConnection
    private let version: Atomic<UInt64>

    /// Opens the writer connection; `create` allows a missing file to be created.
    ///
    /// Throws `StoreError` for the start-up failures (missing directory, missing file when
    /// `create` is false, not a database, read-only file or directory).
    public convenience init(path: String, create: Bool = true, busyTimeout: Duration = .seconds(5)) throws {
        try self.init(path: path, writerMode: create ? .readWriteCreate : .readWrite, busyTimeout: busyTimeout)
    }

    /// Opens a file another process keeps up to date (a Litestream replica) for reading only:
    /// the "writer" is a read-only connection, used to notice that process's commits, and
    /// `write` fails as SQLite does on a read-only database. The file's journal mode is left
    /// as it is.
    public convenience init(readingOnly path: String, busyTimeout: Duration = .seconds(5)) throws {
        try self.init(path: path, writerMode: .readOnly, busyTimeout: busyTimeout)
    }

    private init(path: String, writerMode: SQLiteConnection.OpenMode, busyTimeout: Duration) throws {
        let connection = try SQLiteConnection(path: path, mode: writerMode, busyTimeout: busyTimeout)
        self.writerLock = Lock(try connection.externalDataVersion())
        self.writer = connection
        self.path = path
        self.busyTimeout = busyTimeout
        self.version = Atomic(Self.wallClockNanoseconds())
    }

    /// Turns SQLite's automatic checkpoints off on the writer (`PRAGMA wal_autocheckpoint = 0`),
    /// for a file whose WAL Litestream copies and checkpoints itself.
    public func disableAutomaticCheckpoints() throws {
        try withWriterLock { try $0.execute("PRAGMA wal_autocheckpoint = 0") }
    }

    /// The current data version; read it before reading the data it will label.
    public var dataVersion: UInt64 {
        version.load(ordering: .acquiring)
    }

    /// How long a read connection waits for a lock. In WAL mode a reader needs none that a
    /// writer holds, so a wait means something unusual holds the file (another process's
    /// recovery or exclusive lock); a read then fails soon, as busy, rather than stall its
    /// event loop for the writer's busy timeout.
    public static let readerBusyTimeout: Duration = .milliseconds(100)

    /// A new read-only connection for the calling thread (`SQLITE_OPEN_READONLY` and
    /// `PRAGMA query_only`), with `readerBusyTimeout`. Keep it on that thread; open one per
    /// event loop.
    public func makeReader() throws -> SQLiteConnection {
        try SQLiteConnection(path: path, mode: .readOnly, busyTimeout: min(busyTimeout, Self.readerBusyTimeout))
    }

    /// Runs `body` on the writer inside `BEGIN IMMEDIATE`, commits, then bumps `dataVersion`.
    ///
    /// Calls from many threads are serialized by the mutex. `body` may nest
    /// `connection.transaction` (savepoints) but must not call `write` again: the mutex is not
    /// recursive. A throw rolls back and leaves `dataVersion` alone.
    public func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let result = try withWriterLock { writer in
            try writer.transaction(.immediate) { try body(writer) }
        }
        bumpDataVersion()
        return result
    }

    /// Runs `body` on the writer with no transaction around it, for work that manages its
    /// own (migrations) or cannot run in one (VACUUM). Bumps `dataVersion` afterwards, whether
    /// or not `body` threw, since it may have committed.
    public func withWriter<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        defer { bumpDataVersion() }
        return try withWriterLock(body)
    }

    /// Applies pending migrations on the writer; returns those applied now.
    @discardableResult
    public func migrate(_ migrator: Migrator) throws -> [Migration] {
        try withWriter { try migrator.migrate(on: $0) }
    }

    /// Checks the database against `migrator` (see `Migrator.validate`) without changing it.
    public func validate(_ migrator: Migrator, allowingPending: Bool = false) throws {
        try withWriterLock { try migrator.validate(on: $0, allowingPending: allowingPending) }
    }

    /// Runs a WAL checkpoint on the writer.
    @discardableResult
    public func checkpoint(_ mode: SQLiteConnection.CheckpointMode = .passive) throws -> SQLiteConnection.CheckpointResult {
        try withWriterLock { try $0.checkpoint(mode) }
    }

    /// Bumps `dataVersion` if another connection committed since the last look (another
    /// process: this one writes only through the writer). Never waits: when the writer is busy,
    /// it returns false, and that write's own commit bumps the version. Cheap enough to call
    /// per request: `PRAGMA data_version` reads the WAL index in shared memory.
    @discardableResult
    public func refreshDataVersion() throws -> Bool {
        let changed = try writerLock.withLockIfAvailable { lastSeen throws -> Bool in
            let current = try writer.externalDataVersion()
            guard current != lastSeen else { return false }
            lastSeen = current
            return true
        }
        guard changed == true else { return false }
        bumpDataVersion()
        return true
    }

    /// Runs `body` with the writer while holding the lock.
    private func withWriterLock<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writerLock.withLock { _ in try body(writer) }
    }

    private func bumpDataVersion() {
        version.wrappingAdd(1, ordering: .releasing)
    }

    private static func wallClockNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
