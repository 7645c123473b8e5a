import Foundation
import Testing

@testable import SCOData

/// The position's text form: exact round trips, and hostile text refused without a trap.
@Suite struct ListPositionTests {
    static let sample = ListPosition(
        fingerprint: "0123456789abcdef",
        values: [.real(-1.68037602820212e-06), .text("event \"quoted\" \\ ü\n"), .integer(-42), .text("")])

    @Test func textRoundTripsExactly() throws {
        let text = Self.sample.text
        #expect(text.hasPrefix("{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":["))
        #expect(try ListPosition(text: text) == Self.sample)
        for real in [0.1, -0.0, 1e-300, -Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 5.0, 123456789.123456789] {
            let position = ListPosition(fingerprint: "ffffffffffffffff", values: [.real(real)])
            #expect(try ListPosition(text: position.text).values == [.real(real)], "\(real)")
        }
        for integer in [Int64.min, -1, 0, Int64.max] {
            let position = ListPosition(fingerprint: "ffffffffffffffff", values: [.integer(integer)])
            #expect(try ListPosition(text: position.text).values == [.integer(integer)])
        }
    }

    @Test func codableUsesTheTextForm() throws {
        let data = try JSONEncoder().encode([Self.sample])
        #expect(try JSONDecoder().decode([ListPosition].self, from: data) == [Self.sample])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ListPosition].self, from: Data("[\"{}\"]".utf8)) }
    }

    @Test(arguments: [
        "", " ", "null", "[]", "{}", "{\"v\":1}", "\"text\"",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[\"a\"],\"x\":1}",
        "{\"f\":\"0123456789abcdef\",\"v\":1,\"k\":[\"a\"]}",
        "{\"v\":2,\"f\":\"0123456789abcdef\",\"k\":[\"a\"]}",
        "{\"v\":1.0,\"f\":\"0123456789abcdef\",\"k\":[\"a\"]}",
        "{\"v\":1,\"f\":\"0123456789ABCDEF\",\"k\":[\"a\"]}",
        "{\"v\":1,\"f\":\"0123456789abcde\",\"k\":[\"a\"]}",
        "{\"v\":1,\"f\":7,\"k\":[\"a\"]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":\"a\"}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[null]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[true]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[[\"a\"]]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[{}]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[1e999]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[-1e999]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[99999999999999999999]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[1,2,3,4,5,6,7,8,9]}",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[\"a\"]} trailing",
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[\"\\ud800\"]}",
        String(repeating: "[", count: 10_000),
        "{\"v\":1,\"f\":\"0123456789abcdef\",\"k\":[\"" + String(repeating: "x", count: 5000) + "\"]}",
    ])
    func refusesMalformedText(text: String) {
        #expect(throws: CursorError.self) { try ListPosition(text: text) }
        do {
            _ = try ListPosition(text: text)
        } catch {
            guard case .malformed(let reason) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(!reason.isEmpty)
        }
    }

    /// Random mutations of a valid text either decode to some position or are refused as
    /// malformed; nothing traps, and nothing decodes to a position of the wrong shape.
    @Test func survivesMutatedText() {
        var generator = KeysetPaginationTests.Generator(state: 2008)
        let valid = Array(Self.sample.text.utf8)
        let alphabet = Array("{}[]\",:0123456789abcdef-.eE\\u vfk".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let position = try ListPosition(text: text)
                #expect(ListPosition.isFingerprint(position.fingerprint))
                #expect((1...8).contains(position.values.count))
                #expect(try ListPosition(text: position.text) == position)
            } catch {
                guard case .malformed = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
            }
        }
    }

    @Test func sortsEndWithTheIdTieBreaker() {
        #expect(ListSort<TimelineSortField>(.date).description == "date,id")
        #expect(ListSort<TimelineSortField>([.init(.title, descending: true)]).description == "-title,-id")
        #expect(ListSort<TimelineSortField>([.init(.kind), .init(.date, descending: true)]).description == "kind,-date,-id")
        #expect(ListSort<TimelineSortField>([.init(.id, descending: true), .init(.date)]).description == "-id", "keys after id change nothing")
        #expect(ListSort<TimelineSortField>([.init(.date), .init(.date, descending: true)]).description == "date,id", "a field counts once")
        #expect(ListSort<TimelineSortField>([]).description == "id")
        #expect(ListSort<StateSortField>(.name).description == "name,code")
        #expect(ListSort<TimelineSortField>(parsing: "-date,+title") == ListSort([.init(.date, descending: true), .init(.title)]))
        #expect(ListSort<TimelineSortField>(parsing: "date,") == nil)
        #expect(ListSort<TimelineSortField>(parsing: "speaker") == nil)
        #expect(ListSort<TimelineSortField>(parsing: "--date") == nil)
    }

    @Test func fingerprintsIgnoreTheOrderOfAlternativesButNotTheirValues() {
        let a = SQLiteTimeline.list.fingerprint(TimelineQuery(kinds: [.military, .summit], actors: ["RU", "GE"]))
        let b = SQLiteTimeline.list.fingerprint(TimelineQuery(kinds: [.summit, .military], actors: ["GE", "RU", "GE"], limit: 7))
        #expect(a == b)
        #expect(ListPosition.isFingerprint(a))
        let different: [TimelineQuery] = [
            TimelineQuery(kinds: [.military], actors: ["RU", "GE"]),
            TimelineQuery(kinds: [.military, .summit], regions: ["RU", "GE"]),
            TimelineQuery(kinds: [.military, .summit], actors: ["RU", "GE"], from: "2008"),
            TimelineQuery(kinds: [.military, .summit], actors: ["RU", "GE"], to: "2008"),
            TimelineQuery(kinds: [.military, .summit], actors: ["RU", "GE"], sort: ListSort(.title)),
        ]
        #expect(Set(different.map(SQLiteTimeline.list.fingerprint)).count == different.count)
        #expect(!different.map(SQLiteTimeline.list.fingerprint).contains(a))
        // A value holding the separator of another filter does not collide with it.
        let tricky = SQLiteTimeline.list.fingerprint(TimelineQuery(actors: ["RU\",\"GE"]))
        #expect(tricky != SQLiteTimeline.list.fingerprint(TimelineQuery(actors: ["RU", "GE"])))
    }
}
