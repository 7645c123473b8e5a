import Glibc
import SQLiteStore

/// The dataset in one SQLite file: the `DatasetStore` the server runs on.
///
/// Every event loop reads through a read-only connection of its own (WAL lets readers run
/// beside the writer); writes go through the database's one serialized writer connection in
/// `BEGIN IMMEDIATE`, each with its change-log entry; every commit this process makes bumps the
/// database's data version.
public final class SQLiteDatasetStore: DatasetStore {
    /// The database file, for callers that need SQLite itself (seed, export, tests).
    public let database: Database

    /// The database file and its WAL as they were when the store was made.
    private let files: OpenedFiles

    /// Whether `close` checkpoints the WAL into the file (not when Litestream owns checkpoints,
    /// nor on a replica, whose file Litestream writes).
    private let checkpointsAtClose: Bool

    public init(database: Database, checkpointsAtClose: Bool = true) {
        self.database = database
        self.checkpointsAtClose = checkpointsAtClose
        files = OpenedFiles(path: database.path)
    }

    /// Opens a Litestream replica's file for serving it: read-only, no migration, no seed; the
    /// schema must be one this binary knows (checked by readiness).
    public static func openReplica(path: String, busyTimeout: Duration = .seconds(5)) throws -> SQLiteDatasetStore {
        SQLiteDatasetStore(database: try Database(readingOnly: path, busyTimeout: busyTimeout), checkpointsAtClose: false)
    }

    /// Opens `path` for serving: creates, migrates and (when empty) seeds it; see `Dataset.open`.
    ///
    /// `underLitestream`: Litestream streams the WAL to a replica store and checkpoints it
    /// itself, so SQLite's automatic checkpoints are turned off and `close` leaves the WAL be,
    /// as Litestream's documentation asks.
    public static func open(
        path: String, createIfMissing: Bool = true, seedIfEmpty: Bool = true, busyTimeout: Duration = .seconds(5),
        underLitestream: Bool = false
    ) throws -> (store: SQLiteDatasetStore, report: OpenReport) {
        let (database, report) = try Dataset.open(
            path: path, createIfMissing: createIfMissing, seedIfEmpty: seedIfEmpty, busyTimeout: busyTimeout)
        if underLitestream { try database.disableAutomaticCheckpoints() }
        return (SQLiteDatasetStore(database: database, checkpointsAtClose: !underLitestream), report)
    }

    public var dataVersion: UInt64 { database.dataVersion }

    public func refreshDataVersion() {
        _ = try? database.refreshDataVersion()
    }

    public func makeLoopReader() throws -> (reader: any DatasetReader, transaction: any SharedReadTransaction) {
        let reader = SQLiteDatasetReader(connection: try database.makeReader())
        let files = files
        reader.fileCheck = { () throws(StorageFault) in try files.check() }
        let database = database
        let transaction = reader.shareTransactions { database.dataVersion }
        return (reader, transaction)
    }

    public func write<T>(
        tokenName: String, representation: @escaping (WritableRecord) -> [UInt8], _ body: (any DatasetEditor) throws -> T
    ) throws -> T {
        try database.write { connection in
            try files.check()
            let result = try body(DatasetWriter(connection: connection, tokenName: tokenName, representation: representation))
            try ChangeLog.stampSequence(on: connection)
            return result
        }
    }

    /// A TRUNCATE checkpoint, so that the file holds every commit and the WAL is empty; none
    /// where Litestream checkpoints (its documentation asks applications not to).
    public func close() -> CloseReport {
        guard checkpointsAtClose else {
            return CloseReport(succeeded: true, message: "left the WAL to Litestream")
        }
        do {
            let result = try database.checkpoint(.truncate)
            return CloseReport(succeeded: true, message: "checkpointed the WAL", fields: [("frames", result.checkpointedFrames)])
        } catch {
            return CloseReport(succeeded: false, message: "WAL checkpoint at shutdown failed: \(error)")
        }
    }
}

/// The device and inode of a database file and of its WAL when they were opened (nil for one
/// that was not there: an in-memory database, a WAL not yet made).
///
/// SQLite keeps writing to the file it holds open, so after an `rm` or a `mv` over the path
/// every commit would be acknowledged and then lost at the next start; writes and readiness
/// check this first (two `stat` calls).
struct OpenedFiles: Sendable {
    let path: String
    let file: FileIdentity?
    let wal: FileIdentity?

    init(path: String) {
        self.path = path
        file = FileIdentity(path: path)
        wal = FileIdentity(path: path + "-wal")
    }

    func check() throws(StorageFault) {
        if let file, FileIdentity(path: path) != file {
            throw StorageFault(kind: .replaced, message: "the database file \(path) was deleted or replaced after the server opened it")
        }
        if let wal, FileIdentity(path: path + "-wal") != wal {
            throw StorageFault(kind: .replaced, message: "the WAL \(path)-wal was deleted or replaced after the server opened it")
        }
    }
}

/// A file's device and inode: what stays the same while it is the same file, whatever its name.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path`, or nil when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
