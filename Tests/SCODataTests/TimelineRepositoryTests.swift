import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// The timeline over the seeded fixture, checked against a plain Swift model of the same query.
@Suite struct TimelineRepositoryTests {
    /// What the repository must return: the fixture's events filtered and sorted in Swift.
    static func reference(_ document: FixtureDocument, _ query: TimelineQuery) -> [TimelineEvent] {
        let matching = document.events.filter { event in
            (query.kinds.isEmpty || query.kinds.contains(event.kind))
                && (query.actors.isEmpty || !Set(query.actors).isDisjoint(with: event.actors))
                && (query.roles.isEmpty || event.participants.contains { party in
                    query.roles.contains(party.role) && (query.actors.isEmpty || query.actors.contains(party.id))
                })
                && (query.regions.isEmpty || !Set(query.regions).isDisjoint(with: event.regions))
                && isInRange(event.date, from: query.from, to: query.to)
        }
        return sortedByKeys(matching) { event in
            query.sort.keys.map { key in
                let value = switch key.field {
                case .date: event.date.earliest
                case .id: event.id
                case .kind: event.kind.rawValue
                case .title: event.title
                }
                return (value, key.isDescending)
            }
        }
    }

    static let queries: [TimelineQuery] = [
        TimelineQuery(),
        TimelineQuery(kinds: [.military]),
        TimelineQuery(kinds: [.military, .ceasefire, .release]),
        TimelineQuery(actors: ["RU"]),
        TimelineQuery(actors: ["sco", "GE"]),
        TimelineQuery(actors: ["dmitry-medvedev"]),
        TimelineQuery(regions: ["south-ossetia"]),
        TimelineQuery(regions: ["abkhazia", "dushanbe"]),
        TimelineQuery(kinds: [.military], actors: ["RU"], regions: ["south-ossetia"]),
        TimelineQuery(from: "2008-08"),
        TimelineQuery(from: "2008-08-12", to: "2008-08-26"),
        TimelineQuery(to: "2008-08-07"),
        TimelineQuery(from: "2008", to: "2008"),
        TimelineQuery(kinds: [.diplomatic], from: "2008-08-28"),
        TimelineQuery(actors: ["nobody"]),
        TimelineQuery(actors: ["south-ossetia"]),
        TimelineQuery(actors: ["the-west"], roles: [.critic]),
        TimelineQuery(actors: ["the-west"], roles: [.actor]),
        TimelineQuery(actors: ["GE", "RU"], roles: [.target, .claimant]),
        TimelineQuery(actors: ["GE"], roles: [.target], sort: ListSort(.title)),
        TimelineQuery(roles: [.denier]),
        TimelineQuery(roles: [.subject], regions: ["abkhazia"]),
        TimelineQuery(roles: [.mediator], sort: ListSort([.init(.kind), .init(.date, descending: true)])),
        TimelineQuery(sort: ListSort([.init(.date, descending: true)])),
        TimelineQuery(sort: ListSort([.init(.date, descending: true), .init(.id)])),
        TimelineQuery(sort: ListSort(.title)),
        TimelineQuery(sort: ListSort([.init(.title, descending: true)])),
        TimelineQuery(sort: ListSort([.init(.kind), .init(.date, descending: true)])),
        TimelineQuery(actors: ["RU"], sort: ListSort([.init(.kind, descending: true), .init(.title)])),
        TimelineQuery(sort: ListSort(.id)),
        TimelineQuery(regions: ["south-ossetia"], from: "2008-08", to: "2008-08-12", sort: ListSort([.init(.date, descending: true)])),
    ]

    @Test(arguments: queries)
    func everyPageWalkMatchesTheModel(query: TimelineQuery) throws {
        let store = try SeededStore()
        let expected = Self.reference(try Bundled.document(), query)
        for limit in [1, 2, 5, 50] {
            var paged = query
            paged.limit = limit
            let walked = try walk(limit: limit) { position in
                paged.position = position
                return try store.reader.timeline.page(paged)
            }
            #expect(walked.items.map(\.id) == expected.map(\.id), "limit \(limit), sort \(query.sort)")
            #expect(walked.totals == [expected.count])
            #expect(walked.pages == max(1, (expected.count + limit - 1) / limit))
        }
    }

    @Test func eventsComeBackWhole() throws {
        let store = try SeededStore()
        let document = try Bundled.document()
        let page = try store.reader.timeline.page(TimelineQuery(limit: 100))
        #expect(page.items == document.events.sorted(by: TimelineEvent.timelineOrder))
        #expect(page.next == nil)
        for event in document.events {
            #expect(try store.reader.timeline.record(id: event.id) == event)
        }
        #expect(try store.reader.timeline.record(id: "no-such-event") == nil)
        #expect(try store.reader.timeline.record(id: "SCO-FOUNDED") == nil, "ids match exactly")
    }

    @Test func aMonthBoundIncludesTheMonthAndItsDays() throws {
        let store = try SeededStore()
        let from = try store.reader.timeline.page(TimelineQuery(from: "2008-08", limit: 100)).items.map(\.date.value)
        #expect(from.contains("2008-08"))
        #expect(from.contains("2008-08-07"))
        #expect(!from.contains("2001"))
        let to = try store.reader.timeline.page(TimelineQuery(to: "2008-08", limit: 100)).items.map(\.date.value)
        #expect(to.contains("2008-08-28"))
        #expect(to.contains("2008-08"))
        #expect(to.contains("1968"))
        let day = try store.reader.timeline.page(TimelineQuery(to: "2008-08-07", limit: 100)).items.map(\.date.value)
        #expect(day.contains("2008-08"), "the month's events bounded from the 7th overlap the 7th")
        #expect(!day.contains("2008-08-12"))
        // Kept when the bounds overlap: the five events of the 28th, and the three "this month"
        // events bounded 2008-08-07..2008-08-28.
        let exact = try store.reader.timeline.page(TimelineQuery(from: "2008-08-28", to: "2008-08-28", limit: 100))
        #expect(exact.items.allSatisfy { $0.date.earliest <= "2008-08-28" && $0.date.latest >= "2008-08-28" })
        #expect(exact.items.count { $0.date.value == "2008-08-28" } == 5)
        #expect(exact.total == 8)
    }

    /// The audit's questions: South Ossetia took part in the spy-plane claim (as claimant); the
    /// West only criticized Russia's recognition; the OSCE was the venue of the charge.
    @Test func partiesAreFoundWithTheirParts() throws {
        let store = try SeededStore()
        func ids(_ query: TimelineQuery) throws -> [String] { try store.reader.timeline.page(query).items.map(\.id) }
        #expect(try ids(TimelineQuery(actors: ["south-ossetia"], roles: [.claimant])) == ["spy-plane-claimed-shot-down"])
        #expect(try ids(TimelineQuery(actors: ["south-ossetia"])).contains("spy-plane-claimed-shot-down"))
        #expect(try ids(TimelineQuery(actors: ["the-west"], roles: [.critic])) == ["russia-recognizes-separatist-regions"])
        #expect(try ids(TimelineQuery(actors: ["the-west"], roles: [.actor])).isEmpty)
        #expect(try ids(TimelineQuery(actors: ["osce"], roles: [.venue])) == ["ethnic-cleansing-charged-at-osce"])
        #expect(try ids(TimelineQuery(actors: ["georgia-interior-ministry"], roles: [.denier])) == ["spy-plane-claimed-shot-down"])
        let spy = try #require(try store.reader.timeline.record(id: "spy-plane-claimed-shot-down"))
        #expect(spy.participants.map(\.role) == [.claimant, .target, .denier])
    }

    @Test func descendingDateSortBreaksTiesByDescendingId() throws {
        let sort = ListSort<TimelineSortField>([.init(.date, descending: true)])
        #expect(sort.description == "-date,-id")
        let store = try SeededStore()
        let items = try store.reader.timeline.page(TimelineQuery(sort: sort, limit: 100)).items
        #expect(items.first?.id == "sco-summit-dushanbe")
        #expect(items.last?.id == "soviet-invasion-of-czechoslovakia")
    }

    @Test func aPositionOnlyFitsTheQueryItWasMadeFor() throws {
        let store = try SeededStore()
        let timeline = store.reader.timeline
        let first = try timeline.page(TimelineQuery(kinds: [.military], limit: 2))
        let position = try #require(first.next)
        #expect(position.values.count == 2)

        // The same query again, with another limit: accepted.
        #expect(try timeline.page(TimelineQuery(kinds: [.military], limit: 3, position: position)).items.count == 3)
        // The filter's values in another order are the same filter.
        #expect(throws: Never.self) {
            _ = try timeline.page(TimelineQuery(kinds: [.military], limit: 3, position: position))
        }
        let others: [TimelineQuery] = [
            TimelineQuery(limit: 2, position: position),
            TimelineQuery(kinds: [.military, .release], limit: 2, position: position),
            TimelineQuery(kinds: [.military], actors: ["RU"], limit: 2, position: position),
            TimelineQuery(kinds: [.military], from: "2008", limit: 2, position: position),
            TimelineQuery(kinds: [.military], sort: ListSort([.init(.date, descending: true)]), limit: 2, position: position),
            TimelineQuery(kinds: [.military], sort: ListSort(.title), limit: 2, position: position),
        ]
        for query in others {
            #expect(throws: CursorError.doesNotMatchQuery) { try timeline.page(query) }
        }
        // Other lists refuse it too.
        #expect(throws: CursorError.doesNotMatchQuery) { try store.reader.statements.page(StatementQuery(position: position)) }
        #expect(throws: CursorError.doesNotMatchQuery) { try store.reader.search.search(q: "russia", position: position) }
    }

    @Test func tamperedPositionsAreRefused() throws {
        let store = try SeededStore()
        let timeline = store.reader.timeline
        let position = try #require(try timeline.page(TimelineQuery(limit: 2)).next)
        let tampered = [
            ListPosition(fingerprint: "0000000000000000", values: position.values),
            ListPosition(fingerprint: position.fingerprint, values: [position.values[0]]),
            ListPosition(fingerprint: position.fingerprint, values: position.values + [.text("x")]),
            ListPosition(fingerprint: position.fingerprint, values: [.integer(2008), position.values[1]]),
            ListPosition(fingerprint: position.fingerprint, values: [position.values[0], .real(1.5)]),
        ]
        for bad in tampered {
            #expect(throws: CursorError.doesNotMatchQuery) { try timeline.page(TimelineQuery(limit: 2, position: bad)) }
        }
        // Values that fit but were never handed out only move the start; nothing breaks.
        let moved = ListPosition(fingerprint: position.fingerprint, values: [.text("2008-08-20"), .text("")])
        let page = try timeline.page(TimelineQuery(limit: 100, position: moved))
        #expect(page.items.allSatisfy { $0.date.value >= "2008-08-20" })
        #expect(page.items.count == 6)
    }

    @Test func totalsFollowTheData() throws {
        let store = try SeededStore()
        let query = TimelineQuery(kinds: [.military], limit: 1)
        #expect(try store.reader.timeline.page(query).total == 6)
        try store.write(
            """
            INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
            SELECT 'another-military-event', '2008-08-30', 'day', 'military', 'T', 'S', sources FROM events LIMIT 1
            """)
        #expect(try store.reader.timeline.page(query).total == 7)
    }
}
