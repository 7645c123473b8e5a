import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Keyset pages over 10,000 synthetic events while other rows are being added between pages.
@Suite struct KeysetPaginationTests {
    /// SplitMix64: a seeded generator, so a failure replays.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// An empty migrated database with `count` synthetic events inserted by SQL: dates spread
    /// over 2008 at day, month and year precision (so many share a date), three kinds, and
    /// every fifth event with Russia as an actor.
    static func syntheticStore(count: Int) throws -> SeededStore {
        let store = try SeededStore(seed: false)
        try store.database.write { connection in
            try connection.run(
                "INSERT INTO states (code, alpha3, name, is_former, sources) VALUES ('RU', 'RUS', 'Russia', 0, '[{\"sourceId\":\"s\",\"quote\":\"q\"}]')")
            try connection.run(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                SELECT printf('synthetic-%05d', i),
                       CASE WHEN i % 50 = 0 THEN '2008' WHEN i % 7 = 0 THEN printf('2008-%02d', 1 + i % 12)
                            ELSE printf('2008-%02d-%02d', 1 + i % 12, 1 + (i / 12) % 28) END,
                       CASE WHEN i % 50 = 0 THEN 'year' WHEN i % 7 = 0 THEN 'month' ELSE 'day' END,
                       CASE i % 3 WHEN 0 THEN 'military' WHEN 1 THEN 'diplomatic' ELSE 'summit' END,
                       'Synthetic event ' || i, 'A synthetic event', '[{"sourceId":"s","quote":"q"}]'
                FROM n
                """,
                [.int(count)])
            try connection.run(
                "INSERT INTO event_actors (event_id, position, state_code) SELECT id, 0, 'RU' FROM events WHERE CAST(substr(id, 11) AS INTEGER) % 5 = 0")
        }
        return store
    }

    /// Inserts `count` events with random dates, titles and ids (before and after any position).
    static func insertRandomEvents(_ count: Int, into store: SeededStore, generator: inout Generator, serial: inout Int) throws {
        try store.database.write { connection in
            for _ in 0..<count {
                serial += 1
                let month = Int.random(in: 1...12, using: &generator)
                let day = Int.random(in: 1...28, using: &generator)
                let date = "2008-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
                let id = "added-\(UInt32.random(in: 0...UInt32.max, using: &generator))-\(serial)"
                try connection.run(
                    """
                    INSERT INTO events (id, date_value, date_precision, kind, title, summary, sources)
                    VALUES (?, ?, 'day', 'military', ?, 'Added between pages', '[{"sourceId":"s","quote":"q"}]')
                    """,
                    [.text(id), .text(date), .text("Synthetic event \(Int.random(in: 0..<12_000, using: &generator))")])
                if serial % 2 == 0 {
                    try connection.run("INSERT INTO event_actors (event_id, position, state_code) VALUES (?, 0, 'RU')", [.text(id)])
                }
            }
        }
    }

    @Test(arguments: [
        TimelineQuery(limit: 37),
        TimelineQuery(sort: ListSort([.init(.date, descending: true)]), limit: 37),
        TimelineQuery(kinds: [.military], actors: ["RU"], limit: 37),
        TimelineQuery(from: "2008-03", to: "2008-10-15", sort: ListSort([.init(.title), .init(.date, descending: true)]), limit: 37),
    ])
    func pagesNeverRepeatOrSkipARowWhileRowsAreAdded(query: TimelineQuery) throws {
        let store = try Self.syntheticStore(count: 10_000)
        let timeline = store.reader.timeline
        var all = query
        all.limit = 20_000
        let initialPage = try timeline.page(all)
        let initial = initialPage.items
        #expect(initialPage.next == nil)
        #expect(initial.count == initialPage.total)
        #expect(initial.count > 500)

        var generator = Generator(state: 0x5C0_2008)
        var serial = 0
        var seen: [TimelineEvent] = []
        var position: ListPosition?
        var pages = 0
        repeat {
            var paged = query
            paged.position = position
            let page = try timeline.page(paged)
            seen += page.items
            position = try page.next.map { try ListPosition(text: $0.text) }
            pages += 1
            try Self.insertRandomEvents(3, into: store, generator: &generator, serial: &serial)
        } while position != nil && pages < 2_000

        let ids = seen.map(\.id)
        #expect(Set(ids).count == ids.count, "a row came twice")
        #expect(Set(initial.map(\.id)).isSubset(of: Set(ids)), "a row that existed at the start was skipped")
        let keys = seen.map { TimelineRepositoryTests.sortKey($0, query.sort) }
        let isOrdered = zip(keys, keys.dropFirst()).allSatisfy { TimelineRepositoryTests.precedes($0, $1, query.sort) }
        #expect(isOrdered, "pages out of order")
        #expect(serial > 0 && ids.count > initial.count, "rows added after the position show up")
    }
}

extension TimelineRepositoryTests {
    static func sortKey(_ event: TimelineEvent, _ sort: ListSort<TimelineSortField>) -> [String] {
        sort.keys.map { key in
            switch key.field {
            case .date: event.date.earliest
            case .id: event.id
            case .kind: event.kind.rawValue
            case .title: event.title
            }
        }
    }

    /// Whether key `lhs` comes strictly before `rhs` in `sort`.
    static func precedes(_ lhs: [String], _ rhs: [String], _ sort: ListSort<TimelineSortField>) -> Bool {
        for (index, key) in sort.keys.enumerated() where lhs[index] != rhs[index] {
            return key.isDescending ? binaryLess(rhs[index], lhs[index]) : binaryLess(lhs[index], rhs[index])
        }
        return false
    }
}
