import Testing
@testable import SQLiteStore
import TestSupport

@Suite struct TransactionTests {
    private struct Abort: Error {}

    private func makeTable() throws -> SQLiteConnection {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (x INTEGER)")
        return connection
    }

    private func values(_ connection: SQLiteConnection) throws -> [Int] {
        try connection.query("SELECT x FROM t ORDER BY x") { try $0.int(0) }
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let connection = try makeTable()
        let result = try connection.transaction {
            try connection.run("INSERT INTO t VALUES (1)")
            #expect(connection.isInTransaction)
            return "done"
        }
        #expect(result == "done")
        #expect(!connection.isInTransaction)
        #expect(try values(connection) == [1])
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        let connection = try makeTable()
        #expect(throws: Abort.self) {
            try connection.transaction(.immediate) {
                try connection.run("INSERT INTO t VALUES (1)")
                throw Abort()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try values(connection) == [])
    }

    @Test func anInnerRollbackKeepsTheOuterWork() throws {
        let connection = try makeTable()
        try connection.transaction {
            try connection.run("INSERT INTO t VALUES (1)")
            #expect(throws: Abort.self) {
                try connection.transaction {
                    try connection.run("INSERT INTO t VALUES (2)")
                    try connection.transaction { try connection.run("INSERT INTO t VALUES (3)") }
                    throw Abort()
                }
            }
            try connection.transaction { try connection.run("INSERT INTO t VALUES (4)") }
            #expect(connection.isInTransaction)
        }
        #expect(try values(connection) == [1, 4])
    }

    @Test func anOuterRollbackUndoesReleasedInnerWork() throws {
        let connection = try makeTable()
        #expect(throws: Abort.self) {
            try connection.transaction {
                try connection.transaction { try connection.run("INSERT INTO t VALUES (1)") }
                throw Abort()
            }
        }
        #expect(try values(connection) == [])
    }

    @Test func aDeferredForeignKeyViolationFailsTheCommitAndRollsBack() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction {
                try connection.run("INSERT INTO child VALUES (42)")
            }
        }
        #expect(error?.code == .constraintForeignKey)
        #expect(!connection.isInTransaction)
        #expect(try connection.integer("SELECT count(*) FROM child") == 0)
    }

    @Test func immediateTakesTheWriteLockAtBegin() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("lock.db")
        let first = try SQLiteConnection(path: path, mode: .readWriteCreate, busyTimeout: .zero)
        let second = try SQLiteConnection(path: path, mode: .readWrite, busyTimeout: .zero)
        try first.transaction(.immediate) {
            let error = #expect(throws: SQLiteError.self) {
                try second.transaction(.immediate) {}
            }
            #expect(error?.primaryCode == .busy)
            // A deferred transaction that only reads still works beside the writer (WAL).
            let count = try second.transaction(.deferred) { try second.integer("SELECT count(*) FROM sqlite_schema") }
            #expect(count == 0)
        }
        #expect(!second.isInTransaction)
    }

    @Test func aLockIsWaitedForUpToTheBusyTimeoutThenBusy() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("wait.db")
        let first = try SQLiteConnection(path: path, mode: .readWriteCreate, busyTimeout: .zero)
        let second = try SQLiteConnection(path: path, mode: .readWrite, busyTimeout: .milliseconds(300))
        let clock = ContinuousClock()
        try first.transaction(.immediate) {
            let started = clock.now
            let error = #expect(throws: SQLiteError.self) {
                try second.transaction(.immediate) {}
            }
            #expect(error?.primaryCode == .busy)
            // The busy handler sleeps itself: the VFS's capped sleeps do not cut the wait short.
            #expect(clock.now - started >= .milliseconds(290))
        }
    }
}
