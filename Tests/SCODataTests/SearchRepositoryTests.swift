import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// Full-text search: ranking, prefixes, snippets, errors, pages, and the index kept in step.
@Suite struct SearchRepositoryTests {
    let store: SeededStore

    init() throws {
        store = try SeededStore()
    }

    var search: SQLiteSearchRepository { SQLiteSearchRepository(reader: store.reader) }

    func ids(_ q: String, kinds: [SearchKind] = []) throws -> [String] {
        try search.search(q: q, kinds: kinds, limit: 100).items.map(\.id)
    }

    /// The search reads hits' columns from FTS5's content table by rowid: for every row, and
    /// after writes that add, change and remove rows, it holds what the virtual table's own
    /// columns give.
    @Test func theContentTableHoldsEveryRowsOwnColumns() throws {
        func compare() throws {
            let own = try store.reader.connection.query("SELECT rowid, kind, record_id, title, body FROM search ORDER BY rowid") {
                [String(try $0.int64(0)), try $0.string(1), try $0.string(2), try $0.string(3), try $0.string(4)]
            }
            let joined = try store.reader.connection.query(
                "SELECT search.rowid, c.c0, c.c1, c.c2, c.c3 FROM search JOIN search_content c ON c.id = search.rowid ORDER BY search.rowid"
            ) { [String(try $0.int64(0)), try $0.string(1), try $0.string(2), try $0.string(3), try $0.string(4)] }
            #expect(own.count > 30)
            #expect(joined == own)
        }
        try compare()
        try store.write("UPDATE events SET title = 'A retitled event' WHERE id = (SELECT id FROM events ORDER BY id LIMIT 1)")
        try store.write("DELETE FROM statements WHERE id = (SELECT id FROM statements ORDER BY id LIMIT 1)")
        try compare()
        #expect(try ids("retitled").count == 1)
    }

    /// Every row's column sizes read from its `%_docsize` record are FTS5's own (xColumnSize),
    /// and a page of one-phrase matches takes its ranks from them, not from the bm25 fallback.
    @Test func columnSizesFromTheDocsizeRecordAreFTS5s() throws {
        typealias Offsets = SQLiteSearchRepository.MatchOffsets
        let rows = try store.reader.connection.query(
            "SELECT match_offsets(search), d.sz FROM search JOIN search_docsize d ON d.id = search.rowid WHERE search MATCH 'the OR georgia'"
        ) { row -> (Offsets, Offsets) in
            let own = row.withUnsafeBytes(0) { Offsets(blob: $0) }
            var read = own
            (read.titleTokens, read.bodyTokens, read.rowTokens) = (-1, -1, -1)
            row.withUnsafeBytes(1) { read.readSizes(docsize: $0) }
            return (own, read)
        }
        #expect(rows.count > 10)
        for (own, read) in rows {
            #expect(own.titleTokens >= 0 && own.bodyTokens > 0)
            #expect(read.titleTokens == own.titleTokens && read.bodyTokens == own.bodyTokens && read.rowTokens == own.rowTokens)
        }
        // Cut records leave the sizes unknown, and so the rank.
        var cut = rows[0].1
        (cut.titleTokens, cut.bodyTokens, cut.rowTokens) = (-1, -1, -1)
        [UInt8]([0x01, 0x82]).withUnsafeBytes { cut.readSizes(docsize: $0) }
        #expect(cut.titleTokens == -1 && cut.rowTokens == -1)
        #expect(cut.bm25(matchingRows: 3) == nil)
        // Two-byte varints: 200 tokens in the body.
        [UInt8]([0x00, 0x00, 0x05, 0x81, 0x48]).withUnsafeBytes { cut.readSizes(docsize: $0) }
        #expect(cut.titleTokens == 5 && cut.bodyTokens == 200 && cut.rowTokens == 205)

        // Asked not to, match_offsets leaves the sizes to the caller.
        let unsized = try store.reader.connection.query("SELECT match_offsets(search, 0) FROM search WHERE search MATCH 'georgia'") {
            $0.withUnsafeBytes(0) { Offsets(blob: $0) }
        }
        #expect(!unsized.isEmpty && unsized.allSatisfy { $0.titleTokens == -1 && $0.bodyTokens == -1 && $0.titleMatches + $0.bodyMatches > 0 })

        let page = try store.reader.connection.query(SQLiteSearchRepository.unrankedMatchesSQL, [.text("georgia")]) {
            try SQLiteSearchRepository.decode($0, matchingRows: 40)
        }
        #expect(!page.isEmpty && page.allSatisfy { $0.hit.rank != nil && $0.hit.snippet != nil })
    }

    @Test func findsAcrossKindsBestFirst() throws {
        let page = try search.search(q: "ethnic cleansing", limit: 100)
        #expect(page.total == page.items.count)
        #expect(page.items.count >= 3)
        #expect(Set(page.items.map(\.kind)).count >= 2, "statements and events")
        #expect(page.items.contains { $0.id == "ethnic-cleansing-charged-at-osce" && $0.kind == .event })
        let ranks = page.items.map(\.rank)
        #expect(ranks == ranks.sorted(), "best (most negative) first")
        #expect(ranks.allSatisfy { $0 < 0 })
    }

    @Test func aTitleMatchOutranksABodyMatch() throws {
        try store.database.write { connection in
            for (id, title, summary) in [("body-only", "Ordinary title", "a zanzibarian detail"),
                                         ("in-title", "The zanzibarian affair", "ordinary words here")] {
                try connection.run(
                    """
                    INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                    SELECT ?, '2008-08-30', 'day', 'diplomatic', ?, ?, sources FROM events LIMIT 1
                    """,
                    [.text(id), .text(title), .text(summary)])
            }
        }
        #expect(try ids("zanzibarian") == ["in-title", "body-only"])
    }

    @Test func prefixTermsAndStemsMatch() throws {
        let prefix = try search.search(q: "secur*", limit: 100)
        #expect(prefix.items.contains { $0.id == "kremlin-security-zones" })
        #expect(prefix.items.allSatisfy { $0.snippet.lowercased().contains("[secur") || $0.title.lowercased().contains("secur") })
        // The Porter stemmer: "recognize" finds "recognizes" and "recognition".
        #expect(try ids("recognize").contains("russia-recognizes-separatist-regions"))
        #expect(try ids("zzzznotaword*").isEmpty)
    }

    @Test func snippetsMarkEveryMatchedTerm() throws {
        let hits = try search.search(q: "Medvedev", limit: 100).items
        #expect(!hits.isEmpty)
        for hit in hits {
            let marked = SearchHit.matchStart + "medvedev" + SearchHit.matchEnd
            #expect(hit.snippet.lowercased().contains(marked), "\(hit.snippet)")
            #expect(hit.snippet.count(where: { $0 == "[" }) == hit.snippet.count(where: { $0 == "]" }))
        }
        #expect(hits.contains { $0.snippet.contains(SearchHit.ellipsis) })
    }

    /// The facts the report gives only in passing, held in notes, are found, each on its record.
    @Test func factsInNotesAreFound() throws {
        let expected: [(String, String)] = [
            ("Tibet", "CN"), ("Xinjiang", "CN"), ("\"air base\"", "KG"), ("Karzai", "hamid-karzai"), ("NATO", "GE"),
            ("\"20 percent\"", "south-ossetia"), ("150", "KG"), ("\"sanctity of borders\"", "sco-dushanbe-declaration-2008"),
        ]
        for (q, id) in expected {
            let found = try ids(q)
            #expect(found.contains(id), "\(q): \(found)")
        }
        let hit = try #require(try search.search(q: "Karzai", kinds: [.person], limit: 5).items.first)
        #expect(hit.kind == .person && hit.title == "Hamid Karzai")
    }

    /// A prefix finds every form of a word whose stem it runs past: `recogni*` finds what
    /// "recognize" (stem `recogn`) and "recognition" (`recognit`) find.
    @Test func aPrefixFindsTheFormsItsStemCutsInto() throws {
        let prefix = Set(try ids("recogni*"))
        #expect(prefix.isSuperset(of: try ids("recognize")))
        #expect(prefix.isSuperset(of: try ids("recognition")))
        #expect(prefix.count >= 15, "\(prefix.count)")
        #expect(Set(try ids("enlarge*")) == Set(try ids("enlargement")))
        #expect(try ids("secur*") == ids("secur*"), "a prefix that cuts no stem is unchanged")
    }

    @Test func prefixTermsWidenOnlyWhereFTS5TakesAGroup() {
        #expect(PrefixTerms.expanded("recogni*") == "(recogni* OR recogn OR recog)")
        #expect(PrefixTerms.expanded("Recogni* AND georgia") == "(Recogni* OR recogn OR recog) AND georgia")
        #expect(PrefixTerms.expanded("title: enlarge*") == "title: (enlarge* OR enlarg OR enlar)")
        #expect(PrefixTerms.expanded("secu*") == "secu*", "nothing of four letters or more to add")
        #expect(PrefixTerms.expanded("secur*") == "(secur* OR secu)")
        for unchanged in ["\"recogni*\"", "\"joint decl\"*", "NEAR(recogni* georgia, 5)", "^recogni*", "joint + decla*",
                          "decla* + joint", "recognize", "Душанбе*", "*", "\"un\"\"closed recogni*"] {
            #expect(PrefixTerms.expanded(unchanged) == unchanged, "\(unchanged)")
        }
        #expect(PrefixTerms.expanded("NEAR(a b) recogni*") == "NEAR(a b) (recogni* OR recogn OR recog)")
    }

    @Test func kindsNarrowTheSearch() throws {
        let clauses = try search.search(q: "territorial OR force", kinds: [.clause], limit: 100)
        #expect(!clauses.items.isEmpty)
        #expect(clauses.items.allSatisfy { $0.kind == .clause })
        let eventsAndStatements = try search.search(q: "russia", kinds: [.event, .statement], limit: 100)
        #expect(Set(eventsAndStatements.items.map(\.kind)) == [.event, .statement])
        let others = try search.search(q: "russia", kinds: SearchKind.allCases.filter { $0 != .event && $0 != .statement }, limit: 1)
        #expect(eventsAndStatements.total + others.total == (try search.search(q: "russia", limit: 1)).total)
    }

    @Test(arguments: ["\"unterminated", "a AND", "(", "*", "NOT", "xyz:term", "NEAR(a b, x)", "", "   ", "+"])
    func unparsableQueriesAreInvalidQueryErrors(q: String) throws {
        #expect {
            try search.search(q: q)
        } throws: { error in
            guard case .invalidQuery(let message) = error as? SearchError else { return false }
            return !message.isEmpty
        }
    }

    @Test func pagesWalkTheRankedHitsExactlyOnce() throws {
        let all = try search.search(q: "russia OR georgia", limit: 200)
        #expect(all.next == nil && all.items.count > 10)
        for limit in [1, 4, 7] {
            let walked = try walk(limit: limit) { position in
                try search.search(q: "russia OR georgia", limit: limit, position: position)
            }
            #expect(walked.items == all.items, "limit \(limit)")
            #expect(walked.totals == [all.total])
        }
        let position = try #require(try search.search(q: "russia OR georgia", limit: 2).next)
        #expect(throws: CursorError.doesNotMatchQuery) { try search.search(q: "russia", limit: 2, position: position) }
        #expect(throws: CursorError.doesNotMatchQuery) { try search.search(q: "russia OR georgia", kinds: [.event], position: position) }
        #expect(throws: CursorError.doesNotMatchQuery) { try store.reader.timeline.page(TimelineQuery(position: position)) }
    }

    // MARK: The index kept in step by the triggers

    @Test func eventInsertUpdateAndDeleteReachTheIndex() throws {
        try store.write(
            """
            INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
            SELECT 'quokka-event', '2008-08-30', 'day', 'diplomatic', 'Quokka sighting', 'A wombat was there', sources FROM events LIMIT 1
            """)
        #expect(try ids("quokka") == ["quokka-event"])
        #expect(try ids("wombat") == ["quokka-event"])
        try store.write("UPDATE events SET title = 'Numbat sighting' WHERE id = 'quokka-event'")
        #expect(try ids("quokka").isEmpty)
        #expect(try ids("numbat") == ["quokka-event"])
        try store.write("UPDATE events SET id = 'numbat-event' WHERE id = 'quokka-event'")
        #expect(try ids("numbat") == ["numbat-event"])
        try store.write("DELETE FROM events WHERE id = 'numbat-event'")
        #expect(try ids("numbat").isEmpty)
        #expect(try ids("wombat").isEmpty)
        try expectIndexMatchesTheTables()
    }

    @Test func statementInsertUpdateAndDeleteReachTheIndex() throws {
        try store.write(
            """
            INSERT INTO statements (id, speaker_person_id, date_value, date_precision, kind, quote, is_direct_quote, summary, sources)
            SELECT 'platypus-statement', 'dmitry-medvedev', '2008-08-30', 'day', 'statement', 'A platypus quote', 1, 'On echidnas', sources
            FROM statements LIMIT 1
            """)
        #expect(try ids("platypus", kinds: [.statement]) == ["platypus-statement"])
        #expect(try ids("echidna") == ["platypus-statement"])
        try store.write("UPDATE statements SET quote = 'A bilby quote' WHERE id = 'platypus-statement'")
        #expect(try ids("platypus").isEmpty)
        #expect(try ids("bilby") == ["platypus-statement"])
        // An update of a column the index does not hold leaves the index row alone.
        let rowid = try store.integer("SELECT rowid FROM search WHERE record_id = 'platypus-statement'")
        try store.write("UPDATE statements SET note = 'noted' WHERE id = 'platypus-statement'")
        #expect(try store.integer("SELECT rowid FROM search WHERE record_id = 'platypus-statement'") == rowid)
        try store.write("DELETE FROM statements WHERE id = 'platypus-statement'")
        #expect(try ids("bilby").isEmpty)
        try expectIndexMatchesTheTables()
    }

    @Test func clauseInsertUpdateAndDeleteReachTheIndex() throws {
        try store.write(
            """
            INSERT INTO clauses (id, declaration_id, position, text, summary, sources)
            SELECT 'kookaburra-clause', declaration_id, 99, 'The kookaburra laughs', 'On birds', sources FROM clauses LIMIT 1
            """)
        #expect(try ids("kookaburra", kinds: [.clause]) == ["kookaburra-clause"])
        try store.write("UPDATE clauses SET summary = 'On cassowaries' WHERE id = 'kookaburra-clause'")
        #expect(try ids("cassowary") == ["kookaburra-clause"])
        #expect(try ids("birds").isEmpty)
        try store.write("DELETE FROM clauses WHERE id = 'kookaburra-clause'")
        #expect(try ids("kookaburra").isEmpty)
        try expectIndexMatchesTheTables()
    }

    /// One search row per record of every searched kind, each at its `search_rows` rowid.
    func expectIndexMatchesTheTables() throws {
        let records = try store.integer(
            """
            SELECT (SELECT count(*) FROM clauses) + (SELECT count(*) FROM statements) + (SELECT count(*) FROM events)
                + (SELECT count(*) FROM states) + (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people)
                + (SELECT count(*) FROM regions) + (SELECT count(*) FROM summits) + (SELECT count(*) FROM declarations)
                + (SELECT count(*) FROM quantities)
            """)
        #expect(try store.integer("SELECT count(*) FROM search") == records)
        #expect(try store.integer("SELECT count(*) FROM search_rows") == records)
        #expect(try store.integer("SELECT count(*) FROM search s JOIN search_rows r ON r.id = s.rowid AND r.kind = s.kind AND r.record_id = s.record_id") == records)
    }
}

/// A search over a damaged full-text index is a storage fault (`damaged`, answered 503), never
/// an unclassified error (a 500), whichever statement meets the damage first.
@Suite struct DamagedSearchIndexTests {
    @Test func aDamagedIndexPageIsADamagedStorageFault() throws {
        let seeded = try SeededStore()
        let page = try seeded.integer("SELECT rootpage FROM sqlite_schema WHERE name = 'search_config'")
        #expect(page > 1)
        let pageSize = try seeded.integer("PRAGMA page_size")
        let path = seeded.path
        _ = try seeded.database.checkpoint(.truncate)
        let damagedDirectory = try TemporaryDirectory()
        let damaged = damagedDirectory.file("sco.sqlite")
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes.replaceSubrange((page - 1) * pageSize..<page * pageSize, with: [UInt8](repeating: 0xA5, count: pageSize))
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let (database, _) = try Dataset.open(path: damaged, seedIfEmpty: false)
        let reader = try SQLiteDatasetReader(database: database)
        let error = #expect(throws: (any Error).self) {
            _ = try SQLiteSearchRepository(reader: reader).search(q: "georgia", kinds: [], limit: 10)
        }
        let fault = try #require(error.flatMap { StorageFault($0) }, "unclassified: \(String(describing: error))")
        #expect(fault.kind == .damaged)
    }
}
