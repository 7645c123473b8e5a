import Foundation
import SQLiteStore
import Testing

@testable import SCOData
import TestSupport

/// 0005 on a database seeded and edited under 0001–0004: every date gains bounds and a basis,
/// the first edition's loose dates that nobody edited are narrowed as the second edition's
/// fixture has them, an edited one keeps what its editor wrote, every response link is kept
/// (and Azimov's denial answers all three charges), nothing counts as an edit, and the change
/// log gets one `migrate` entry.
@Suite struct SecondEditionMigrationTests {
    static let firstEditionTanksNote =
        #"The article gives no day: this happened "in response" to the offensive of the night of Aug. 7, during the fighting "this month" (August 2008)."#

    /// Each event's actors in the first edition, in order.
    static let firstEditionActors: [String: [String]] = [
        "soviet-invasion-of-czechoslovakia": ["SU", "CS", "warsaw-pact"],
        "sco-founded": ["sco"],
        "georgian-offensive-on-south-ossetia": ["GE"],
        "russian-tanks-roll-into-south-ossetia": ["RU", "GE"],
        "spy-plane-claimed-shot-down": ["GE", "georgia-interior-ministry"],
        "us-warships-visit-georgia": ["US"],
        "peace-deal-signed": ["RU", "GE", "eu"],
        "six-principles-adopted": ["RU"],
        "georgian-soldiers-seized": ["GE", "RU"],
        "russia-recognizes-separatist-regions": ["RU", "the-west"],
        "ethnic-cleansing-charged-at-osce": ["GE", "eka-tkeshelashvili", "osce", "RU", "anvar-azimov"],
        "georgian-soldiers-handed-over": ["RU", "GE"],
        "russian-troops-remain-at-checkpoints": ["RU", "the-kremlin"],
        "sco-joint-declaration": ["sco", "KZ", "CN", "KG", "RU", "TJ", "UZ"],
        "sco-summit-dushanbe": ["sco", "KZ", "CN", "KG", "RU", "TJ", "UZ", "IR", "IN", "PK", "MN", "AF", "dmitry-medvedev", "mahmoud-ahmadinejad", "hamid-karzai"]
    ]

    /// A database as 0004 left it, holding the bundled dataset with the first edition's event
    /// actors, the tanks' first-edition note, and the spy plane's note and the summit's actors
    /// edited (as through the write API).
    static func firstEditionDatabase(at path: String) throws -> Database {
        let database = try databaseSeededUnderMigrations(4, at: path)
        try database.write { connection in
            try connection.run("DELETE FROM event_actors")
            let kinds = try connection.query(
                "SELECT code, 'state' FROM states UNION ALL SELECT id, 'person' FROM people UNION ALL SELECT id, 'organization' FROM organizations"
            ) { (try $0.string(0), try $0.string(1)) }
            let kindOf = Dictionary(uniqueKeysWithValues: kinds)
            for (event, actors) in firstEditionActors {
                for (position, actor) in actors.enumerated() {
                    let kind = kindOf[actor]
                    try connection.run(
                        "INSERT INTO event_actors (event_id, position, state_code, person_id, organization_id) VALUES (?, ?, ?, ?, ?)",
                        [.text(event), .int(position), kind == "state" ? .text(actor) : .null, kind == "person" ? .text(actor) : .null,
                         kind == "organization" ? .text(actor) : .null])
                }
            }
            try connection.run("DELETE FROM event_actors WHERE event_id = 'sco-summit-dushanbe' AND state_code = 'AF'")
            try connection.run(
                "UPDATE events SET date_note = ? WHERE id = 'russian-tanks-roll-into-south-ossetia'", [.text(firstEditionTanksNote)])
            try connection.run(
                "UPDATE events SET date_note = 'Edited: some day in August.' WHERE id = 'spy-plane-claimed-shot-down'")
            try connection.run(
                "UPDATE statements SET responds_to = 'tkeshelashvili-ethnic-cleansing-completed' WHERE id = 'azimov-denies-ethnic-cleansing'")
            try connection.run("UPDATE people SET organization_id = 'osce', note = NULL WHERE id = 'anvar-azimov'")
            try connection.run(
                "UPDATE statements SET note = ? WHERE id = 'tkeshelashvili-georgians-driven-out'",
                [.text("An allegation, denied by Russia's OSCE ambassador; no verdict is given.")])
            // The first edition's quotes had no positions.
            try connection.run("UPDATE events SET sources = (SELECT json_group_array(json_remove(value, '$.start', '$.end')) FROM json_each(events.sources))")
            try connection.run(
                """
                UPDATE states SET notes = (SELECT json_group_array(json_set(n.value, '$.sources',
                    json((SELECT json_group_array(json_remove(q.value, '$.start', '$.end')) FROM json_each(n.value, '$.sources') AS q))))
                    FROM json_each(states.notes) AS n)
                """)
            try connection.run("UPDATE dataset SET edits = 7")
        }
        return database
    }

    @Test func movesAnEditedDatabaseToBoundedDates() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.firstEditionDatabase(at: directory.file("old.sqlite"))
        let reader = SQLiteDatasetReader(connection: try database.makeReader())
        let changesBefore = try reader.connection.query("SELECT operation FROM changes ORDER BY seq") { try $0.string(0) }
        #expect(changesBefore == ["seed"])

        let applied = try database.migrate(SchemaMigrations.migrator)
        #expect(applied.map(\.fileName) == ["0005_second_edition.sql", "0006_idempotency_keys.sql", "0007_event_relation_order.sql"])

        func date(_ id: String) throws -> HistoricalDate {
            guard let event = try reader.timeline.record(id: id) else { throw CocoaError(.fileNoSuchFile) }
            return event.date
        }
        let tanks = try date("russian-tanks-roll-into-south-ossetia")
        #expect(tanks.earliest == "2008-08-07" && tanks.latest == "2008-08-28" && tanks.basis == .inferred)
        #expect(tanks.note?.contains("between Aug. 7 and the report") == true)
        let edited = try date("spy-plane-claimed-shot-down")
        #expect(edited.earliest == "2008-08-01" && edited.latest == "2008-08-31" && edited.basis == .inferred)
        #expect(edited.note == "Edited: some day in August.")
        #expect(try date("soviet-invasion-of-czechoslovakia") == HistoricalDate(value: "1968", precision: .year, text: "1968"))
        let offensive = try date("georgian-offensive-on-south-ossetia")
        #expect(offensive.earliest == "2008-08-07" && offensive.latest == "2008-08-08" && offensive.basis == .stated)
        let founded = try #require(try reader.organizations.record(id: "sco")?.founded)
        #expect(founded.earliest == "2001-01-01" && founded.latest == "2001-12-31")

        #expect(try Seeder.status(on: reader.connection)?.edits == 7, "migrating counts no edit")
        let changes = try ChangeLog.page(after: 0, limit: 10, on: reader.connection).changes
        #expect(changes.map(\.operation) == [.seed, .migrate])
        #expect(changes.last?.after?.contains("\"migration\":\"0005_second_edition\"") == true)
        #expect(changes.last?.after?.contains("\"narrowed\":1") == true, "\(changes.last?.after ?? "")")

        let denial = try #require(try reader.statements.record(id: "azimov-denies-ethnic-cleansing"))
        #expect(denial.respondsTo == [
            "tkeshelashvili-georgians-driven-out", "tkeshelashvili-ethnic-cleansing-completed", "tkeshelashvili-villages-expelled",
        ])
        #expect(try reader.statements.record(id: "georgia-denies-spy-plane-downed")?.respondsTo == ["south-ossetia-claims-spy-plane-downed"])
        #expect(try reader.statements.record(id: "tkeshelashvili-villages-expelled")?.isDisputed == true)

        let article = try #require(try reader.sources.record(id: "article-2008-08-28-sco-dushanbe")).text
        let scalars = Array(article.unicodeScalars)
        let quotes = try reader.timeline.page(TimelineQuery(limit: 100)).items.flatMap(\.sources)
            + (try reader.states.page(StateQuery(limit: 100)).items.flatMap { $0.notes.flatMap(\.sources) })
        #expect(quotes.count > 40)
        for quote in quotes {
            let start = try #require(quote.start), end = try #require(quote.end)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == quote.quote)
        }

        let quantities = try reader.quantities.page(ListRequest<QuantitySortField>(limit: 50)).items
        #expect(quantities.count == 8 && quantities.contains { $0.id == "kyrgyzstan-air-base-aid-and-rent" && $0.value == 150_000_000 })
        #expect(try reader.summits.summit()?.events == ["sco-summit-dushanbe"])
        #expect(try reader.declarations.declaration()?.events == ["sco-joint-declaration"])
        #expect(try reader.timeline.record(id: "six-principles-adopted")?.sameAs == ["peace-deal-signed"])

        let observers = try reader.states.page(StateQuery(roles: [.observer], limit: 50)).items.map(\.code)
        #expect(observers == ["AF", "IN", "IR", "MN", "PK"])
        #expect(try reader.states.page(StateQuery(roles: [.observerStatus], limit: 50)).items.map(\.code) == ["IR"])
        let azimov = try #require(try reader.people.record(id: "anvar-azimov"))
        #expect(azimov.organizationId == nil && azimov.note?.contains("not on the OSCE's staff") == true)
        #expect(try reader.statements.record(id: "tkeshelashvili-georgians-driven-out")?.note?.contains("is an inference") == true)

        let spy = try #require(try reader.timeline.record(id: "spy-plane-claimed-shot-down"))
        #expect(spy.participants == [
            Participant(id: "south-ossetia", role: .claimant), Participant(id: "GE", role: .target),
            Participant(id: "georgia-interior-ministry", role: .denier),
        ])
        let recognition = try #require(try reader.timeline.record(id: "russia-recognizes-separatist-regions"))
        #expect(recognition.participants.first { $0.id == "the-west" }?.role == .critic)
        let summit = try #require(try reader.timeline.record(id: "sco-summit-dushanbe"))
        #expect(!summit.actors.contains("AF") && summit.participants.allSatisfy { $0.role == .actor },
                "an edited event keeps its editor's parties, each an actor")
        #expect(try reader.timeline.page(TimelineQuery(actors: ["south-ossetia"], limit: 50)).items.map(\.id).contains("spy-plane-claimed-shot-down"))

        let filtered = try reader.timeline.page(TimelineQuery(actors: ["RU"], from: "2008-08-20", to: "2008-08-20"))
        #expect(filtered.items.map(\.id).contains("russian-tanks-roll-into-south-ossetia"))
        #expect(try ScaleFilterTableTests.differences(on: reader.connection) == [0, 0, 0, 0])
    }

    /// A row written by hand without bounds gets them derived, as the fixture's format 1 does.
    @Test func aRowInsertedWithoutBoundsGetsThemDerived() throws {
        let store = try SeededStore()
        try store.write(
            """
            INSERT INTO events (id, date_value, date_precision, date_text, kind, title, summary, sources)
            SELECT 'hand-written', '2008-02', 'month', 'February', 'military', 'T', 'S', sources FROM events LIMIT 1
            """)
        try store.write("INSERT INTO event_actors (event_id, position, state_code) VALUES ('hand-written', 0, 'GE')")
        let date = try #require(try store.reader.timeline.record(id: "hand-written")).date
        #expect(date.earliest == "2008-02-01" && date.latest == "2008-02-29" && date.basis == .stated)
        #expect(try ScaleFilterTableTests.differences(on: store.reader.connection) == [0, 0, 0, 0])
        let page = try store.reader.timeline.page(TimelineQuery(actors: ["GE"], from: "2008-02-15", to: "2008-02-15"))
        #expect(page.items.map(\.id) == ["hand-written"])
    }

    @Test func theStoreRefusesBoundsOutOfOrderOrMoreThanAYearApart() throws {
        let store = try SeededStore()
        for bounds in [("2008-08-28", "2008-08-07"), ("2007-08-01", "2008-08-28"), ("2008-8-7", "2008-08-28")] {
            #expect(throws: SQLiteError.self, "\(bounds)") {
                try store.write(
                    "UPDATE events SET date_earliest = ?, date_latest = ? WHERE id = 'peace-deal-signed'",
                    [.text(bounds.0), .text(bounds.1)])
            }
        }
    }
}
