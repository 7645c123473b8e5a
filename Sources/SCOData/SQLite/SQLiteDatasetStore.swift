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

    public init(database: Database) {
        self.database = database
    }

    /// Opens `path` for serving: creates, migrates and (when empty) seeds it; see `Dataset.open`.
    public static func open(
        path: String, createIfMissing: Bool = true, seedIfEmpty: Bool = true, busyTimeout: Duration = .seconds(5)
    ) throws -> (store: SQLiteDatasetStore, report: OpenReport) {
        let (database, report) = try Dataset.open(
            path: path, createIfMissing: createIfMissing, seedIfEmpty: seedIfEmpty, busyTimeout: busyTimeout)
        return (SQLiteDatasetStore(database: database), report)
    }

    public var dataVersion: UInt64 { database.dataVersion }

    public func refreshDataVersion() {
        _ = try? database.refreshDataVersion()
    }

    public func makeLoopReader() throws -> (reader: any DatasetReader, transaction: any SharedReadTransaction) {
        let reader = SQLiteDatasetReader(connection: try database.makeReader())
        let database = database
        let transaction = reader.shareTransactions { database.dataVersion }
        return (reader, transaction)
    }

    public func write<T>(
        tokenName: String, representation: @escaping (WritableRecord) -> [UInt8], _ body: (any DatasetEditor) throws -> T
    ) throws -> T {
        try database.write { connection in
            try body(DatasetWriter(connection: connection, tokenName: tokenName, representation: representation))
        }
    }

    /// A TRUNCATE checkpoint, so that the file holds every commit and the WAL is empty.
    public func close() -> CloseReport {
        do {
            let result = try database.checkpoint(.truncate)
            return CloseReport(succeeded: true, message: "checkpointed the WAL", fields: [("frames", result.checkpointedFrames)])
        } catch {
            return CloseReport(succeeded: false, message: "WAL checkpoint at shutdown failed: \(error)")
        }
    }
}
