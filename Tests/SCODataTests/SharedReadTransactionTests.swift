import SQLiteStore
import Testing

@testable import SCOData

/// `SQLiteSharedReadTransaction`: the reads of one event-loop wake-up share a snapshot,
/// and a commit that moves the data version ends it before the next read.
@Suite struct SharedReadTransactionTests {
    let store: SeededStore

    init() throws {
        store = try SeededStore(seed: false)
        try store.write("CREATE TABLE probe (x INTEGER)")
    }

    /// The store's reader, sharing transactions labelled by the database's data version, as an
    /// event loop's reader does.
    func sharingReader() -> (SQLiteDatasetReader, any SharedReadTransaction) {
        let database = store.database
        let transaction = store.reader.shareTransactions { database.dataVersion }
        return (store.reader, transaction)
    }

    /// Rows of `probe`, read through `reader.read` as a repository reads.
    func probeCount(_ reader: SQLiteDatasetReader) throws -> Int {
        try reader.read { try reader.connection.queryFirst("SELECT count(*) FROM probe") { try $0.int(0) } ?? -1 }
    }

    /// A commit by a connection of its own, which does not move `Database.dataVersion` (as
    /// another process's would not until the server looks).
    func commitElsewhere() throws {
        let other = try SQLiteConnection(path: store.path, mode: .readWrite)
        try other.run("INSERT INTO probe VALUES (1)")
    }

    @Test func readsShareOneSnapshotUntilTheWakeUpEnds() throws {
        let (reader, transaction) = sharingReader()
        #expect(try probeCount(reader) == 0)
        #expect(reader.connection.isInTransaction, "the transaction stays open for the next read")
        try commitElsewhere()
        #expect(try probeCount(reader) == 0, "the same snapshot: the version did not move")
        transaction.end()
        #expect(!reader.connection.isInTransaction)
        #expect(try probeCount(reader) == 1)
        transaction.end()
    }

    @Test func aCommitThatMovesTheVersionEndsTheSnapshotBeforeTheNextRead() throws {
        let (reader, transaction) = sharingReader()
        #expect(try probeCount(reader) == 0)
        try store.write("INSERT INTO probe VALUES (2)")
        #expect(try probeCount(reader) == 1, "a write this process committed is seen at once")
        try commitElsewhere()
        try store.write("INSERT INTO probe VALUES (3)")
        #expect(try probeCount(reader) == 3)
        transaction.end()
    }

    @Test func aStaleSnapshotEndsForReadsOutsideRead() throws {
        let (reader, transaction) = sharingReader()
        _ = try probeCount(reader)
        transaction.endIfStale()
        #expect(reader.connection.isInTransaction, "nothing committed: the snapshot stays")
        try store.write("INSERT INTO probe VALUES (4)")
        transaction.endIfStale()
        #expect(!reader.connection.isInTransaction)
        #expect(try store.integer("SELECT count(*) FROM probe") == 1)
    }

    @Test func withoutSharingEveryReadIsItsOwnTransaction() throws {
        let reader = store.reader
        #expect(try probeCount(reader) == 0)
        #expect(!reader.connection.isInTransaction)
        try commitElsewhere()
        #expect(try probeCount(reader) == 1)
    }

    @Test func aReadInsideACallersTransactionIsASavepointOfIt() throws {
        let (reader, _) = sharingReader()
        let inside = try reader.connection.transaction { try probeCount(reader) }
        #expect(inside == 0)
        #expect(!reader.connection.isInTransaction, "the caller's transaction ended; no shared one was begun in it")
    }

    @Test func aFailedReadLeavesTheSharedSnapshotUsable() throws {
        let (reader, transaction) = sharingReader()
        _ = try probeCount(reader)
        #expect(throws: SQLiteError.self) {
            try reader.read { try reader.connection.run("SELECT * FROM no_such_table") }
        }
        #expect(try probeCount(reader) == 0)
        try store.write("INSERT INTO probe VALUES (5)")
        #expect(try probeCount(reader) == 1)
        transaction.end()
    }

    /// The totals a reader keeps are checked once per transaction, and still follow the data
    /// from one transaction to the next.
    @Test func cachedTotalsFollowCommitsAcrossSharedSnapshots() throws {
        let (reader, transaction) = sharingReader()
        let count: KeysetQuery.SQL = ("SELECT count(*) FROM probe", [])
        #expect(try reader.read { try reader.total(fingerprint: "probe", countSQL: count) } == 0)
        try commitElsewhere()
        #expect(try reader.read { try reader.total(fingerprint: "probe", countSQL: count) } == 0, "one snapshot")
        transaction.end()
        #expect(try reader.read { try reader.total(fingerprint: "probe", countSQL: count) } == 1)
        transaction.end()
    }
}

/// A reader over the writer's connection, inside the writer's transaction (as `RecordStore`
/// reads): a total counted before a write in the same transaction is counted again after it.
@Suite struct ReaderOverTheWriterTests {
    @Test func aWriteInTheSameTransactionMovesTheTotal() throws {
        let store = try SeededStore(seed: false)
        try store.write("CREATE TABLE probe (x INTEGER)")
        let count: KeysetQuery.SQL = ("SELECT count(*) FROM probe", [])
        let totals = try store.database.write { writer -> [Int] in
            let reader = SQLiteDatasetReader(connection: writer)
            let before = try reader.read { try reader.total(fingerprint: "probe", countSQL: count) }
            try writer.run("INSERT INTO probe VALUES (1)")
            let after = try reader.read { try reader.total(fingerprint: "probe", countSQL: count) }
            return [before, after]
        }
        #expect(totals == [0, 1])
    }
}
