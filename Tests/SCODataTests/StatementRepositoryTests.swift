import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Statements over the seeded fixture, against a Swift model of the same query.
@Suite struct StatementRepositoryTests {
    static func reference(_ document: FixtureDocument, _ query: StatementQuery) -> [SCOData.Statement] {
        let matching = document.statements.filter { statement in
            (query.speakers.isEmpty || query.speakers.contains(statement.speakerId))
                && (query.kinds.isEmpty || query.kinds.contains(statement.kind))
                && (query.about.isEmpty || !Set(query.about).isDisjoint(with: statement.about))
                && isInRange(statement.date, from: query.from, to: query.to)
        }
        return sortedByKeys(matching) { statement in
            query.sort.keys.map { key in
                let value = switch key.field {
                case .date: statement.date.earliest
                case .id: statement.id
                case .speaker: statement.speakerId
                case .kind: statement.kind.rawValue
                }
                return (value, key.isDescending)
            }
        }
    }

    static let queries: [StatementQuery] = [
        StatementQuery(),
        StatementQuery(speakers: ["dmitry-medvedev"]),
        StatementQuery(speakers: ["the-west", "south-ossetia"]),
        StatementQuery(kinds: [.denial]),
        StatementQuery(kinds: [.accusation, .claim]),
        StatementQuery(about: ["GE"]),
        StatementQuery(about: ["south-ossetia", "sco"]),
        StatementQuery(speakers: ["eka-tkeshelashvili"], kinds: [.accusation], about: ["abkhazia"]),
        StatementQuery(from: "2008-08-28"),
        StatementQuery(to: "2008-08"),
        StatementQuery(from: "2008-08-26", to: "2008-08-27"),
        StatementQuery(sort: ListSort([.init(.speaker), .init(.date, descending: true)])),
        StatementQuery(sort: ListSort([.init(.kind, descending: true)])),
        StatementQuery(about: ["RU"], sort: ListSort([.init(.date, descending: true), .init(.kind)])),
    ]

    @Test(arguments: queries)
    func everyPageWalkMatchesTheModel(query: StatementQuery) throws {
        let store = try SeededStore()
        let expected = Self.reference(try Bundled.document(), query)
        for limit in [1, 3, 50] {
            var paged = query
            paged.limit = limit
            let walked = try walk(limit: limit) { position in
                paged.position = position
                return try store.reader.statements.page(paged)
            }
            #expect(walked.items == expected, "limit \(limit), sort \(query.sort)")
            #expect(walked.totals == [expected.count])
        }
    }

    @Test func statementsComeBackWhole() throws {
        let store = try SeededStore()
        for statement in try Bundled.document().statements {
            #expect(try store.reader.statements.record(id: statement.id) == statement)
        }
        #expect(try store.reader.statements.record(id: "nothing-said") == nil)
    }

    @Test func aSpeakerFilterMatchesEveryKindOfSpeaker() throws {
        let store = try SeededStore()
        // A person, an organization, a region.
        for speaker in ["anvar-azimov", "the-kremlin", "south-ossetia"] {
            let page = try store.reader.statements.page(StatementQuery(speakers: [speaker]))
            #expect(page.total >= 1)
            #expect(page.items.allSatisfy { $0.speakerId == speaker })
        }
    }
}
