import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// Statements over the seeded fixture, against a Swift model of the same query.
@Suite struct StatementRepositoryTests {
    /// The fixture's statements with what the store adds: who answers each, and whether a
    /// denial is among them.
    static func answered(_ statements: [SCOData.Statement]) -> [SCOData.Statement] {
        statements.map { statement in
            var statement = statement
            let answers = statements.filter { $0.respondsTo.contains(statement.id) }.sorted { binaryLess($0.id, $1.id) }
            statement.respondedBy = answers.map(\.id)
            statement.isDisputed = answers.contains { $0.kind == .denial }
            return statement
        }
    }

    static func reference(_ document: FixtureDocument, _ query: StatementQuery) -> [SCOData.Statement] {
        let matching = answered(document.statements).filter { statement in
            (query.speakers.isEmpty || query.speakers.contains(statement.speakerId))
                && (query.kinds.isEmpty || query.kinds.contains(statement.kind))
                && (query.about.isEmpty || !Set(query.about).isDisjoint(with: statement.about))
                && (query.respondsTo.isEmpty || !Set(query.respondsTo).isDisjoint(with: statement.respondsTo))
                && (query.disputed.isEmpty || query.disputed.contains(statement.isDisputed))
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
        StatementQuery(respondsTo: ["tkeshelashvili-villages-expelled"]),
        StatementQuery(respondsTo: ["tkeshelashvili-georgians-driven-out", "south-ossetia-claims-spy-plane-downed"]),
        StatementQuery(disputed: [true]),
        StatementQuery(kinds: [.accusation], disputed: [false]),
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
        for statement in Self.answered(try Bundled.document().statements) {
            #expect(try store.reader.statements.record(id: statement.id) == statement)
        }
        #expect(try store.reader.statements.record(id: "nothing-said") == nil)
    }

    /// A statement's parties are read from it: the speaker's part by the kind of statement.
    @Test func statementPartiesCarryTheirParts() throws {
        let store = try SeededStore()
        let denial = try #require(try store.reader.statements.record(id: "georgia-denies-spy-plane-downed"))
        #expect(denial.participants.first == Participant(id: "georgia-interior-ministry", role: .denier))
        let claim = try #require(try store.reader.statements.record(id: "south-ossetia-claims-spy-plane-downed"))
        #expect(claim.participants.first == Participant(id: "south-ossetia", role: .claimant))
        #expect(claim.participants.dropFirst().allSatisfy { $0.role == .subject })
        let charge = try #require(try store.reader.statements.record(id: "tkeshelashvili-ethnic-cleansing-completed"))
        #expect(charge.participants.contains(Participant(id: "osce", role: .venue)))
    }

    /// A link is read from both ends: each of Tkeshelashvili's three charges is answered, and
    /// disputed, by Azimov's one denial; the spy-plane claim by Georgia's Interior Ministry.
    @Test func responsesAreReadFromBothEnds() throws {
        let store = try SeededStore()
        for charge in ["tkeshelashvili-georgians-driven-out", "tkeshelashvili-ethnic-cleansing-completed", "tkeshelashvili-villages-expelled"] {
            let record = try #require(try store.reader.statements.record(id: charge))
            #expect(record.respondedBy == ["azimov-denies-ethnic-cleansing"] && record.isDisputed, "\(charge)")
        }
        let claim = try #require(try store.reader.statements.record(id: "south-ossetia-claims-spy-plane-downed"))
        #expect(claim.respondedBy == ["georgia-denies-spy-plane-downed"] && claim.isDisputed)
        let disputed = try store.reader.statements.page(StatementQuery(disputed: [true])).items.map(\.id)
        #expect(Set(disputed) == [
            "tkeshelashvili-georgians-driven-out", "tkeshelashvili-ethnic-cleansing-completed", "tkeshelashvili-villages-expelled",
            "south-ossetia-claims-spy-plane-downed",
        ])
        let denial = try #require(try store.reader.statements.record(id: "azimov-denies-ethnic-cleansing"))
        #expect(denial.respondedBy.isEmpty && !denial.isDisputed)
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
