import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// EXPLAIN QUERY PLAN (sqlite.org/eqp.html) of the very SQL the repositories run for actor and
/// region filters and for search: every page, first or after a cursor, in either direction,
/// walks an index in the list's order (no `USE TEMP B-TREE FOR ORDER BY`), and no total reads
/// an event.
@Suite struct ScaleQueryPlanTests {
    let store: SeededStore

    init() throws {
        store = try SeededStore()
    }

    func explain(_ sql: (sql: String, bindings: [SQLiteValue])) throws -> [String] {
        try store.reader.connection.query("EXPLAIN QUERY PLAN " + sql.sql, sql.bindings) { try $0.string(3) }
    }

    static let newestFirst = ListSort<TimelineSortField>([.init(.date, descending: true)])
    static let position: [ListPosition.Value] = [.text("2008-08-12"), .text("peace-deal-signed")]

    /// The page plans of `query`: first page and after a position.
    func pagePlans(_ query: TimelineQuery) throws -> [[String]] {
        let sql = SQLiteTimeline.keysetQuery(query)
        return try [explain(sql.pageSQL(after: nil, limit: 51)), explain(sql.pageSQL(after: Self.position, limit: 51))]
    }

    func expectNoSortAndNoScan(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)", sourceLocation: sourceLocation)
        #expect(!lines.contains { $0.hasPrefix("SCAN") }, "\(lines)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [ListSort<TimelineSortField>(.date, .id), newestFirst])
    func oneActorSeeksItsTimelineFromThePosition(sort: ListSort<TimelineSortField>) throws {
        let comparison = sort.keys[0].isDescending ? "<" : ">"
        let plans = try pagePlans(TimelineQuery(actors: ["RU"], sort: sort))
        #expect(plans[0].first == "SEARCH t USING PRIMARY KEY (actor_id=?)", "\(plans[0])")
        #expect(plans[1].first == "SEARCH t USING PRIMARY KEY (actor_id=? AND (date_earliest,event_id)\(comparison)(?,?))", "\(plans[1])")
        for lines in plans {
            #expect(lines.contains("SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)"), "\(lines)")
            expectNoSortAndNoScan(lines)
        }
    }

    @Test func oneRegionSeeksItsTimelineFromThePosition() throws {
        let plans = try pagePlans(TimelineQuery(regions: ["south-ossetia"], sort: Self.newestFirst))
        #expect(plans[0].first == "SEARCH t USING PRIMARY KEY (region_id=?)", "\(plans[0])")
        #expect(plans[1].first == "SEARCH t USING PRIMARY KEY (region_id=? AND (date_earliest,event_id)<(?,?))", "\(plans[1])")
        plans.forEach { expectNoSortAndNoScan($0) }
    }

    /// Several values: one seek per value, merged in order; three values take four branches
    /// (the fourth, padding, never matches).
    @Test func severalValuesMergeOneWalkEach() throws {
        for query in [TimelineQuery(actors: ["RU", "GE", "CN"]), TimelineQuery(regions: ["abkhazia", "dushanbe"], sort: Self.newestFirst)] {
            let branches = query.actors.isEmpty ? 2 : 4
            for lines in try pagePlans(query) {
                #expect(lines.count { $0 == "MERGE (UNION)" } == branches - 1, "\(lines)")
                #expect(lines.count { $0.hasPrefix("SEARCH t USING PRIMARY KEY") } == branches, "\(lines)")
                expectNoSortAndNoScan(lines)
            }
        }
    }

    /// Dates bound the walk on the filter table (`from` through its floor on the earliest day,
    /// `DateBounds.floor`); after a position the position starts it (else each later page
    /// would walk from `from` again).
    @Test func datesBoundTheWalkAndThePositionStartsIt() throws {
        let ascending = try pagePlans(TimelineQuery(actors: ["RU"], from: "2008-08", to: "2008-08-26"))
        #expect(ascending[0].first == "SEARCH t USING PRIMARY KEY (actor_id=? AND date_earliest>? AND date_earliest<?)", "\(ascending[0])")
        #expect(ascending[1].first == "SEARCH t USING PRIMARY KEY (actor_id=? AND (date_earliest,event_id)>(?,?) AND date_earliest<?)", "\(ascending[1])")
        let descending = try pagePlans(TimelineQuery(regions: ["abkhazia"], from: "2008-08", to: "2008-08-26", sort: Self.newestFirst))
        #expect(descending[1].first == "SEARCH t USING PRIMARY KEY (region_id=? AND date_earliest>? AND (date_earliest,event_id)<(?,?))", "\(descending[1])")
        let events = try pagePlans(TimelineQuery(from: "2008-08", to: "2008-08-26"))
        #expect(events[1] == ["SEARCH e USING INDEX events_by_date ((date_earliest,id)>(?,?) AND date_earliest<?)"], "\(events[1])")
        (ascending + descending + events).forEach { expectNoSortAndNoScan($0) }
    }

    /// With an actor, a region and kinds are checked per index entry: the region by the join
    /// table's primary key, the kind on the filter table's own row.
    @Test func otherFiltersAreCheckedAlongTheWalk() throws {
        let plans = try pagePlans(TimelineQuery(kinds: [.military, .ceasefire], actors: ["RU"], regions: ["south-ossetia"]))
        for lines in plans {
            #expect(lines.first?.hasPrefix("SEARCH t USING PRIMARY KEY (actor_id=?") == true, "\(lines)")
            #expect(lines.contains("SEARCH r USING PRIMARY KEY (event_id=? AND region_id=?)"), "\(lines)")
            expectNoSortAndNoScan(lines.filter { !$0.contains("json_each") })
        }
    }

    /// Totals count index entries of the filter tables and read no event.
    @Test func totalsCountTheFilterTablesAlone() throws {
        let queries = [TimelineQuery(actors: ["RU"]), TimelineQuery(kinds: [.military], actors: ["RU", "GE"]),
                       TimelineQuery(regions: ["abkhazia"], from: "2008")]
        for query in queries {
            let lines = try explain(SQLiteTimeline.keysetQuery(query).countSQL)
            #expect(lines.contains { $0.hasPrefix("SEARCH t USING PRIMARY KEY") }, "\(lines)")
            #expect(!lines.contains { $0.contains(" e ") || $0.hasSuffix(" e") }, "\(lines)")
            #expect(!lines.contains { $0.hasPrefix("SCAN t") }, "\(lines)")
        }
    }

    /// Another sort with an actor reads the actor's event ids from its timeline and sorts the
    /// matches: documented as the price of a sort no index gives.
    @Test func anotherSortListsTheMatchesAndSortsThem() throws {
        let lines = try explain(SQLiteTimeline.keysetQuery(TimelineQuery(actors: ["RU"], sort: ListSort(.title))).pageSQL(after: nil, limit: 51))
        #expect(lines.contains { $0.hasPrefix("SEARCH actor_timeline USING PRIMARY KEY (actor_id=?)") }, "\(lines)")
    }

    /// Search in index order lets FTS5 walk its rowids from the position: no sort; ranked
    /// search sorts (every match is scored), which the ranking limit bounds.
    @Test func indexOrderSearchDoesNotSort() throws {
        let query = SearchQuery(text: "russia", kinds: [.event, .statement])
        let unranked = SQLiteSearchRepository.keysetQuery(query, isRanked: false)
        for lines in try [explain(unranked.pageSQL(after: nil, limit: 21)), explain(unranked.pageSQL(after: [.integer(5)], limit: 21))] {
            #expect(lines.contains { $0.hasPrefix("SCAN search VIRTUAL TABLE") }, "\(lines)")
            #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(lines)")
            #expect(lines.contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"), "\(lines)")
            #expect(lines.contains("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"), "the content row by rowid: \(lines)")
        }
        let ranked = try explain(SQLiteSearchRepository.keysetQuery(query, isRanked: true).pageSQL(after: nil, limit: 21))
        #expect(ranked.contains("USE TEMP B-TREE FOR ORDER BY"), "\(ranked)")
    }
}
