import JSONText
import Foundation
import SCOData
import Testing
@testable import SCOAPI

/// Records that write their fields by position (`APIRecord.writeField(at:named:to:)`) write
/// each under its own name: the object a record writes holds, under every key, what the model
/// holds, and the field written alone by name is the same JSON.
@Suite struct RecordFieldTests {
    static func object(_ record: some APIRecord) throws -> [String: Any] {
        var json = JSONWriter()
        record.write(to: &json, fields: .all)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    }

    static func alone(_ record: some APIRecord, _ name: String) -> String {
        var json = JSONWriter()
        record.writeField(name, to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Each key of `record`'s object, written alone by name, parses to the same value.
    static func checkNamesAgree(_ record: some APIRecord) throws {
        var whole = JSONWriter()
        record.write(to: &whole, fields: .all)
        let names = type(of: record).fieldNames
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(whole.bytes)) as? [String: Any])
        #expect(Set(parsed.keys) == Set(names))
        for name in names {
            let value = try JSONSerialization.jsonObject(with: Data(alone(record, name).utf8), options: .fragmentsAllowed)
            #expect(NSDictionary(dictionary: [name: value]) == NSDictionary(dictionary: [name: parsed[name] as Any]), "\(name)")
        }
        #expect(alone(record, "no-such-field") == "null")
    }

    @Test func everyTimelineEventFieldIsItsOwn() throws {
        let api = try APIHarness()
        let reader = try DatasetReader(database: api.database)
        let events = try reader.timeline.events(TimelineQuery(limit: 500)).items
        #expect(events.count >= 15)
        for event in events {
            let object = try Self.object(event)
            #expect(object["id"] as? String == event.id)
            #expect(object["kind"] as? String == event.kind.rawValue)
            #expect(object["title"] as? String == event.title)
            #expect(object["summary"] as? String == event.summary)
            #expect(object["actors"] as? [String] == event.actors)
            #expect(object["regions"] as? [String] == event.regions)
            #expect((object["note"] as? String) == event.note)
            #expect((object["date"] as? [String: Any])?["value"] as? String == event.date.value)
            #expect((object["sources"] as? [[String: Any]])?.count == event.sources.count)
            try Self.checkNamesAgree(event)
        }
    }

    @Test func everySearchHitFieldIsItsOwn() throws {
        let api = try APIHarness()
        let reader = try DatasetReader(database: api.database)
        let hits = try reader.search.search(q: "Georgia OR Russia OR declaration", limit: 100).items
        #expect(Set(hits.map(\.kind)) == Set(SearchKind.allCases))
        let paths: [SearchKind: String] = [.clause: "/v1/declaration/clauses/", .statement: "/v1/statements/", .event: "/v1/timeline/"]
        for hit in hits {
            let record = SearchHitRecord(hit: hit)
            let object = try Self.object(record)
            #expect(object["type"] as? String == hit.kind.rawValue)
            #expect(object["id"] as? String == hit.id)
            #expect(object["title"] as? String == hit.title)
            #expect(object["snippet"] as? String == hit.snippet)
            // As text: Foundation's parser on Linux can miss a double's last digit.
            #expect(Self.alone(record, "rank") == String(hit.rank))
            #expect(abs((object["rank"] as? Double ?? 0) - hit.rank) < 1e-12)
            #expect(object["href"] as? String == paths[hit.kind]! + hit.id)
            try Self.checkNamesAgree(record)
        }
    }
}
