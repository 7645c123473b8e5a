import Dispatch
import Testing
@testable import SQLiteStore
import TestSupport

@Suite struct DatabaseTests {
    private func makeDatabase(_ directory: TemporaryDirectory) throws -> Database {
        let database = try Database(path: directory.file("sco.db"))
        try database.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        return database
    }

    @Test func aReaderInATransactionSeesItsSnapshotUntilItEnds() throws {
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        try database.write { try $0.run("INSERT INTO t VALUES (1)") }
        let reader = try database.makeReader()

        try reader.transaction {
            #expect(try reader.integer("SELECT count(*) FROM t") == 1)
            try database.write { try $0.run("INSERT INTO t VALUES (2)") }
            #expect(try reader.integer("SELECT count(*) FROM t") == 1)
        }
        #expect(try reader.integer("SELECT count(*) FROM t") == 2)
    }

    @Test func everyCommitBumpsTheDataVersionAndARollbackDoesNot() throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        let start = database.dataVersion
        try database.write { try $0.run("INSERT INTO t VALUES (1)") }
        #expect(database.dataVersion == start + 1)

        #expect(throws: Abort.self) {
            try database.write { connection in
                try connection.run("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(database.dataVersion == start + 1)
        let count = try database.write { try $0.integer("SELECT count(*) FROM t") }
        #expect(count == 1)
    }

    @Test func writesFromManyThreadsAreSerialized() throws {
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        try database.write { try $0.run("INSERT INTO t VALUES (0)") }
        let start = database.dataVersion
        let threads = 4
        let writesPerThread = 25
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<writesPerThread {
                // Read-modify-write in separate statements: lost updates would show if two
                // writers ever interleaved.
                try! database.write { connection in
                    let x = try connection.integer("SELECT x FROM t") ?? -1
                    try connection.run("UPDATE t SET x = ?", [.integer(x + 1)])
                }
            }
        }
        let reader = try database.makeReader()
        #expect(try reader.integer("SELECT x FROM t") == Int64(threads * writesPerThread))
        #expect(database.dataVersion == start + UInt64(threads * writesPerThread))
    }

    @Test func theWriterIsConfiguredForDurability() throws {
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        let settings = try database.withWriter { connection in
            (try connection.text("PRAGMA journal_mode"), try connection.integer("PRAGMA synchronous"),
             try connection.integer("PRAGMA foreign_keys"))
        }
        #expect(settings.0 == "wal")
        #expect(settings.1 == 2)
        #expect(settings.2 == 1)
        let reader = try database.makeReader()
        #expect(reader.isReadOnly)
        #expect(try reader.integer("PRAGMA foreign_keys") == 1)
    }

    @Test func noticesCommitsFromOtherConnections() throws {
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        #expect(try database.refreshDataVersion() == false)
        let before = database.dataVersion

        let otherProcess = try SQLiteConnection(path: database.path, mode: .readWrite)
        try otherProcess.run("INSERT INTO t VALUES (9)")
        #expect(try database.refreshDataVersion() == true)
        #expect(database.dataVersion == before + 1)
        #expect(try database.refreshDataVersion() == false)

        // Our own writes are counted by write(), not again by refresh.
        try database.write { try $0.run("INSERT INTO t VALUES (10)") }
        #expect(try database.refreshDataVersion() == false)
        #expect(database.dataVersion == before + 2)
    }

    @Test func nestedTransactionsInsideAWriteUseSavepoints() throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        try database.write { connection in
            try connection.run("INSERT INTO t VALUES (1)")
            try? connection.transaction {
                try connection.run("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        let reader = try database.makeReader()
        #expect(try reader.query("SELECT x FROM t") { try $0.int(0) } == [1])
    }

    @Test func checkpointCopiesTheLogBack() throws {
        let directory = try TemporaryDirectory()
        let database = try makeDatabase(directory)
        try database.write { try $0.run("INSERT INTO t VALUES (1)") }
        let result = try database.checkpoint(.truncate)
        #expect(result.logFrames == 0)
        #expect(TestSupport.bytes(at: database.path + "-wal") == [])
    }

    @Test func refusesToCreateWhenAskedNotTo() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("absent.db")
        #expect(throws: StoreError.databaseMissing(path: path)) {
            try Database(path: path, create: false)
        }
    }
}
