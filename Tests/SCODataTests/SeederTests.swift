import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Seeding: validated first, one transaction, idempotent, and never silently over edits.
@Suite struct SeederTests {
    @Test func secondSeedOfTheSameFixtureChangesNothingAndSaysSo() throws {
        let store = try SeededStore()
        try store.database.checkpoint(.truncate)
        let before = store.fileBytes()
        let versionBefore = try store.reader.connection.externalDataVersion()
        let report = try Seeder.seed(data: BundledFixture.data, into: store.database)
        #expect(report.unchanged)
        #expect(report.counts == RecordCounts(try Bundled.document()))
        #expect(report.description.hasPrefix("already seeded"))
        #expect(store.fileBytes() == before)
        #expect(try store.reader.connection.externalDataVersion() == versionBefore, "no commit wrote anything")
    }

    @Test func aReformattedFixtureWithTheSameContentIsUnchanged() throws {
        let store = try SeededStore()
        let reformatted = try Bundled.document().jsonData()
        #expect(reformatted != BundledFixture.data)
        #expect(try Seeder.seed(data: reformatted, into: store.database).unchanged)
    }

    @Test func seedReportsCountsPerKindMatchingTheTables() throws {
        let store = try SeededStore(seed: false)
        let report = try Seeder.seed(data: BundledFixture.data, into: store.database)
        #expect(!report.unchanged)
        let tables = ["sources", "organizations", "summits", "states", "people", "regions", "declarations", "clauses", "events", "statements"]
        #expect(report.counts.byKind.map(\.kind) == tables)
        for (kind, count) in report.counts.byKind {
            #expect(try store.integer("SELECT count(*) FROM \(kind)") == count, "\(kind)")
        }
        #expect(report.description.contains("15 events"))
        let status = try #require(try Seeder.status(on: store.reader.connection))
        #expect(status.checksum == report.checksum)
        #expect(status.edits == 0)
        #expect(status.formatVersion == FixtureDocument.currentFormatVersion)
    }

    /// The triggers leave the FTS5 index in several segments; the seed merges them, since every
    /// search looks its terms up in each segment. Merging again then finds nothing to merge.
    @Test(arguments: [false, true])
    func seedLeavesTheSearchIndexMerged(reseed: Bool) throws {
        let store = try SeededStore()
        if reseed {
            let edited = try Bundled.tree().replacing("events.0.title", with: .string("An edited title"))
            #expect(try !Seeder.seed(data: Data(edited.serialized()), into: store.database, mode: .replace).unchanged)
        }
        let blocks = try store.integer("SELECT count(*) FROM search_data")
        let bytes = try store.integer("SELECT sum(length(block)) FROM search_data")
        try store.write("INSERT INTO search (search) VALUES ('optimize')")
        #expect(try store.integer("SELECT count(*) FROM search_data") == blocks)
        #expect(try store.integer("SELECT sum(length(block)) FROM search_data") == bytes)
        #expect(try store.integer("SELECT count(*) FROM search WHERE search MATCH 'Tskhinvali'") > 0)
    }

    @Test func brokenFixtureLeavesTheDatabaseByteForByteUnchanged() throws {
        let store = try SeededStore()
        try store.database.checkpoint(.truncate)
        let before = store.fileBytes()
        let broken = try Bundled.tree()
            .replacing("events.3.date.value", with: .string("2008-02-30"))
            .replacing("statements.0.speakerId", with: .string("nobody"))
        #expect {
            try Seeder.seed(data: Data(broken.serialized()), into: store.database, mode: .replace)
        } throws: { error in
            guard case .invalidFixture(let errors) = error as? DatasetError else { return false }
            let paths = errors.problems.map(\.path.description)
            return paths.contains("$.events[3].date.value") && paths.contains("$.statements[0].speakerId")
        }
        #expect(store.fileBytes() == before)
    }

    @Test func invalidFixtureErrorNamesEveryProblemWithItsPath() throws {
        let store = try SeededStore(seed: false)
        let broken = try Bundled.tree().replacing("states.0.roles.0", with: .string("emperor"))
        do {
            _ = try Seeder.seed(data: Data(broken.serialized()), into: store.database)
            Issue.record("a broken fixture was seeded")
        } catch let error as DatasetError {
            #expect(error.description.contains("$.states[0].roles[0]: unknown value \"emperor\""))
            #expect(error.description.contains("nothing was written"))
        }
        #expect(try store.integer("SELECT count(*) FROM states") == 0)
        #expect(throws: DatasetError.self) { try Seeder.seed(data: Data("{".utf8), into: store.database) }
    }

    @Test func refusesToDiscardEditsUnlessAskedToReplace() throws {
        let store = try SeededStore()
        try store.write("UPDATE events SET title = 'Edited title' WHERE id = 'sco-founded'")
        try store.write("DELETE FROM statement_subjects WHERE statement_id = (SELECT statement_id FROM statement_subjects LIMIT 1) AND position = 0")
        let status = try #require(try Seeder.status(on: store.reader.connection))
        #expect(status.edits == 2)
        #expect {
            try Seeder.seed(data: BundledFixture.data, into: store.database)
        } throws: { error in
            guard case .editedSinceSeed(let edits, let seededAt) = error as? DatasetError else { return false }
            return edits == 2 && seededAt == status.seededAt
        }
        #expect(try store.reader.connection.queryFirst("SELECT title FROM events WHERE id = 'sco-founded'") { try $0.string(0) } == "Edited title")

        let report = try Seeder.seed(data: BundledFixture.data, into: store.database, mode: .replace)
        #expect(!report.unchanged)
        #expect(report.discardedEdits == 2)
        #expect(report.description.contains("discarded 2 row changes"))
        #expect(try store.reader.connection.queryFirst("SELECT title FROM events WHERE id = 'sco-founded'") { try $0.string(0) } != "Edited title")
        #expect(try Seeder.status(on: store.reader.connection)?.edits == 0)
        #expect(try Exporter.export(from: store.reader.connection) == (try Bundled.document()))
    }

    @Test func refusesToDiscardDataNoSeedRecorded() throws {
        let store = try SeededStore(seed: false)
        try store.write("INSERT INTO sources (id, title, publisher, published_on, language, text) VALUES ('s', 't', 'p', '2008-08-28', 'en', 'x')")
        #expect(throws: DatasetError.unrecordedData) { try Seeder.seed(data: BundledFixture.data, into: store.database) }
        let report = try Seeder.seed(data: BundledFixture.data, into: store.database, mode: .replace)
        #expect(report.discardedUnrecordedData)
        #expect(try store.integer("SELECT count(*) FROM sources WHERE id = 's'") == 0)
    }

    @Test func anotherFixtureReplacesAnUneditedSeed() throws {
        let store = try SeededStore()
        var document = try Bundled.document()
        document.events[0].title = "A new title"
        document.events.removeLast()
        let report = try Seeder.seed(document: document, into: store.database)
        #expect(!report.unchanged)
        #expect(report.counts.events == document.events.count)
        #expect(try Exporter.export(from: store.reader.connection) == document)
        // The removed event's search row went with it.
        #expect(try store.integer("SELECT count(*) FROM search WHERE kind = 'event'") == document.events.count)
        #expect(try store.integer("SELECT count(*) FROM search_rows WHERE kind = 'event'") == document.events.count)
    }

    @Test func anInvalidDocumentIsRefusedBeforeWriting() throws {
        let store = try SeededStore()
        var document = try Bundled.document()
        document.events[0].participants.append(Participant(id: "nobody"))
        #expect(throws: DatasetError.self) { try Seeder.seed(document: document, into: store.database, mode: .replace) }
        #expect(try Exporter.export(from: store.reader.connection) == (try Bundled.document()))
    }

    @Test func checksumNamesTheContentNotTheLayout() throws {
        let document = try Bundled.document()
        let checksum = try Seeder.checksum(of: document)
        #expect(checksum.count == 64)
        var changed = document
        changed.summit.name += "!"
        #expect(try Seeder.checksum(of: changed) != checksum)
        #expect(try Seeder.checksum(of: FixtureValidator.load(document.jsonData()).get()) == checksum)
    }
}
