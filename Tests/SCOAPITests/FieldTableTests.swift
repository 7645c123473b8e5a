import Foundation
import JSONText
import SCOData
import Testing
@testable import SCOAPI

/// A field table writes each field under its own name: the object it writes for a record holds,
/// under every key, what the model holds, and each field's writer alone gives the same JSON.
@Suite struct FieldTableTests {
    static func object<Record>(_ table: FieldTable<Record>, _ record: Record) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(table.bytes(record))) as? [String: Any])
    }

    static func alone<Record>(_ table: FieldTable<Record>, _ record: Record, _ name: String) throws -> String {
        let field = try #require(table.fields.first { $0.name == name })
        var json = JSONWriter()
        field.write(record, &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Each key of the record's object, written alone by its field, parses to the same value.
    static func checkFieldsAgree<Record>(_ table: FieldTable<Record>, _ record: Record) throws {
        let parsed = try object(table, record)
        #expect(Set(parsed.keys) == Set(table.names))
        for name in table.names {
            let value = try JSONSerialization.jsonObject(with: Data(try alone(table, record, name).utf8), options: .fragmentsAllowed)
            #expect(NSDictionary(dictionary: [name: value]) == NSDictionary(dictionary: [name: parsed[name] as Any]), "\(name)")
        }
    }

    @Test func everyTimelineEventFieldIsItsOwn() throws {
        let api = try APIHarness()
        let reader = try SQLiteDatasetReader(database: api.database)
        let events = try reader.timeline.page(TimelineQuery(limit: 500)).items
        #expect(events.count >= 15)
        let table = TimelineResource.table
        for event in events {
            let object = try Self.object(table, event)
            #expect(object["id"] as? String == event.id)
            #expect(object["kind"] as? String == event.kind.rawValue)
            #expect(object["title"] as? String == event.title)
            #expect(object["summary"] as? String == event.summary)
            #expect(object["actors"] as? [String] == event.actors)
            #expect(object["regions"] as? [String] == event.regions)
            #expect((object["note"] as? String) == event.note)
            #expect((object["date"] as? [String: Any])?["value"] as? String == event.date.value)
            #expect((object["sources"] as? [[String: Any]])?.count == event.sources.count)
            try Self.checkFieldsAgree(table, event)
        }
    }

    @Test func everySearchHitFieldIsItsOwn() throws {
        let api = try APIHarness()
        let reader = try SQLiteDatasetReader(database: api.database)
        let hits = try reader.search.search(q: "Georgia OR Russia OR declaration OR summit OR Karzai OR SCO", limit: 200).items
        #expect(Set(hits.map(\.kind)) == Set(SearchKind.allCases))
        let paths: [SearchKind: String] = [
            .clause: "/v1/declaration/clauses/", .statement: "/v1/statements/", .event: "/v1/timeline/", .state: "/v1/states/",
            .organization: "/v1/organizations/", .person: "/v1/people/", .region: "/v1/regions/", .quantity: "/v1/quantities/",
        ]
        let singletons: [SearchKind: String] = [.summit: "/v1/summit", .declaration: "/v1/declaration"]
        let table = SearchResource.table
        for hit in hits {
            let object = try Self.object(table, hit)
            #expect(object["type"] as? String == hit.kind.rawValue)
            #expect(object["id"] as? String == hit.id)
            #expect(object["title"] as? String == hit.title)
            #expect(object["snippet"] as? String == hit.snippet)
            // As text: Foundation's parser on Linux can miss a double's last digit.
            #expect(try Self.alone(table, hit, "rank") == String(hit.rank))
            #expect(abs((object["rank"] as? Double ?? 0) - hit.rank) < 1e-12)
            #expect(object["href"] as? String == singletons[hit.kind] ?? (paths[hit.kind] ?? "?") + hit.id)
            try Self.checkFieldsAgree(table, hit)
        }
    }

    @Test func aFilterOnAFieldTheTableLacksTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = TimelineResource.table.filtering("colour", by: .text("colour", "No such field."))
        }
    }
}
