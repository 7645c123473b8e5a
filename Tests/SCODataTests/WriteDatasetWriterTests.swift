import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Writes through `DatasetWriter`: each edit and its audit row in one transaction.
@Suite struct WriteDatasetWriterTests {
    @Test func createWritesTheRecordAndItsAuditRowTogether() throws {
        let store = try SeededStore()
        let before = try store.changes()
        let change = try store.edit(token: "editor") { writer in
            try writer.create(try writer.validate(WriteFixtures.eventBody(), as: .event))
        }
        let stored = try #require(try store.reader.timeline.record(id: "sco-rebuffs-russia"))
        #expect(stored == WriteFixtures.event())
        let after = try store.changes()
        #expect(after.count == before.count + 1)
        #expect(after.last == change)
        #expect(change.operation == .create && change.kind == "event" && change.recordID == "sco-rebuffs-russia")
        #expect(change.tokenName == "editor")
        #expect(change.before == nil)
        #expect(change.after == String(decoding: WriteFixtures.json(.event(stored)), as: UTF8.self))
        #expect(try Seeder.status(on: store.reader.connection)?.edits ?? 0 > 0, "the triggers count API writes as edits")
        #expect(try store.reader.search.search(SearchQuery(text: "rebuffs", kinds: [.event], limit: 5)).items.map(\.id)
            == ["sco-rebuffs-russia"])
    }

    @Test func aWriteThatFailsLeavesNeitherTheEditNorItsAuditRow() throws {
        struct Interrupted: Error {}
        let store = try SeededStore()
        let before = try store.changes()
        #expect(throws: Interrupted.self) {
            try store.edit { writer in
                try writer.create(.event(WriteFixtures.event()))
                throw Interrupted()
            }
        }
        #expect(try store.reader.timeline.record(id: "sco-rebuffs-russia") == nil)
        #expect(try store.changes() == before)
        // A refused delete: the record is referenced, nothing is written.
        #expect(throws: WriteError.referenced(id: "peace-deal-signed", by: [
            "statement 'kremlin-security-zones' (about)", "statement 'west-accuses-russia' (about)",
            "quantity 'peace-deal-days-after-war-began' (about)", "event 'six-principles-adopted' (sameAs)",
        ])) {
            try store.edit { writer in try writer.delete(try #require(try writer.record(.event, id: "peace-deal-signed"))) }
        }
        #expect(try store.reader.timeline.record(id: "peace-deal-signed") != nil)
        #expect(try store.changes() == before)
    }

    @Test func replaceKeepsTheSeededOrderAndRewritesJoinRows() throws {
        let store = try SeededStore()
        let orderBefore = try Exporter.export(from: store.database).events.map(\.id)
        var event = try #require(try store.reader.timeline.record(id: "peace-deal-signed"))
        let current = event
        event.participants = [Participant(id: "CN", role: .critic, inferred: true)]
        event.title = "A new title"
        let change = try store.edit { writer in
            try writer.replace(.event(current), with: .event(event), as: .update)
        }
        #expect(change.operation == .update)
        #expect(change.before == String(decoding: WriteFixtures.json(.event(current)), as: UTF8.self))
        #expect(try store.reader.timeline.record(id: "peace-deal-signed") == event)
        #expect(try store.reader.timeline.page(TimelineQuery(actors: ["CN"], limit: 50)).items.map(\.id).contains("peace-deal-signed"))
        #expect(try Exporter.export(from: store.database).events.map(\.id) == orderBefore)
    }

    @Test func deleteIsRefusedWhileReferencedAndLogsTheRecordItRemoves() throws {
        let store = try SeededStore()
        #expect {
            try store.edit { writer in try writer.delete(try #require(try writer.record(.statement, id: "tkeshelashvili-ethnic-cleansing-completed"))) }
        } throws: { error in
            guard case .referenced(_, let referrers) = error as? WriteError else { return false }
            return referrers.contains("statement 'azimov-denies-ethnic-cleansing' (respondsTo)")
        }
        #expect {
            try store.edit { writer in try writer.delete(try #require(try writer.record(.source, id: WriteFixtures.article))) }
        } throws: { error in
            guard case .referenced(_, let referrers) = error as? WriteError else { return false }
            return referrers.contains("event 'sco-founded' (sources)") && referrers.contains("state 'RU' (sources)")
        }
        let deleted = try #require(try store.reader.timeline.record(id: "sco-founded"))
        let change = try store.edit { writer in try writer.delete(.event(deleted)) }
        #expect(change.operation == .delete && change.after == nil)
        #expect(change.before == String(decoding: WriteFixtures.json(.event(deleted)), as: UTF8.self))
        #expect(try store.reader.timeline.record(id: "sco-founded") == nil)
        #expect(try store.integer("SELECT count(*) FROM event_actors WHERE event_id = 'sco-founded'") == 0)
        #expect(try ChangeLog.last(.event, id: "sco-founded", on: store.reader.connection) == change)
    }

    @Test func idsAreUniqueAcrossEveryKind() throws {
        let store = try SeededStore()
        #expect(throws: WriteError.idTaken(id: "dmitry-medvedev", kind: "person")) {
            try store.edit { writer in try writer.validate(WriteFixtures.eventBody(id: "dmitry-medvedev"), as: .event) }
        }
        #expect(throws: WriteError.idTaken(id: "sco-founded", kind: "event")) {
            try store.edit { writer in try writer.create(.event(WriteFixtures.event(id: "sco-founded"))) }
        }
        let generated = try store.edit { writer in
            (try writer.newID(for: .event, from: "SCO founded"), try writer.newID(for: .event, from: "Crème brûlée — Über Çağrı "), try writer.newID(for: .event, from: "!!!"))
        }
        #expect(generated.0 == "sco-founded-2")
        #expect(generated.1 == "creme-brulee-uber-cagri")
        #expect(generated.2 == "event")
    }

    @Test func aSourceTextChangeThatDropsQuotedTextIsRefusedAndOneThatKeepsItIsNot() throws {
        let store = try SeededStore()
        let source = try #require(try store.reader.sources.record(id: WriteFixtures.article))
        var shortened = source
        shortened.text = String(source.text.prefix(200))
        #expect {
            try store.edit { writer in try writer.replace(.source(source), with: .source(shortened)) }
        } throws: { error in
            guard case .quotesWouldBreak(let places) = error as? WriteError else { return false }
            return places.contains("organization 'sco' (/sources/0/quote)") && places.contains { $0.hasPrefix("event '") }
        }
        #expect(try store.reader.sources.record(id: WriteFixtures.article) == source)
        var extended = source
        extended.text += "\n(Appended by a test.)"
        try store.edit { writer in try writer.replace(.source(source), with: .source(extended)) }
        #expect(try store.reader.sources.record(id: WriteFixtures.article)?.text.hasSuffix("(Appended by a test.)") == true)
    }

    @Test func exportIncludesTheEditsAndSeedsBackIntoAnEmptyDatabase() throws {
        let store = try SeededStore()
        try store.edit { writer in
            try writer.create(.event(WriteFixtures.event()))
            try writer.delete(try #require(try writer.record(.event, id: "sco-founded")))
        }
        let document = try Exporter.export(from: store.database)
        #expect(document.events.last == WriteFixtures.event(), "a new record exports after the seeded ones")
        #expect(!document.events.contains { $0.id == "sco-founded" })
        #expect(FixtureValidator.problems(in: document).isEmpty)
        let copy = try SeededStore(seed: false)
        _ = try Seeder.seed(document: document, into: copy.database)
        #expect(try Exporter.export(from: copy.database) == document)
    }

    @Test func seedingRefusesOverWritesAndAReplacingSeedLeavesASeedEntry() throws {
        let store = try SeededStore()
        let first = try #require(try store.changes().first)
        #expect(first.operation == .seed && first.kind == "dataset" && first.tokenName == nil)
        try store.edit { writer in try writer.create(.event(WriteFixtures.event())) }
        let document = try Bundled.document()
        #expect {
            try Seeder.seed(document: document, into: store.database)
        } throws: { error in
            if case .editedSinceSeed = error as? DatasetError { return true }
            return false
        }
        let report = try Seeder.seed(document: document, into: store.database, mode: .replace)
        #expect(report.discardedEdits > 0)
        let log = try store.changes()
        #expect(log.map(\.operation) == [.seed, .create, .seed], "the log is kept, and says the dataset was replaced")
        #expect(log.map(\.seq) == log.map(\.seq).sorted())
        #expect(try store.reader.timeline.record(id: "sco-rebuffs-russia") == nil)
    }

    @Test func changeLogPagesAreInSeqOrderAndExclusiveOfSince() throws {
        let store = try SeededStore()
        try store.edit { writer in
            for index in 1...5 { try writer.create(.event(WriteFixtures.event(id: "event-\(index)"))) }
        }
        let all = try store.changes()
        #expect(all.count == 6)
        let page = try ChangeLog.page(after: all[1].seq, limit: 2, on: store.reader.connection)
        #expect(page.changes.map(\.recordID) == ["event-2", "event-3"])
        #expect(page.total == 4)
        #expect(try ChangeLog.page(after: all[5].seq, limit: 2, on: store.reader.connection).changes.isEmpty)
    }
}
