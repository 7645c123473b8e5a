import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Export writes the database as a fixture: seed then export is the identity.
@Suite struct ExporterTests {
    @Test func seedThenExportGivesBackAnEqualDocument() throws {
        let store = try SeededStore()
        let exported = try Exporter.export(from: store.reader.connection)
        let fixture = try Bundled.document()
        #expect(exported == fixture)
        // Piece by piece too, so a failure says where.
        #expect(exported.events == fixture.events)
        #expect(exported.statements == fixture.statements)
        #expect(exported.states == fixture.states)
        #expect(exported.organizations == fixture.organizations)
        #expect(exported.clauses == fixture.clauses)
    }

    @Test func exportedBytesAreAValidFixtureOfTheSameDocument() throws {
        let store = try SeededStore()
        let data = try Exporter.exportData(from: store.reader.connection)
        let reloaded = try FixtureValidator.load(data).get()
        #expect(reloaded == (try Bundled.document()))
        #expect(try Seeder.checksum(of: reloaded) == (try Seeder.status(on: store.reader.connection))?.checksum)
    }

    /// Export, seed the bytes into an empty database, export again: the same bytes, every
    /// member of the second edition included (bounds, parts, answers, positions, links,
    /// quantities), and for a document converted from format 1 as much.
    @Test func exportSeedExportIsByteIdentical() throws {
        let store = try SeededStore()
        let first = try Exporter.exportData(from: store.reader.connection)
        let copy = try SeededStore(seed: false)
        _ = try Seeder.seed(data: first, into: copy.database)
        #expect(try Exporter.exportData(from: copy.reader.connection) == first)
        let text = String(decoding: first, as: UTF8.self)
        for member in ["\"earliest\"", "\"participants\"", "\"respondsTo\"", "\"start\"", "\"sameAs\"", "\"quantities\"", "\"formatVersion\" : 2"] {
            #expect(text.contains(member), "\(member)")
        }
    }

    @Test func exportThenSeedReproducesAnEditedDatabase() throws {
        let store = try SeededStore()
        try store.database.write { connection in
            try connection.run("UPDATE events SET title = 'Edited', summary = 'Edited summary' WHERE id = 'peace-deal-signed'")
            try connection.run(
                """
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT 'added-event', '2008-08-29', 'day', 'diplomatic', 'Added', 'Added later', sources FROM events WHERE id = 'sco-founded'
                """)
            try connection.run("INSERT INTO event_actors (event_id, position, state_code) VALUES ('added-event', 0, 'RU')")
            try connection.run("INSERT INTO event_regions (event_id, region_id, position) VALUES ('added-event', 'south-ossetia', 0)")
            try connection.run("UPDATE states SET name = 'Edited name' WHERE code = 'CN'")
        }
        let edited = try Exporter.export(from: store.database)
        #expect(edited.events.last?.id == "added-event", "records added after the seed come last")
        #expect(edited.events.last?.actors == ["RU"])
        #expect(edited != (try Bundled.document()))

        let copy = try SeededStore(seed: false)
        let report = try Seeder.seed(data: try edited.jsonData(), into: copy.database)
        #expect(report.counts.events == edited.events.count)
        #expect(try Exporter.export(from: copy.reader.connection) == edited)

        // Seeding the export over the edited original replaces it with itself.
        let replaced = try Seeder.seed(document: edited, into: store.database, mode: .replace)
        #expect(replaced.discardedEdits > 0)
        #expect(try Exporter.export(from: store.reader.connection) == edited)
    }

    @Test func refusesToExportADatabaseWithoutTheSummit() throws {
        let store = try SeededStore(seed: false)
        #expect(throws: DatasetError.incomplete(missing: "summit")) { try Exporter.export(from: store.reader.connection) }
    }

    @Test func aStoredValueOfTheWrongShapeIsACorruptValueError() throws {
        let store = try SeededStore()
        try store.write("UPDATE events SET sources = '[1]' WHERE id = 'sco-founded'")
        #expect {
            try Exporter.export(from: store.reader.connection)
        } throws: { error in
            guard case .corruptValue(let table, let column, _) = error as? DatasetError else { return false }
            return table == "events" && column == "sources"
        }
    }

    /// A kind, role or precision outside its closed set is named with the value as stored.
    @Test func anUnknownStoredNameIsACorruptValueError() throws {
        let store = try SeededStore()
        // What a hand edit past the schema's CHECK would leave.
        func force(_ sql: String) throws {
            try store.database.write { connection in
                try connection.run("PRAGMA ignore_check_constraints = ON")
                defer { _ = try? connection.run("PRAGMA ignore_check_constraints = OFF") }
                try connection.run(sql)
            }
        }
        try force("UPDATE events SET kind = 'militar' WHERE id = 'sco-founded'")
        #expect {
            try Exporter.export(from: store.reader.connection)
        } throws: { error in
            guard case .corruptValue(let table, let column, let detail) = error as? DatasetError else { return false }
            return table == "events" && column == "kind" && detail == "unknown value \"militar\""
        }
        try store.write("UPDATE events SET kind = 'military' WHERE id = 'sco-founded'")
        #expect(try Exporter.export(from: store.reader.connection).events.contains { $0.id == "sco-founded" })
    }
}

