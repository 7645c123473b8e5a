import Foundation
import Testing

@testable import SCOData

/// Facts the article states, checked against the bundled fixture.
@Suite struct FixtureFactsTests {
    let document: FixtureDocument

    init() throws {
        document = try Bundled.document()
    }

    private func state(_ code: String) throws -> State {
        try #require(document.states.first { $0.code == code }, "no state \(code)")
    }

    private func event(_ id: String) throws -> TimelineEvent {
        try #require(document.events.first { $0.id == id }, "no event \(id)")
    }

    private func statement(_ id: String) throws -> Statement {
        try #require(document.statements.first { $0.id == id }, "no statement \(id)")
    }

    private func notesMention(_ text: String, _ notes: [Note]) -> Bool {
        notes.contains { $0.text.contains(text) }
    }

    /// Every date's bounds: the whole period of a stated date, the report's own limits for one
    /// it leaves loose (after the night of Aug. 7, before the report of Aug. 28), and an
    /// inferred date always says how it was worked out.
    @Test func datesAreBoundedAsTheReportAllows() throws {
        let dates = document.events.map { ($0.id, $0.date) } + document.statements.map { ($0.id, $0.date) }
            + [("summit", document.summit.date), ("declaration", document.declaration.adoptedOn)]
        for (id, date) in dates {
            #expect(date.boundsAreConsistent, "\(id)")
            #expect(date.latest <= "2008-08-28", "\(id): nothing after the report")
            if date.basis == .inferred { #expect(date.note != nil, "\(id): an inferred date gives its reasoning") }
        }
        for id in ["russian-tanks-roll-into-south-ossetia", "us-warships-visit-georgia", "spy-plane-claimed-shot-down"] {
            let date = try event(id).date
            #expect(date.value == "2008-08" && date.precision == .month, "\(id) keeps the report's precision")
            #expect(date.earliest == "2008-08-07" && date.latest == "2008-08-28" && date.basis == .inferred, "\(id)")
        }
        #expect(try event("russian-tanks-roll-into-south-ossetia").date.text == "this month")
        for id in ["malashenko-surprised", "malashenko-not-so-alone-in-1968"] {
            let date = try statement(id).date
            #expect(date.earliest == "2008-08-26" && date.latest == "2008-08-28", "\(id): after the recognition")
        }
        let offensive = try event("georgian-offensive-on-south-ossetia").date
        #expect(offensive.earliest == "2008-08-07" && offensive.latest == "2008-08-08" && offensive.basis == .stated)
        #expect(try event("sco-founded").date.basis == .stated)
        #expect(try event("russian-troops-remain-at-checkpoints").date.basis == .inferred)
    }

    /// The report's numbers are structured, each with its unit, its words and its quote.
    @Test func numbersAreStructuredQuantities() throws {
        func quantity(_ id: String) throws -> Quantity { try #require(document.quantities.first { $0.id == id }, "no quantity \(id)") }
        let aid = try quantity("kyrgyzstan-air-base-aid-and-rent")
        #expect(aid.value == 150_000_000 && aid.unit == "USD" && aid.text == "US$150 million" && aid.about.contains("KG"))
        let soldiers = try quantity("georgian-soldiers-handed-over-count")
        #expect(soldiers.value == 12 && soldiers.unit == "soldiers" && !soldiers.approximate)
        let share = try quantity("separatist-regions-share-of-georgia")
        #expect(share.value == 20 && share.unit == "percent" && share.approximate && share.text == "roughly 20 percent")
        #expect(Set(share.about) == ["south-ossetia", "abkhazia", "GE"])
        let founded = try quantity("sco-founding-year")
        #expect(founded.value == 2001 && founded.unit == "year")
        for quantity in document.quantities {
            #expect(quantity.sources.contains { $0.quote.contains(quantity.text) }, "\(quantity.id): its words are in its quote")
        }
    }

    /// Every quote says where it stands in its source, in code points, and stands there.
    @Test func everyQuoteHasItsPosition() throws {
        let texts = Dictionary(uniqueKeysWithValues: document.sources.map { ($0.id, Array($0.text.unicodeScalars)) })
        var quotes = document.events.flatMap(\.sources) + document.statements.flatMap(\.sources) + document.clauses.flatMap(\.sources)
        quotes += document.states.flatMap { $0.sources + $0.notes.flatMap(\.sources) }
        quotes += document.people.flatMap { $0.sources + $0.notes.flatMap(\.sources) }
        quotes += document.summit.sources + document.declaration.sources
        quotes += document.organizations.flatMap { $0.sources + $0.notes.flatMap(\.sources) }
        quotes += document.regions.flatMap { $0.sources + $0.notes.flatMap(\.sources) }
        #expect(quotes.count > 200)
        for quote in quotes {
            let start = try #require(quote.start), end = try #require(quote.end)
            let scalars = try #require(texts[quote.sourceId])
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == quote.quote, "\(quote.quote)")
        }
    }

    /// Azimov represents Russia at the OSCE; the unnamed official is named only as an inference.
    @Test func affiliationsAndAttributionsSayWhatTheReportSupports() throws {
        let azimov = try #require(document.people.first { $0.id == "anvar-azimov" })
        #expect(azimov.stateCode == "RU" && azimov.organizationId == nil && azimov.title == "Russian OSCE Ambassador")
        #expect(azimov.note?.contains("not on the OSCE's staff") == true)
        let unnamed = try statement("tkeshelashvili-georgians-driven-out")
        #expect(unnamed.speakerRole == "senior Georgian official")
        #expect(unnamed.note?.contains("is an inference") == true)
    }

    @Test func theSixMembersAreKazakhstanChinaKyrgyzstanRussiaTajikistanUzbekistan() {
        let members = document.states.filter { $0.roles.contains(.member) }.map(\.code)
        #expect(Set(members) == ["KZ", "CN", "KG", "RU", "TJ", "UZ"])
        #expect(members.count == 6)
    }

    @Test func observersAreIranIndiaPakistanMongoliaAndAfghanistan() throws {
        let observers = document.states.filter { $0.roles.contains(.observer) }
        #expect(Set(observers.map(\.code)) == ["IR", "IN", "PK", "MN", "AF"], "all five attended as observers")
        #expect(try state("IR").roles.contains(.observerStatus), "the article says Iran has observer status")
        #expect(document.states.filter { $0.roles.contains(.observerStatus) }.map(\.code) == ["IR"],
                "the article states no other state's status")
        #expect(try state("AF").notes.contains { $0.text.contains("does not say") })
    }

    @Test func statesCarryTheirAlpha3CodesAndTheWarsParties() throws {
        #expect(try state("RU").alpha3 == "RUS")
        #expect(try state("KG").alpha3 == "KGZ")
        #expect(try state("RU").roles.contains(.partyToConflict))
        #expect(try state("GE").roles == [.partyToConflict])
        #expect(try state("SU").isFormer && state("CS").isFormer)
        #expect(try !state("RU").isFormer)
    }

    @Test func whatTheArticleSaysOfEachState() throws {
        #expect(notesMention("US$150 million", try state("KG").notes))
        #expect(notesMention("air base", try state("KG").notes))
        #expect(notesMention("Western investment", try state("KZ").notes))
        #expect(notesMention("Tibet", try state("CN").notes))
        #expect(notesMention("Xinjiang", try state("CN").notes))
        #expect(notesMention("membership", try state("IR").notes))
        #expect(notesMention("NATO", try state("GE").notes))
        #expect(notesMention("20 percent", try state("GE").notes))
    }

    @Test func theOrganizationWasCreatedIn2001ForTerrorismAndBorderSecurity() throws {
        let sco = try #require(document.organizations.first { $0.id == "sco" })
        #expect(sco.name == "Shanghai Cooperation Organization")
        #expect(sco.abbreviation == "SCO")
        #expect(sco.founded == HistoricalDate(value: "2001", precision: .year, text: "2001"))
        #expect(sco.purpose?.contains("terrorism and border security") == true)
    }

    @Test func theSummitWasInDushanbeOnThursday28August2008() {
        let summit = document.summit
        #expect(summit.place == "Dushanbe")
        #expect(summit.date.value == "2008-08-28" && summit.date.precision == .day && summit.date.text == "Thursday")
        #expect(summit.hostStateCode == "TJ" && summit.countryCode == "TJ")
        #expect(summit.note?.contains("inferred") == true)
        #expect(summit.declarationId == document.declaration.id)
    }

    @Test func theDeclarationWasUnanimousAndItsQuotedPassagesAreClauses() {
        #expect(document.declaration.endorsement == "unanimous")
        #expect(document.declaration.adoptedOn.value == "2008-08-28")
        #expect(document.clauses.map(\.position) == [1, 2, 3, 4, 5])
        let texts = document.clauses.map(\.text)
        for phrase in ["territorial integrity", "Relying exclusively on the use of force", "deep concern",
                       "peaceful dialogue", "six principles", "active role of Russia in promoting peace"] {
            #expect(texts.contains { $0.contains(phrase) }, "no clause quotes \(phrase)")
        }
    }

    @Test func theDatedEventsFrom1968To28August2008() throws {
        #expect(try event("soviet-invasion-of-czechoslovakia").date == HistoricalDate(value: "1968", precision: .year, text: "1968"))
        #expect(try event("sco-founded").date.value == "2001")
        let offensive = try event("georgian-offensive-on-south-ossetia")
        #expect(offensive.date.value == "2008-08-07" && offensive.date.precision == .night)
        #expect(offensive.date.text == "the night of Aug. 7")
        #expect(try event("six-principles-adopted").date.value == "2008-08-12")
        #expect(try event("peace-deal-signed").date == HistoricalDate(
            value: "2008-08-12", precision: .day, text: "five days after the war began",
            note: "Five days after the war began on the night of Aug. 7, 2008."))
        #expect(try event("georgian-soldiers-seized").date.value == "2008-08-18")
        let recognition = try event("russia-recognizes-separatist-regions")
        #expect(recognition.date.value == "2008-08-26" && recognition.date.text == "On Tuesday")
        #expect(Set(recognition.regions) == ["abkhazia", "south-ossetia"])
        #expect(try event("sco-summit-dushanbe").date.value == "2008-08-28")
        let handover = try event("georgian-soldiers-handed-over")
        #expect(handover.date.value == "2008-08-28" && handover.summary.contains("12 Georgian soldiers"))
        #expect(handover.regions == ["abkhazia"])
    }

    @Test func eventsAreStoredInTimelineOrder() {
        #expect(document.events.map(\.id) == document.events.sorted(by: TimelineEvent.timelineOrder).map(\.id))
        #expect(document.events.first?.date.value == "1968")
        #expect(document.events.allSatisfy { $0.date.value <= "2008-08-28" })
    }

    @Test func regionsAndTheirShareOfGeorgia() throws {
        let southOssetia = try #require(document.regions.first { $0.id == "south-ossetia" })
        let abkhazia = try #require(document.regions.first { $0.id == "abkhazia" })
        let tskhinvali = try #require(document.regions.first { $0.id == "tskhinvali" })
        #expect(southOssetia.capitalId == "tskhinvali" && tskhinvali.parentId == "south-ossetia")
        #expect(southOssetia.kind == .separatistRegion && abkhazia.kind == .separatistRegion)
        #expect(southOssetia.stateCode == "GE" && abkhazia.stateCode == "GE")
        #expect(notesMention("roughly 20 percent", southOssetia.notes) && notesMention("roughly 20 percent", abkhazia.notes))
    }

    @Test func peopleKeepTheArticlesSpelling() throws {
        let ids = Set(document.people.map(\.id))
        #expect(ids == ["dmitry-medvedev", "mahmoud-ahmadinejad", "hamid-karzai", "eka-tkeshelashvili", "anvar-azimov", "alexei-malashenko"])
        let tkeshelashvili = try #require(document.people.first { $0.id == "eka-tkeshelashvili" })
        #expect(tkeshelashvili.nameInSource == "EkaTkeshelashvili")
        #expect(try statement("tkeshelashvili-ethnic-cleansing-completed").sources.contains { $0.quote.contains("EkaTkeshelashvili") })
    }

    @Test func claimsAndDenialsAreStoredWithoutAVerdict() throws {
        let drone = try statement("south-ossetia-claims-spy-plane-downed")
        #expect(drone.kind == .claim && drone.speakerId == "south-ossetia")
        let droneDenial = try statement("georgia-denies-spy-plane-downed")
        #expect(droneDenial.kind == .denial && droneDenial.respondsTo == [drone.id] && droneDenial.speakerId == "georgia-interior-ministry")
        let cleansing = try statement("tkeshelashvili-ethnic-cleansing-completed")
        #expect(cleansing.kind == .accusation && cleansing.isDirectQuote && cleansing.venueId == "osce")
        let denial = try statement("azimov-denies-ethnic-cleansing")
        #expect(denial.kind == .denial && denial.speakerId == "anvar-azimov")
        #expect(denial.respondsTo == [
            "tkeshelashvili-georgians-driven-out", cleansing.id, "tkeshelashvili-villages-expelled",
        ], "Azimov denied \"the charge\": all three of Tkeshelashvili's statements in Vienna")
        let appeal = try statement("medvedev-appeals-for-support")
        #expect(appeal.kind == .appeal && appeal.quote == "aggression")
        #expect(try statement("medvedev-sco-enlargement").reportedById == "ria-novosti")
        #expect(try statement("malashenko-not-so-alone-in-1968").quote == "The Soviet Union was not so alone even in 1968")
        #expect(try statement("ahmadinejad-unilateral-actions").quote == "Their unilateral actions are continuing")
    }

    @Test func documentRoundTripsThroughJSON() throws {
        let data = try document.jsonData()
        let reloaded = try FixtureValidator.load(data).get()
        #expect(reloaded == document)
        #expect(try reloaded.jsonData() == data, "sorted keys make encoding deterministic")
    }
}
