import CSQLite
import Testing
@testable import SQLiteStore

@Suite struct FTS5Tests {
    private func makeIndex() throws -> SQLiteConnection {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("""
            CREATE VIRTUAL TABLE statements USING fts5 (speaker, body, tokenize = 'unicode61');
            INSERT INTO statements VALUES
                ('Medvedev', 'Russia recognised the independence of South Ossetia and Abkhazia'),
                ('Rahmon', 'The summit in Dushanbe opened on 28 August'),
                ('Hu Jintao', 'China called for dialogue and cooperation');
            """)
        return connection
    }

    /// `match_offsets()`, on every connection: the column count, the phrase count, the table's
    /// rows and tokens, each column's size in tokens, then (phrase, column, first token, tokens)
    /// for each match, as FTS5's xInst reports them.
    @Test func matchOffsetsDescribesEveryPhraseMatch() throws {
        let connection = try makeIndex()
        func offsets(_ query: String) throws -> [[Int64]] {
            try connection.query("SELECT match_offsets(statements) FROM statements WHERE statements MATCH ? ORDER BY rowid", [.text(query)]) {
                $0.withUnsafeBytes(0) { blob in
                    (0..<blob.count / 8).map { blob.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self) }
                }
            }
        }
        // Three rows of 1 + 9, 1 + 8 and 2 + 6 tokens. "Medvedev" is 1 token; "Russia recognised
        // the independence of South Ossetia and Abkhazia" is 9, Ossetia the seventh (offset 6).
        #expect(try offsets("ossetia") == [[2, 1, 3, 27, 1, 9, 0, 1, 6, 1]])
        #expect(try offsets("\"south ossetia\" abkhazia") == [[2, 2, 3, 27, 1, 9, 0, 1, 5, 2, 1, 1, 8, 1]])
        #expect(try offsets("speaker:medvedev") == [[2, 1, 3, 27, 1, 9, 0, 0, 0, 1]])
        #expect(try offsets("dialogue OR dushanbe").count == 2)
    }

    /// Rows of many matches and of few, one after another, each get their own offsets, whatever
    /// the row before them held.
    @Test func matchOffsetsOfLongAndShortBlobsInTurn() throws {
        let connection = try SQLiteConnection.inMemory()
        try connection.execute("CREATE VIRTUAL TABLE notes USING fts5 (body)")
        let counts = [70, 1, 63, 62, 2, 300, 0, 5]
        for count in counts {
            let body = (Array(repeating: "word", count: count) + ["end"]).joined(separator: " ")
            try connection.execute("INSERT INTO notes VALUES ('\(body)')")
        }
        let blobs = try connection.query("SELECT match_offsets(notes) FROM notes WHERE notes MATCH 'word' ORDER BY rowid") {
            $0.withUnsafeBytes(0) { blob in
                (0..<blob.count / 8).map { blob.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self) }
            }
        }
        let matching = counts.filter { $0 > 0 }
        #expect(blobs.count == matching.count)
        let tokens = Int64(counts.reduce(counts.count, +))
        for (blob, count) in zip(blobs, matching) {
            var expected: [Int64] = [1, 1, Int64(counts.count), tokens, Int64(count + 1)]
            for offset in 0..<count { expected += [0, 0, Int64(offset), 1] }
            #expect(blob == expected)
        }
    }

    /// SQLite keeps no memory statistics (no global mutex on every allocation): the counter of
    /// memory in use stays at zero however much is allocated.
    @Test func memoryStatisticsAreOff() throws {
        let connection = try makeIndex()
        _ = try connection.query("SELECT group_concat(body) FROM statements") { try $0.string(0) }
        var current: Int64 = -1
        var highest: Int64 = -1
        #expect(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0) == SQLITE_OK)
        #expect(current == 0 && highest == 0)
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
            try connection.query("SELECT speaker FROM statements WHERE statements MATCH ?", [.text(query)]) {
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
