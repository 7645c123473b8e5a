import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// The timeline with 50,000 synthetic events beside the fixture: a page costs the same wherever
/// the cursor is, and a filter reads about a page of rows, not all of its matches. Work is
/// counted in SQLite virtual machine steps (`sqlite3_stmt_status`), which a busy machine does
/// not change, rather than timed.
@Suite struct ScaleTimelineTests {
    static let limit = 50

    /// The queries measured: every shape the repository has, in both directions where it matters.
    static let queries: [(name: String, query: TimelineQuery)] = [
        ("default order", TimelineQuery()),
        ("newest first", TimelineQuery(sort: ListSort([.init(.date, descending: true)]))),
        ("kind", TimelineQuery(kinds: [.military])),
        ("date range", TimelineQuery(from: "1950", to: "1999-06")),
        ("actor", TimelineQuery(actors: ["GE"])),
        ("actor, newest first", TimelineQuery(actors: ["GE"], sort: ListSort([.init(.date, descending: true)]))),
        ("two actors", TimelineQuery(actors: ["GE", "RU"])),
        ("three actors, newest first", TimelineQuery(actors: ["GE", "RU", "CN"], sort: ListSort([.init(.date, descending: true)]))),
        ("rare actor", TimelineQuery(actors: ["sco"])),
        ("actor and kind", TimelineQuery(kinds: [.ceasefire, .summit], actors: ["RU"])),
        ("actor and dates", TimelineQuery(actors: ["RU"], from: "1950", to: "1999-06")),
        ("actor and region", TimelineQuery(actors: ["RU"], regions: ["south-ossetia"])),
        ("region", TimelineQuery(regions: ["abkhazia"])),
        ("two regions, newest first", TimelineQuery(regions: ["abkhazia", "dushanbe"], sort: ListSort([.init(.date, descending: true)]))),
    ]

    @Test func theLastPageByCursorCostsAtMostTwiceTheFirst() throws {
        let store = try ScaleData.makeStore(events: 50_000)
        for (name, query) in Self.queries {
            let all = try ScaleData.referenceKeys(query, on: store.reader.connection)
            #expect(all.count > 2 * Self.limit, "\(name): \(all.count) events")
            var first = query
            first.limit = Self.limit
            let firstCost = try store.cost(of: first)
            #expect(firstCost.page.items.map(\.id) == all.prefix(Self.limit).map(\.id), "\(name)")
            // The cursor the page before the last hands out: its last event's date and id.
            var last = first
            let before = all[all.count - Self.limit - 1]
            last.position = ListPosition(
                fingerprint: SQLiteTimeline.list.fingerprint(query), values: [.text(before.date), .text(before.id)])
            let lastCost = try store.cost(of: last)
            #expect(lastCost.page.items.map(\.id) == all.suffix(Self.limit).map(\.id), "\(name)")
            #expect(lastCost.page.next == nil, "\(name)")
            #expect(lastCost.steps <= 2 * firstCost.steps, "\(name): first \(firstCost.steps) steps, last \(lastCost.steps)")
            #expect(firstCost.sorts == 0 && lastCost.sorts == 0, "\(name): sorted")
            #expect(firstCost.fullScanSteps <= Self.limit + 1 && lastCost.fullScanSteps <= Self.limit + 1, "\(name): scanned")
            print("scale \(name): \(all.count) events; first page \(firstCost.steps) steps, last \(lastCost.steps)")
        }
    }

    /// A filter's page reads about a page of index entries however many events match: well
    /// under one step per match, where sorting the matches took several per match.
    @Test func aFilteredPageReadsAboutAPageNotEveryMatch() throws {
        let store = try ScaleData.makeStore(events: 50_000)
        let queries = [TimelineQuery(actors: ["GE"]), TimelineQuery(actors: ["GE", "RU", "KZ"]),
                       TimelineQuery(regions: ["abkhazia"]), TimelineQuery(actors: ["RU"], from: "1950")]
        for var query in queries {
            query.limit = Self.limit
            let cost = try store.cost(of: query)
            #expect(cost.page.total > 2_000, "\(query)")
            #expect(cost.steps < cost.page.total, "\(query): \(cost.steps) steps for \(cost.page.total) matches")
        }
        // No match at all is answered from the index at once (the old EXISTS shape walked
        // every event to find none).
        let none = try store.cost(of: TimelineQuery(actors: ["nobody"], limit: Self.limit))
        #expect(none.page.items.isEmpty && none.page.total == 0)
        #expect(none.steps < 100, "\(none.steps) steps")
        // The counters are live: a sort no index gives is counted, and so is a scan.
        let sorted = try store.cost(of: TimelineQuery(actors: ["GE"], sort: ListSort(.title), limit: Self.limit))
        #expect(sorted.sorts > 0 && sorted.steps > sorted.page.total, "\(sorted.sorts) sorts, \(sorted.steps) steps")
        #expect(try store.cost(of: TimelineQuery(limit: Self.limit)).fullScanSteps > 0)
    }

    /// Filters answered through the filter tables give what a plain query of the events and
    /// their join rows gives, page after page.
    @Test func filterTablesAgreeWithTheJoinTables() throws {
        let store = try ScaleData.makeStore(events: 5_000)
        let queries: [TimelineQuery] = Self.queries.map(\.query) + [
            TimelineQuery(actors: ["GE", "GE", "RU"]),
            TimelineQuery(actors: ["GE", "nobody"]),
            TimelineQuery(actors: ["sco", "RU", "CN", "KZ", "KG"], regions: ["abkhazia", "dushanbe"], from: "1990"),
            TimelineQuery(kinds: [.military], regions: ["abkhazia"], to: "1950-03-01"),
            TimelineQuery(actors: ["RU"], regions: ["south-ossetia"], sort: ListSort([.init(.date, descending: true)])),
        ]
        for query in queries {
            let expected = try ScaleData.referenceKeys(query, on: store.reader.connection).map(\.id)
            #expect(expected.count > 0, "\(query)")
            let walked = try walk(limit: 97) { position in
                var paged = query
                paged.limit = 97
                paged.position = position
                return try store.reader.timeline.page(paged)
            }
            #expect(walked.items.map(\.id) == expected, "\(query)")
            #expect(walked.totals == [expected.count], "\(query)")
        }
    }

    /// More values than a union takes still filter correctly (through the events query).
    @Test func moreActorsThanAUnionTakesStillFilter() throws {
        let store = try ScaleData.makeStore(events: 2_000)
        let states = try store.reader.connection.query("SELECT code FROM states ORDER BY code") { try $0.string(0) }
        #expect(states.count > KeysetQuery.maximumBranches)
        let some = Array(states.prefix(KeysetQuery.maximumBranches + 1))
        let page = try store.reader.timeline.page(TimelineQuery(actors: some, limit: 10_000))
        let expected = try store.integer(
            "SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id IN (SELECT value FROM json_each(?))",
            [.text(StoredJSON.text(strings: some))])
        #expect(page.items.count == expected && page.total == expected)
        #expect(page.items.map(\.date.earliest) == page.items.map(\.date.earliest).sorted(by: binaryLess))
    }
}

/// A page and the work SQLite did for its rows.
struct PageCost {
    let page: Page<TimelineEvent>
    let steps: Int
    let sorts: Int
    let fullScanSteps: Int
}

extension SeededStore {
    /// Reads one timeline page and counts the steps of its page statement (the total, counted
    /// once per data version, and the page's actors and regions are other statements).
    func cost(of query: TimelineQuery) throws -> PageCost {
        let sql = SQLiteTimeline.keysetQuery(query)
            .pageSQL(after: query.position?.values, limit: KeysetQuery.rowsToFetch(forPageOf: query.limit)).sql
        let statement = try reader.connection.cached(sql)
        for counter in [PreparedStatement.StatusCounter.virtualMachineSteps, .sorts, .fullScanSteps] {
            _ = statement.status(counter, reset: true)
        }
        let page = try reader.timeline.page(query)
        return PageCost(
            page: page, steps: statement.status(.virtualMachineSteps), sorts: statement.status(.sorts),
            fullScanSteps: statement.status(.fullScanSteps))
    }
}

/// The synthetic data the scale tests measure.
enum ScaleData {
    /// The seeded fixture plus `count` synthetic events `synthetic-NNNNNN`, inserted by SQL so
    /// that every migration's triggers run on them: day-precision dates spread over 1900–2009,
    /// the nine kinds in turn, two state actors (of the fixture's 17) and one region (of 11)
    /// each, the organization `sco` as a third actor on one in 200; the title and summary hold
    /// `tagNNN` (one event in 1,000), `clusterN` (one in 10) and `synthetic` (all).
    static func makeStore(events count: Int) throws -> SeededStore {
        let store = try SeededStore()
        try store.database.write { connection in
            try connection.run(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT printf('synthetic-%06d', i), date(2415020.5 + (i * 7919) % 40177), 'day',
                       json_extract('["military","diplomatic","summit","declaration","recognition","ceasefire","founding","detention","release"]', '$[' || (i % 9) || ']'),
                       printf('Synthetic event %d tag%03d', i, i % 1000),
                       printf('A synthetic event, tag%03d in cluster%d.', i % 1000, i % 10),
                       '[{"sourceId":"article-2008-08-28-sco-dushanbe","quote":"Georgia"}]'
                FROM n
                """,
                [.int(count)])
            try connection.run(
                """
                WITH s AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM states),
                     e AS (SELECT id, CAST(substr(id, 11) AS INTEGER) AS i FROM events WHERE id GLOB 'synthetic-*')
                INSERT INTO event_actors (event_id, position, state_code, organization_id)
                SELECT e.id, 0, s.code, NULL FROM e JOIN s ON s.k = e.i % (SELECT count(*) FROM s)
                UNION ALL
                SELECT e.id, 1, s.code, NULL FROM e JOIN s ON s.k = (e.i * 7 + 3) % (SELECT count(*) FROM s)
                WHERE (e.i * 7 + 3) % (SELECT count(*) FROM s) <> e.i % (SELECT count(*) FROM s)
                UNION ALL
                SELECT e.id, 2, NULL, 'sco' FROM e WHERE e.i % 200 = 199
                """)
            try connection.run(
                """
                WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM regions),
                     e AS (SELECT id, CAST(substr(id, 11) AS INTEGER) AS i FROM events WHERE id GLOB 'synthetic-*')
                INSERT INTO event_regions (event_id, region_id, position)
                SELECT e.id, r.id, 0 FROM e JOIN r ON r.k = (e.i / 3) % (SELECT count(*) FROM r)
                """)
        }
        return store
    }

    /// The earliest days and ids a date-ordered timeline query should list (overlapping
    /// `from`/`to`), found through the join
    /// tables (not the filter tables) by SQL written here.
    static func referenceKeys(_ query: TimelineQuery, on connection: SQLiteConnection) throws -> [(date: String, id: String)] {
        let direction = query.sort.keys[0].isDescending ? "DESC" : "ASC"
        let sql = """
            SELECT e.date_earliest, e.id FROM events e
            WHERE (json_array_length(?1) = 0 OR e.kind IN (SELECT value FROM json_each(?1)))
              AND (json_array_length(?2) = 0 OR EXISTS (SELECT 1 FROM event_actors a
                   WHERE a.event_id = e.id AND a.actor_id IN (SELECT value FROM json_each(?2))))
              AND (json_array_length(?3) = 0 OR EXISTS (SELECT 1 FROM event_regions r
                   WHERE r.event_id = e.id AND r.region_id IN (SELECT value FROM json_each(?3))))
              AND (?4 IS NULL OR e.date_latest >= ?4) AND (?5 IS NULL OR e.date_earliest <= ?5)
            ORDER BY e.date_earliest \(direction), e.id \(direction)
            """
        let bindings: [SQLiteValue] = [
            .text(StoredJSON.text(strings: query.kinds.map(\.rawValue))), .text(StoredJSON.text(strings: query.actors)),
            .text(StoredJSON.text(strings: query.regions)), .nullable(query.from.map(DateBounds.lower)),
            .nullable(query.to.map(DateBounds.upper)),
        ]
        return try connection.query(sql, bindings) { (try $0.string(0), try $0.string(1)) }
    }
}
