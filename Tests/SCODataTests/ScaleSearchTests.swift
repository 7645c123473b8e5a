import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Search ranks a query's matches while there are at most `rankedMatchLimit` of them and lists
/// them in index order past it, so that a common word costs a page, not a score per match.
@Suite struct ScaleSearchTests {
    /// The (kind, id) of every match of `text` in rowid order, by SQL written here.
    static func indexOrder(_ text: String, on connection: SQLiteConnection) throws -> [String] {
        try connection.query("SELECT kind || '/' || record_id FROM search WHERE search MATCH ? ORDER BY rowid", [.text(text)]) { try $0.string(0) }
    }

    /// Two phrases (bm25 from SQL) and one (bm25 computed from the count of matches, in both
    /// orders): the same ranks either way.
    @Test(arguments: ["russia OR georgia", "georgia"])
    func pastTheLimitHitsComeInIndexOrderWithTheirRanks(text: String) throws {
        let store = try SeededStore()
        let ranked = try store.reader.search.search(q: text, limit: 1_000)
        #expect(ranked.total > 10)
        let ranks = ranked.items.map(\.rank)
        #expect(ranks == ranks.sorted(), "within the limit: best first")

        let repository = SQLiteSearchRepository(reader: store.reader, rankedMatchLimit: ranked.total - 1)
        let walked = try walk(limit: 4) { position in
            try repository.search(SearchQuery(text: text, limit: 4, position: position))
        }
        #expect(walked.items.map { "\($0.kind.rawValue)/\($0.id)" } == (try Self.indexOrder(text, on: store.reader.connection)))
        #expect(walked.totals == [ranked.total])
        let rankByID = Dictionary(uniqueKeysWithValues: ranked.items.map { ($0.id, $0.rank) })
        #expect(walked.items.allSatisfy { rankByID[$0.id] == $0.rank }, "each hit keeps its bm25 score")
        #expect(walked.items.map(\.rank) != ranks, "not ranked")
        let bm25 = try store.reader.connection.query(
            "SELECT record_id, bm25(search, 0.0, 0.0, 4.0, 1.0) FROM search WHERE search MATCH ?", [.text(text)]
        ) { (try $0.string(0), try $0.double(1)) }
        #expect(Dictionary(uniqueKeysWithValues: bm25) == rankByID, "FTS5's own bm25")
    }

    /// A client walks one order to its end: a position made ranked stays ranked after edits
    /// take the count past the limit, and one made in index order stays so below it.
    @Test func aPositionKeepsTheOrderItWasMadeIn() throws {
        let store = try SeededStore()
        let text = "ossetia"
        let start = try store.reader.search.search(q: text, limit: 100)
        let repository = SQLiteSearchRepository(reader: store.reader, rankedMatchLimit: start.total)

        let first = try repository.search(SearchQuery(text: text, limit: 2))
        let rankedPosition = try #require(first.next)
        #expect(rankedPosition.values.count == 2)
        try store.write(
            """
            INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
            SELECT 'ossetia-' || value, '2008-09-01', 'day', 'military', 'Ossetia again', 'More about Ossetia', sources
            FROM events, json_each('[1, 2, 3]') WHERE events.id = 'peace-deal-signed'
            """)
        let second = try repository.search(SearchQuery(text: text, limit: 2, position: rankedPosition))
        #expect(second.total == start.total + 3)
        #expect(second.next?.values.count == 2, "still ranked")
        #expect(Set(second.items.map(\.id)).isDisjoint(with: first.items.map(\.id)))

        let unranked = try repository.search(SearchQuery(text: text, limit: 2))
        let indexPosition = try #require(unranked.next)
        #expect(indexPosition.values.count == 1)
        try store.write("DELETE FROM events WHERE id GLOB 'ossetia-*'")
        let later = try repository.search(SearchQuery(text: text, limit: 2, position: indexPosition))
        #expect(later.next.map { $0.values.count == 1 } ?? true, "still in index order")
        #expect(Set(later.items.map(\.id)).isDisjoint(with: unranked.items.map(\.id)))
    }

    /// A position of neither shape is refused, as any foreign position is.
    @Test func aPositionOfAnotherShapeIsRefused() throws {
        let store = try SeededStore()
        let page = try store.reader.search.search(q: "russia", limit: 1)
        let fingerprint = try #require(page.next).fingerprint
        for values: [ListPosition.Value] in [[.text("x")], [.integer(1), .integer(2)], [.real(1), .integer(2), .integer(3)]] {
            #expect(throws: CursorError.doesNotMatchQuery) {
                try store.reader.search.search(q: "russia", limit: 1, position: ListPosition(fingerprint: fingerprint, values: values))
            }
        }
    }

    /// With 20,000 synthetic events, a word in every one of them costs a page of VM steps
    /// wherever the page is, and a word in 20 of them is still ranked.
    @Test func aWordInEveryEventCostsAPage() throws {
        let store = try ScaleData.makeStore(events: 20_000)
        let common = SearchQuery(text: "synthetic", limit: 20)
        let first = try store.searchCost(of: common)
        #expect(first.page.total == 20_000)
        #expect(first.page.next?.values.count == 1, "index order")
        var later = common
        later.position = ListPosition(fingerprint: try #require(first.page.next).fingerprint, values: [.integer(19_000)])
        let last = try store.searchCost(of: later)
        #expect(last.page.items.count == 20)
        #expect(first.steps < 1_000 && last.steps <= 2 * first.steps, "first \(first.steps) steps, later \(last.steps)")
        #expect(first.sorts == 0 && last.sorts == 0)

        let rare = try store.reader.search.search(q: "tag042", limit: 100)
        #expect(rare.total == 20)
        #expect(rare.items.map(\.rank) == rare.items.map(\.rank).sorted())
        let none = try store.reader.search.search(SearchQuery(text: "synthetic", kinds: [.clause], limit: 20))
        #expect(none.total == 0 && none.items.isEmpty)
    }
}

extension SeededStore {
    /// Runs one search and counts the steps of its page statement, in the order it ran in.
    func searchCost(of query: SearchQuery) throws -> (page: Page<SearchHit>, steps: Int, sorts: Int) {
        let shapes = [true, false].filter { isRanked in query.position.map { $0.values.count == (isRanked ? 2 : 1) } ?? true }
        let statements = try shapes.map { isRanked in
            try reader.connection.cached(
                SQLiteSearchRepository.keysetQuery(query, isRanked: isRanked)
                    .pageSQL(after: query.position?.values, limit: KeysetQuery.rowsToFetch(forPageOf: query.limit)).sql)
        }
        for statement in statements {
            _ = statement.status(.virtualMachineSteps, reset: true)
            _ = statement.status(.sorts, reset: true)
        }
        let page = try reader.search.search(query)
        return (page, statements.map { $0.status(.virtualMachineSteps) }.reduce(0, +), statements.map { $0.status(.sorts) }.reduce(0, +))
    }
}
