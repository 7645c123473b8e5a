import Foundation
import SQLiteStore
import Testing

@testable import SCOData

/// States, people, regions, organizations, sources, the summit, the declaration and its clauses.
@Suite struct RecordRepositoryTests {
    let store: SeededStore
    let document: FixtureDocument

    init() throws {
        store = try SeededStore()
        document = try Bundled.document()
    }

    @Test func statesByEitherCodeInAnyCase() throws {
        let russia = try #require(document.states.first { $0.code == "RU" })
        for code in ["RU", "ru", "rU", "RUS", "rus", "Rus"] {
            #expect(try store.reader.states.record(id: code) == russia, "\(code)")
        }
        for code in ["", "R", "RUSS", "XX", "ıt", "R U", "ru\u{0}"] {
            #expect(try store.reader.states.record(id: code) == nil, "\(code)")
        }
        #expect(try store.reader.states.record(id: "su")?.isFormer == true)
    }

    @Test func memberStatesAndObservers() throws {
        let members = try store.reader.states.page(StateQuery(roles: [.member], limit: 100))
        #expect(members.items.map(\.code) == ["CN", "KG", "KZ", "RU", "TJ", "UZ"])
        #expect(members.items.first { $0.code == "RU" }?.roles == [.member, .partyToConflict])
        let observers = try store.reader.states.page(StateQuery(roles: [.observer], limit: 100))
        #expect(observers.items.map(\.code) == ["AF", "IN", "IR", "MN", "PK"])
        #expect(observers.total == 5)
        #expect(try store.reader.states.page(StateQuery(roles: [.observerStatus], limit: 100)).items.map(\.code) == ["IR"])
        let all = try walk(limit: 4) { position in
            try store.reader.states.page(StateQuery(sort: ListSort([.init(.name, descending: true)]), limit: 4, position: position))
        }
        #expect(all.items == sortedByKeys(document.states) { [($0.name, true), ($0.code, true)] })
        #expect(all.totals == [document.states.count])
    }

    @Test func peopleByStateAndOrganization() throws {
        let russians = try store.reader.people.page(PersonQuery(filters: ["state": ["RU"]]))
        #expect(russians.items.map(\.id) == ["anvar-azimov", "dmitry-medvedev"])
        let either = try store.reader.people.page(PersonQuery(filters: ["state": ["GE"], "organization": ["osce"]]))
        #expect(either.items.isEmpty, "filters combine with AND")
        let osce = try store.reader.people.page(PersonQuery(filters: ["organization": ["osce"]]))
        #expect(osce.items.isEmpty, "Russia's ambassador to the OSCE is not OSCE staff")
        let analysts = try store.reader.people.page(PersonQuery(filters: ["state": ["RU", "GE"], "organization": ["carnegie-moscow-center"]]))
        #expect(analysts.items.isEmpty, "filters combine with AND: Malashenko has no state")
        let center = try store.reader.people.page(PersonQuery(filters: ["organization": ["carnegie-moscow-center"]]))
        #expect(center.items.map(\.id) == ["alexei-malashenko"])
        let byName = try walk(limit: 2) { position in
            try store.reader.people.page(PersonQuery(sort: ListSort(.name), limit: 2, position: position))
        }
        #expect(byName.items == sortedByKeys(document.people) { [($0.name, false), ($0.id, false)] })
        for person in document.people {
            #expect(try store.reader.people.record(id: person.id) == person)
        }
    }

    @Test func regionsByKindAndState() throws {
        let cities = try store.reader.regions.page(RegionQuery(filters: ["kind": ["city"]]))
        #expect(cities.items.map(\.id) == ["dushanbe", "moscow", "tskhinvali", "vienna"])
        let georgian = try store.reader.regions.page(RegionQuery(filters: ["kind": [RegionKind.separatistRegion.rawValue, RegionKind.coast.rawValue], "state": ["GE"]]))
        #expect(georgian.items.map(\.id) == ["abkhazia", "georgia-black-sea-coast", "south-ossetia"])
        let all = try walk(limit: 3) { position in
            try store.reader.regions.page(RegionQuery(limit: 3, position: position))
        }
        #expect(all.items == sortedByKeys(document.regions) { [($0.id, false)] })
        #expect(try store.reader.regions.record(id: "south-ossetia")?.capitalId == "tskhinvali")
    }

    @Test func organizationsByIdAndKind() throws {
        let sco = try #require(try store.reader.organizations.record(id: "sco"))
        #expect(sco == document.organizations.first { $0.id == "sco" })
        #expect(sco.founded?.value == "2001")
        let bodies = try store.reader.organizations.page(OrganizationQuery(filters: ["kind": [OrganizationKind.governmentBody.rawValue, OrganizationKind.thinkTank.rawValue]]))
        #expect(bodies.items.map(\.id) == ["carnegie-moscow-center", "georgia-interior-ministry", "the-kremlin"])
        let all = try walk(limit: 5) { position in
            try store.reader.organizations.page(
                OrganizationQuery(sort: ListSort([.init(.name, descending: true)]), limit: 5, position: position))
        }
        #expect(all.items == sortedByKeys(document.organizations) { [($0.name, true), ($0.id, true)] })
    }

    @Test func sourcesSummitAndDeclaration() throws {
        let sources = try store.reader.sources.page(SourceQuery(sort: ListSort(.publishedOn)))
        #expect(sources.items == document.sources)
        #expect(try store.reader.sources.record(id: document.sources[0].id) == document.sources[0])
        var summit = document.summit, declaration = document.declaration
        summit.events = ["sco-summit-dushanbe"]
        declaration.events = ["sco-joint-declaration"]
        #expect(try store.reader.summits.summit() == summit, "the summit lists the event that is the summit")
        #expect(try store.reader.declarations.declaration() == declaration)
        #expect(try store.reader.timeline.record(id: "peace-deal-signed")?.sameAs == ["six-principles-adopted"])
    }

    @Test func clausesInQuotedOrder() throws {
        let clauses = try walk(limit: 2) { position in
            try store.reader.clauses.page(ClauseQuery(limit: 2, position: position))
        }
        #expect(clauses.items == document.clauses.sorted { $0.position < $1.position })
        let reversed = try store.reader.clauses.page(ClauseQuery(sort: ListSort([.init(.position, descending: true)])))
        #expect(reversed.items.map(\.position) == [5, 4, 3, 2, 1])
        let second = try #require(try store.reader.clauses.page(ClauseQuery(limit: 1)).next)
        #expect(second.values == [.integer(1), .text(document.clauses.first { $0.position == 1 }!.id)])
        for clause in document.clauses {
            #expect(try store.reader.clauses.record(id: clause.id) == clause)
        }
    }

    @Test func anUnseededDatabaseHasNoSummitOrDeclaration() throws {
        let empty = try SeededStore(seed: false)
        #expect(try empty.reader.summits.summit() == nil)
        #expect(try empty.reader.declarations.declaration() == nil)
        let page = try empty.reader.timeline.page(TimelineQuery())
        #expect(page == Page(items: [], total: 0, next: nil))
    }
}

/// Reading inside a caller's transaction, and page sizes at the edges.
@Suite struct ReaderTransactionTests {
    @Test func listsRunInsideACallersReadTransaction() throws {
        let store = try SeededStore()
        let connection = store.reader.connection
        let (page, event) = try connection.transaction {
            (try store.reader.timeline.page(TimelineQuery(limit: 3)), try store.reader.timeline.record(id: "sco-founded"))
        }
        #expect(page.items.count == 3)
        #expect(event?.actors == ["sco"])
        #expect(!connection.isInTransaction)
    }

    @Test func aHugeLimitReturnsEverythingWithoutANextPage() throws {
        let store = try SeededStore()
        let page = try store.reader.timeline.page(TimelineQuery(limit: Int.max))
        #expect(page.items.count == 15)
        #expect(page.next == nil)
        let hits = try store.reader.search.search(q: "russia", limit: Int.max)
        #expect(hits.items.count == hits.total)
    }
}
