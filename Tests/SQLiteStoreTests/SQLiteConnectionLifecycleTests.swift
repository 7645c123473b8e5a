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
