import Testing
@testable import SQLiteStore
import TestSupport

@Suite struct ConnectionLifecycleTests {
    @Test func closesTheHandleOnlyAfterTheLastStatementIsFinalized() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("life.db")
        var connection: SQLiteConnection? = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try connection?.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
        var statement: PreparedStatement? = try connection?.prepare("SELECT x FROM t")
        #expect(TestSupport.exists(path + "-wal"))

        connection = nil
        // The statement keeps the handle open, and still works.
        #expect(TestSupport.exists(path + "-wal"))
        #expect(try statement?.query { try $0.int(0) } == [1])

        statement = nil
        // The last close of a WAL database checkpoints and deletes -wal and -shm
        // (sqlite.org/wal.html): proof that sqlite3_close_v2 ran.
        #expect(!TestSupport.exists(path + "-wal"))
        #expect(!TestSupport.exists(path + "-shm"))
    }

    @Test func statementsAreFinalizedWhenEvictedOrReleased() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWriteCreate, statementCacheCapacity: 4)
        for value in 0..<20 {
            _ = try connection.query("SELECT \(value)") { try $0.int(0) }
        }
        #expect(connection.cachedStatementCount == 4)
        #expect(connection.unfinalizedStatementCount == 4)

        do {
            let uncached = try connection.prepare("SELECT 'mine'")
            #expect(connection.unfinalizedStatementCount == 5)
            _ = uncached
        }
        #expect(connection.unfinalizedStatementCount == 4)

        connection.clearStatementCache()
        #expect(connection.unfinalizedStatementCount == 0)
    }

    /// A statement found again by its text's address is the cached one, for the same text and
    /// for an equal text elsewhere; once evicted, it is found by neither, and it is finalized
    /// when its holders let it go.
    @Test func statementsFoundByAddressFollowTheCache() throws {
        let connection = try SQLiteConnection(path: ":memory:", mode: .readWriteCreate, statementCacheCapacity: 2)
        let text = "SELECT 1 AS first_column_of_a_long_enough_text"
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        let first = try connection.cached(text)
        #expect(try connection.cached(text) === first)
        #expect(try connection.cached(copy) === first)
        #expect(try connection.cached(text) === first)
        // Two other texts fill the cache, the first one evicted as the least recently used.
        _ = try connection.cached("SELECT 2 AS second_column_of_a_long_enough_text")
        _ = try connection.cached("SELECT 3 AS third_column_of_a_long_enough_text")
        #expect(connection.cachedStatementCount == 2)
        let again = try connection.cached(text)
        #expect(again !== first)
        #expect(try connection.cached(copy) === again)
        #expect(try connection.query(text) { try $0.int(0) } == [1])
        // The most recent uses decide what goes: `text` stays, the third text is evicted.
        _ = try connection.cached("SELECT 4 AS fourth_column_of_a_long_enough_text")
        #expect(try connection.cached(text) === again)
        connection.clearStatementCache()
        #expect(try connection.cached(text) !== again)
    }

    @Test func executeFinalizesEveryStatementOfAScriptEvenOnError() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); SELECT * FROM t")
        _ = try? connection.execute("SELECT * FROM t; SELECT * FROM missing")
        #expect(connection.unfinalizedStatementCount == 0)
    }

    @Test func aDirectoryIsNotADatabaseFile() throws {
        let directory = try TemporaryDirectory()
        let error = #expect(throws: StoreError.self) {
            try SQLiteConnection(path: directory.path, mode: .readWrite)
        }
        guard case .cannotOpen(let path, let cause) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == directory.path)
        #expect(cause.code.primary == .cantOpen)
    }
}
