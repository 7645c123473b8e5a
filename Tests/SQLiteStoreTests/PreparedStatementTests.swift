import Testing
@testable import SQLiteStore
import TestSupport

@Suite struct StatementTests {
    @Test func cachedReturnsTheSameStatementObject() throws {
        let connection = try SQLiteConnection.inMemory()
        let first = try connection.cached("SELECT ?")
        let second = try connection.cached("SELECT ?")
        #expect(first === second)
        #expect(connection.cachedStatementCount == 1)
        #expect(try connection.prepare("SELECT ?") !== first)
    }

    @Test func rebindingACachedStatementGivesNewResults() throws {
        let connection = try SQLiteConnection.inMemory()
        for value in [1, 2, 3] {
            let result = try connection.cached("SELECT ? * 10").query([.int(value)]) { try $0.int(0) }
            #expect(result == [value * 10])
        }
        #expect(connection.cachedStatementCount == 1)
    }

    @Test func reuseClearsEarlierBindings() throws {
        let connection = try SQLiteConnection.inMemory()
        let statement = try connection.cached("SELECT ?1, ?2")
        try statement.bind(["kept?", "stale?"])
        #expect(try statement.step())
        #expect(try statement.row.string(1) == "stale?")

        let again = try connection.cached("SELECT ?1, ?2")
        try again.bind("fresh", at: 1)
        #expect(try again.step())
        #expect(try again.row.string(0) == "fresh")
        #expect(again.row.isNull(1))
    }

    @Test func runAndQueryGoThroughTheCache() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        let insert = "INSERT INTO t (name) VALUES (?)"
        for name in ["a", "b", "c"] {
            try connection.run(insert, [.text(name)])
            #expect(connection.changes == 1)
        }
        #expect(connection.lastInsertRowID == 3)
        let statement = try connection.cached(insert)
        #expect(try connection.cached(insert) === statement)
        #expect(try connection.query("SELECT name FROM t ORDER BY id") { try $0.string(0) } == ["a", "b", "c"])
        #expect(connection.cachedStatementCount == 2)
    }

    @Test func theSameQueryInsideItsOwnRowLoopGetsAPrivateStatement() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)")
        let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
        var pairs: [[Int]] = []
        try connection.forEachRow(sql, [1]) { row in
            let x = try row.int(0)
            pairs.append(try connection.query(sql, [.int(x)]) { try $0.int(0) })
        }
        #expect(pairs == [[1, 2, 3], [2, 3], [3]])
    }

    @Test func queryResetsSoTheReadSnapshotIsReleased() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2)")
        #expect(try connection.queryFirst("SELECT x FROM t ORDER BY x") { try $0.int(0) } == 1)
        #expect(try connection.cached("SELECT x FROM t ORDER BY x").isBusy == false)
        #expect(!connection.isInTransaction)
    }

    @Test func evictsTheLeastRecentlyUsedStatementWhenFull() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(
            path: directory.file("cache.db"), mode: .readWriteCreate, statementCacheCapacity: 2)
        let one = try connection.cached("SELECT 1")
        _ = try connection.cached("SELECT 2")
        _ = try connection.cached("SELECT 1")  // 2 is now the least recent
        _ = try connection.cached("SELECT 3")
        #expect(connection.cachedStatementCount == 2)
        #expect(try connection.cached("SELECT 1") === one)
        // An evicted statement still held elsewhere keeps working.
        #expect(try one.query { try $0.int(0) } == [1])
    }

    @Test func executeRunsAScriptAndNamesTheFailingStatement() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("""
            -- a comment first
            CREATE TABLE a (x INTEGER);
            INSERT INTO a VALUES (1);
            SELECT * FROM a;
            """)
        #expect(try connection.integer("SELECT count(*) FROM a") == 1)

        let error = #expect(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO a VALUES (2); INSERT INTO missing VALUES (3); INSERT INTO a VALUES (4)")
        }
        #expect(error?.sql == "INSERT INTO missing VALUES (3);")
        #expect(error?.message.contains("no such table: missing") == true)
        #expect(try connection.integer("SELECT count(*) FROM a") == 2)
    }

    @Test func bindsNamedParameters() throws {
        let connection = try SQLiteConnection.inMemory()
        let statement = try connection.prepare("SELECT :name, @age")
        try statement.bind("Rahmon", named: ":name")
        try statement.bind(56, named: "@age")
        #expect(try statement.step())
        #expect(try statement.row.string(0) == "Rahmon")
        #expect(try statement.row.int(1) == 56)
        #expect(statement.parameterCount == 2)
    }

    @Test func reportsColumnsAndReadOnlyness() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE TABLE t (id INTEGER, name TEXT)")
        let select = try connection.prepare("SELECT id AS Identifier, name FROM t")
        #expect(select.columnNames == ["Identifier", "name"])
        #expect(select.columnIndex(named: "identifier") == 0)
        #expect(select.columnIndex(named: "missing") == nil)
        #expect(select.isReadOnly)
        #expect(try !connection.prepare("DELETE FROM t").isReadOnly)
    }
}
