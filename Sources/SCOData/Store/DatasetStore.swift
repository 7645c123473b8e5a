/// Where the dataset is kept, as the API sees it: the one seam between the API and a storage
/// engine (`SQLiteDatasetStore` is the engine today).
///
/// A store hands each event loop its own reader, runs writes one at a time, and keeps a data
/// version that moves with every commit, from which the API derives its cache keys and ETags.
/// It is shared by every loop, so it is `Sendable`; the readers it makes are not, and stay on
/// the thread that made them.
public protocol DatasetStore: AnyObject, Sendable {
    /// A number that changes whenever the data may have: read it before reading the data it
    /// will label, so that a label is never newer than what it labels.
    var dataVersion: UInt64 { get }

    /// Moves `dataVersion` when another process committed since the last look; never waits.
    func refreshDataVersion()

    /// A reader for the calling thread (an event loop), and the read transaction its reads
    /// share until the loop ends it (see `SharedReadTransaction`).
    func makeLoopReader() throws -> (reader: any DatasetReader, transaction: any SharedReadTransaction)

    /// Runs `body` as one serialized write transaction; a throw rolls it all back, a return
    /// commits it durably and moves `dataVersion`. `tokenName` names the writer in the change
    /// log; `representation` gives a record's bytes as the read API serves them, which the log
    /// keeps as each change's before and after.
    func write<T>(
        tokenName: String, representation: @escaping (WritableRecord) -> [UInt8], _ body: (any DatasetEditor) throws -> T
    ) throws -> T

    /// Called once the server has stopped serving: flushes what the engine keeps pending (a
    /// WAL checkpoint), and says how that went, for the log.
    func close() -> CloseReport
}

/// What closing a store did: a log line's message and fields, and whether it succeeded.
public struct CloseReport: Sendable {
    public var succeeded: Bool
    public var message: String
    public var fields: [(String, Int)]

    public init(succeeded: Bool, message: String, fields: [(String, Int)] = []) {
        self.succeeded = succeeded
        self.message = message
        self.fields = fields
    }
}
