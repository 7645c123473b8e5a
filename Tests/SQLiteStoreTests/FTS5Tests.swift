import Testing
@testable import SQLiteStore

@Suite struct FTS5Tests {
    private func makeIndex() throws -> Connection {
        let connection = try Connection.inMemory()
        try connection.execute("""
            CREATE VIRTUAL TABLE statements USING fts5 (speaker, body, tokenize = 'unicode61');
            INSERT INTO statements VALUES
                ('Medvedev', 'Russia recognised the independence of South Ossetia and Abkhazia'),
                ('Rahmon', 'The summit in Dushanbe opened on 28 August'),
                ('Hu Jintao', 'China called for dialogue and cooperation');
            """)
        return connection
    }

    @Test func matchFindsRowsRankedByRelevance() throws {
        let connection = try makeIndex()
        let sql = "SELECT speaker FROM statements WHERE statements MATCH ? ORDER BY rank"
        #expect(try connection.query(sql, ["dushanbe"]) { try $0.string(0) } == ["Rahmon"])
        #expect(try connection.query(sql, ["ossetia OR cooperation"]) { try $0.string(0) }.sorted()
            == ["Hu Jintao", "Medvedev"])
        #expect(try connection.query(sql, ["speaker:medvedev"]) { try $0.string(0) } == ["Medvedev"])
        #expect(try connection.query(sql, ["georgia"]) { try $0.string(0) } == [])
    }

    @Test(arguments: ["\"unterminated", "AND OR", "summit)", "nosuchcolumn:x"])
    func aBadMatchExpressionIsAnSQLiteErrorNotACrash(query: String) throws {
        let connection = try makeIndex()
        let error = #expect(throws: SQLiteError.self) {
            try connection.query("SELECT speaker FROM statements WHERE statements MATCH ?", [query]) {
                try $0.string(0)
            }
        }
        #expect(error?.code == .error)
        // FTS5 reports a bad query as SQLITE_ERROR with one of these messages; the statement's
        // SQL is the caller's own, so an API can turn exactly this into a 400.
        let message = try #require(error?.message)
        #expect(["fts5: syntax error", "unterminated string", "no such column"].contains { message.hasPrefix($0) })
        // The connection is still usable afterwards.
        #expect(try connection.integer("SELECT count(*) FROM statements") == 3)
    }
}
