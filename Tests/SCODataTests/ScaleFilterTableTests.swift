import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// `actor_timeline` and `region_timeline` (0004, rebuilt on the date bounds by 0005) stay what the join tables and the events say,
/// whoever writes and in whatever order, and keeping them counts as no edit.
@Suite struct ScaleFilterTableTests {
    /// Rows in one table and not the other, both ways, for actors and for regions: all zero
    /// when the filter tables are in step.
    static func differences(on connection: SQLiteConnection) throws -> [Int] {
        let actors = "SELECT a.actor_id, e.date_earliest, e.id, e.date_latest, e.kind FROM event_actors a JOIN events e ON e.id = a.event_id"
        let actorTimeline = "SELECT actor_id, date_earliest, event_id, date_latest, kind FROM actor_timeline"
        let regions = "SELECT r.region_id, e.date_earliest, e.id, e.date_latest, e.kind FROM event_regions r JOIN events e ON e.id = r.event_id"
        let regionTimeline = "SELECT region_id, date_earliest, event_id, date_latest, kind FROM region_timeline"
        return try [(actors, actorTimeline), (actorTimeline, actors), (regions, regionTimeline), (regionTimeline, regions)]
            .map { left, right in
                try connection.queryFirst("SELECT count(*) FROM (\(left) EXCEPT \(right))") { try $0.int(0) } ?? -1
            }
    }

    func expectInStep(_ store: SeededStore, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Self.differences(on: store.reader.connection) == [0, 0, 0, 0], "after \(step)", sourceLocation: sourceLocation)
    }

    @Test func seedingFillsThem() throws {
        let store = try SeededStore()
        try expectInStep(store, "seeding")
        #expect(try store.integer("SELECT count(*) FROM actor_timeline") == store.integer("SELECT count(*) FROM event_actors"))
        #expect(try store.integer("SELECT count(*) FROM region_timeline") == store.integer("SELECT count(*) FROM event_regions"))
        #expect(try store.integer("SELECT count(*) FROM actor_timeline") > 40)
    }

    @Test func everyKindOfSQLWriteKeepsThemInStep() throws {
        let store = try SeededStore()
        let writes: [(String, [String])] = [
            ("an event's date", [
                "UPDATE events SET date_value = '2008-08-09', date_precision = 'day', date_earliest = '2008-08-09', date_latest = '2008-08-09' WHERE id = 'peace-deal-signed'"]),
            ("an event's bounds alone", ["UPDATE events SET date_latest = '2008-08-20' WHERE id = 'russian-tanks-roll-into-south-ossetia'"]),
            ("an event's kind", ["UPDATE events SET kind = 'diplomatic' WHERE id = 'ethnic-cleansing-charged-at-osce'"]),
            ("an actor's kind of reference", [
                "UPDATE event_actors SET state_code = NULL, person_id = 'dmitry-medvedev' WHERE event_id = 'six-principles-adopted' AND position = 0"]),
            ("a join row moved to another event", [
                "UPDATE event_regions SET event_id = 'sco-founded' WHERE event_id = 'six-principles-adopted' AND region_id = 'moscow'"]),
            ("a region changed", ["UPDATE event_regions SET region_id = 'dushanbe' WHERE event_id = 'peace-deal-signed'"]),
            ("a join row deleted", ["DELETE FROM event_actors WHERE event_id = 'peace-deal-signed' AND position = 2"]),
            ("an event deleted (its join rows cascade)", [
                "DELETE FROM statement_subjects WHERE subject_id = 'georgian-soldiers-seized'",
                "DELETE FROM events WHERE id = 'georgian-soldiers-seized'"]),
            ("join rows written before their event", [
                "INSERT INTO event_actors (event_id, position, state_code) VALUES ('late-event', 0, 'CN'), ('late-event', 1, 'GE')",
                "INSERT INTO event_regions (event_id, region_id, position) VALUES ('late-event', 'abkhazia', 0)",
                """
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT 'late-event', '2008-09-01', 'day', 'summit', 'Late', 'Written after its join rows', sources FROM events LIMIT 1
                """]),
            ("an event renamed with its join rows", [
                "UPDATE events SET id = 'renamed-event' WHERE id = 'late-event'",
                "UPDATE event_actors SET event_id = 'renamed-event' WHERE event_id = 'late-event'",
                "UPDATE event_regions SET event_id = 'renamed-event' WHERE event_id = 'late-event'"]),
            ("a join row replaced", [
                "INSERT OR REPLACE INTO event_actors (event_id, position, person_id) VALUES ('renamed-event', 0, 'dmitry-medvedev')"]),
            // REPLACE deletes without firing delete triggers unless recursive triggers are on
            // (sqlite.org/lang_conflict.html); the insert's trigger must clean up alone.
            ("a join row replaced with recursive triggers off", [
                "PRAGMA recursive_triggers = OFF",
                "INSERT OR REPLACE INTO event_actors (event_id, position, state_code) VALUES ('renamed-event', 1, 'KZ')",
                "INSERT OR REPLACE INTO event_regions (event_id, region_id, position) VALUES ('renamed-event', 'abkhazia', 5)",
                """
                INSERT OR REPLACE INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT 'renamed-event', '2008-09-02', 'day', 'release', 'Late', 'Replaced', sources FROM events LIMIT 1
                """,
                "PRAGMA recursive_triggers = ON"]),
            ("many events' dates at once", ["UPDATE events SET date_value = '2008' , date_precision = 'year' WHERE kind = 'military'"]),
        ]
        for (step, statements) in writes {
            try store.database.write { connection in
                for sql in statements { try connection.run(sql) }
            }
            try expectInStep(store, step)
        }
        #expect(try store.integer("SELECT count(*) FROM actor_timeline WHERE event_id = 'georgian-soldiers-seized'") == 0)
        let page = try store.reader.timeline.page(TimelineQuery(actors: ["dmitry-medvedev"], limit: 10))
        #expect(page.items.map(\.id).contains("six-principles-adopted"))
    }

    @Test func theWriteAPIKeepsThemInStep() throws {
        let store = try SeededStore()
        try store.edit { writer in try writer.create(.event(WriteFixtures.event())) }
        try expectInStep(store, "a create")
        var event = try #require(try store.reader.timeline.record(id: "peace-deal-signed"))
        let current = event
        event.participants = [Participant(id: "CN"), Participant(id: "KZ", role: .mediator)]
        event.regions = ["abkhazia"]
        event.date = HistoricalDate(value: "2008-08-13", precision: .day)
        try store.edit { writer in try writer.replace(.event(current), with: .event(event)) }
        try expectInStep(store, "a replace")
        #expect(try store.reader.timeline.page(TimelineQuery(actors: ["KZ"], regions: ["abkhazia"])).items.map(\.id) == ["peace-deal-signed"])
        try store.edit { writer in try writer.delete(try #require(try writer.record(.event, id: "sco-rebuffs-russia"))) }
        try expectInStep(store, "a delete")
    }

    /// The tables are derived data: keeping them changes no count of edits, and a date
    /// change is one edit (the event's row), as before 0004.
    @Test func keepingThemCountsNoEdit() throws {
        let store = try SeededStore()
        #expect(try Seeder.status(on: store.reader.connection)?.edits == 0)
        try store.write("UPDATE events SET date_value = '2008-08-13' WHERE id = 'peace-deal-signed'")
        #expect(try Seeder.status(on: store.reader.connection)?.edits == 1)
    }

    /// 0004 (then 0005) on a database seeded and edited under 0001–0003 fills both tables from
    /// what is there and counts no edit; the index on the generated actor_id is gone, the one on
    /// event_regions' foreign key stays.
    @Test func upgradingFillsThemFromTheJoinTables() throws {
        let directory = try TemporaryDirectory()
        let database = try databaseSeededUnderMigrations(3, at: directory.file("old.sqlite"))
        try database.write { connection in
            try connection.run("UPDATE events SET date_value = '2008-08-13' WHERE id = 'peace-deal-signed'")
            try connection.run("INSERT INTO event_actors (event_id, position, person_id) VALUES ('peace-deal-signed', 3, 'dmitry-medvedev')")
        }
        let reader = SQLiteDatasetReader(connection: try database.makeReader())
        let edits = try Seeder.status(on: reader.connection)?.edits
        #expect(edits == 2)

        let applied = try database.migrate(SchemaMigrations.migrator)
        #expect(applied.map(\.fileName) == ["0004_event_filter_dates.sql", "0005_second_edition.sql", "0006_idempotency_keys.sql", "0007_event_relation_order.sql"])
        #expect(try Self.differences(on: reader.connection) == [0, 0, 0, 0])
        #expect(try Seeder.status(on: reader.connection)?.edits == edits)
        let indexes = try reader.connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('event_actors_by_actor', 'event_regions_by_region')") { try $0.string(0) }
        #expect(indexes == ["event_regions_by_region"])
        let page = try reader.timeline.page(TimelineQuery(actors: ["dmitry-medvedev"], from: "2008-08-13", to: "2008-08-13"))
        #expect(page.items.map(\.id) == ["peace-deal-signed"])
    }
}
