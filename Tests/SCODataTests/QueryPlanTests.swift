import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// The timeline's filters and sorts use the indexes (sqlite.org/eqp.html), checked on the very
/// SQL the repository runs.
@Suite struct QueryPlanTests {
    let store: SeededStore

    init() throws {
        store = try SeededStore()
    }

    /// The plan's detail lines for the page query of `query`.
    func plan(_ query: TimelineQuery, after position: [ListPosition.Value]? = nil) throws -> [String] {
        let sql = SQLiteTimeline.keysetQuery(query).pageSQL(after: position, limit: 51)
        return try explain(sql.sql, sql.bindings)
    }

    func explain(_ sql: String, _ bindings: [SQLiteValue]) throws -> [String] {
        try store.reader.connection.query("EXPLAIN QUERY PLAN " + sql, bindings) { try $0.string(3) }
    }

    /// A plan that reads every event, in table order or in the order of some index.
    func scansEvents(_ plan: [String]) -> Bool {
        plan.contains { $0 == "SCAN e" || $0.hasPrefix("SCAN e ") }
    }

    @Test func defaultSortWalksTheDateIndexWithoutSorting() throws {
        let lines = try plan(TimelineQuery())
        #expect(lines.contains { $0.hasPrefix("SCAN e USING INDEX events_by_date") }, "\(lines)")
        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
        let descending = try plan(TimelineQuery(sort: ListSort([.init(.date, descending: true)])))
        #expect(descending.contains { $0.hasPrefix("SCAN e USING INDEX events_by_date") }, "\(descending)")
        #expect(!descending.contains { $0.contains("TEMP B-TREE") }, "\(descending)")
    }

    /// Each event of a page reads its parties, regions and links in their stored order straight
    /// off an index (0007), with no sort per event.
    @Test func anEventsRelationsAreReadInOrderWithoutSorting() throws {
        for sql in [SQLiteTimeline.actorsSQL, SQLiteTimeline.regionsSQL, SQLiteTimeline.linksSQL] {
            let lines = try explain(sql, [.text("peace-deal-signed")])
            #expect(lines.count == 1 && lines[0].hasPrefix("SEARCH "), "\(sql): \(lines)")
            #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(sql): \(lines)")
        }
    }

    @Test func aLaterPageSeeksTheDateIndex() throws {
        let lines = try plan(TimelineQuery(), after: [.text("2008-08-12"), .text("peace-deal-signed")])
        #expect(lines.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_date ((date_earliest,id)>(?,?))") }, "\(lines)")
        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
    }

    @Test func kindFilterSearchesTheKindIndexInDateOrder() throws {
        let one = try plan(TimelineQuery(kinds: [.military]))
        #expect(one.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_kind (kind=?)") }, "\(one)")
        #expect(!scansEvents(one), "\(one)")
        #expect(!one.contains { $0.contains("TEMP B-TREE") }, "\(one)")
        let several = try plan(TimelineQuery(kinds: [.military, .ceasefire]))
        #expect(several.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_kind (kind=?)") }, "\(several)")
        #expect(!scansEvents(several), "\(several)")
        let later = try plan(TimelineQuery(kinds: [.military]), after: [.text("2008-08"), .text("x")])
        #expect(later.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_kind (kind=? AND ") }, "\(later)")
    }

    @Test func actorFilterWalksTheActorTimelineInDateOrder() throws {
        for actors in [["RU"], ["RU", "GE"]] {
            let lines = try plan(TimelineQuery(actors: actors))
            #expect(lines.contains { $0.hasPrefix("SEARCH t USING PRIMARY KEY (actor_id=?)") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)") }, "\(lines)")
            #expect(!scansEvents(lines), "\(lines)")
            #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
        }
    }

    @Test func regionFilterWalksTheRegionTimelineInDateOrder() throws {
        let lines = try plan(TimelineQuery(regions: ["south-ossetia"]))
        #expect(lines.contains { $0.hasPrefix("SEARCH t USING PRIMARY KEY (region_id=?)") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)") }, "\(lines)")
        #expect(!scansEvents(lines), "\(lines)")
        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
    }

    /// `to` bounds the earliest day, and `from` (on the latest day) bounds it from below too, a
    /// year before its start (`DateBounds.floor`): both are a range on the date index.
    @Test func dateRangeIsARangeOnTheDateIndex() throws {
        let both = try plan(TimelineQuery(from: "2008-08", to: "2008-08-12"))
        #expect(both.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_date (date_earliest>? AND date_earliest<?)") }, "\(both)")
        #expect(!scansEvents(both), "\(both)")
        #expect(!both.contains { $0.contains("TEMP B-TREE") }, "\(both)")
        let from = try plan(TimelineQuery(from: "2008-08"))
        #expect(from.contains { $0.hasPrefix("SEARCH e USING INDEX events_by_date (date_earliest>?)") }, "\(from)")
    }

    @Test func titleSortWalksTheTitleIndex() throws {
        let lines = try plan(TimelineQuery(sort: ListSort(.title)))
        #expect(lines.contains { $0.hasPrefix("SCAN e USING INDEX events_by_title") }, "\(lines)")
        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
    }

    @Test func totalsCountOnAnIndex() throws {
        let count = SQLiteTimeline.keysetQuery(TimelineQuery(kinds: [.military])).countSQL
        let lines = try explain(count.sql, count.bindings)
        #expect(lines.contains { $0.hasPrefix("SEARCH e USING COVERING INDEX events_by_kind (kind=?)") }, "\(lines)")
    }

    @Test func aPagesRelatedRowsAreOneIndexedQueryPerKind() throws {
        let lines = try explain(
            "SELECT event_id, actor_id FROM event_actors WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, position",
            [.text("[\"peace-deal-signed\"]")])
        #expect(lines.contains { $0.hasPrefix("SEARCH event_actors USING PRIMARY KEY (event_id=?)") }, "\(lines)")
    }

    @Test func statementFiltersUseTheirIndexes() throws {
        func plan(_ query: StatementQuery) throws -> [String] {
            let sql = SQLiteStatements.list.keysetQuery(query).pageSQL(after: nil, limit: 51)
            return try explain(sql.sql, sql.bindings)
        }
        #expect(try plan(StatementQuery()).contains { $0.hasPrefix("SCAN s USING INDEX statements_by_date") })
        #expect(try plan(StatementQuery(speakers: ["dmitry-medvedev"])).contains { $0.hasPrefix("SEARCH s USING INDEX statements_by_speaker (speaker_id=?)") })
        #expect(try plan(StatementQuery(kinds: [.denial])).contains { $0.hasPrefix("SEARCH s USING INDEX statements_by_kind (kind=?)") })
        #expect(try plan(StatementQuery(about: ["GE"])).contains { $0.contains("statement_subjects_by_subject (subject_id=?)") })
    }
}
