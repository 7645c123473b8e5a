import Foundation
import Testing

@testable import SCOData

@Suite struct HistoricalDateTests {
    @Test func acceptsRealDatesOfEachPrecision() {
        #expect(HistoricalDate.isWellFormed("1968", precision: .year))
        #expect(HistoricalDate.isWellFormed("2008-08", precision: .month))
        #expect(HistoricalDate.isWellFormed("2008-08-07", precision: .night))
        #expect(HistoricalDate.isWellFormed("2008-02-29", precision: .day))
        #expect(HistoricalDate.isWellFormed("2000-02-29", precision: .day))
    }

    @Test func refusesImpossibleOrMisshapenDates() {
        #expect(!HistoricalDate.isWellFormed("1900-02-29", precision: .day))
        #expect(!HistoricalDate.isWellFormed("2008-04-31", precision: .day))
        #expect(!HistoricalDate.isWellFormed("2008-13", precision: .month))
        #expect(!HistoricalDate.isWellFormed("2008-08", precision: .day))
        #expect(!HistoricalDate.isWellFormed("2008-08-07", precision: .year))
        #expect(!HistoricalDate.isWellFormed("0000", precision: .year))
        #expect(!HistoricalDate.isWellFormed("2008/08/07", precision: .day))
        #expect(!HistoricalDate.isWellFormed("２００８", precision: .year))
    }

    @Test func boundsDefaultToTheWholePeriodOfTheValue() {
        let cases: [(String, DatePrecision, String, String)] = [
            ("1968", .year, "1968-01-01", "1968-12-31"), ("2008-02", .month, "2008-02-01", "2008-02-29"),
            ("1900-02", .month, "1900-02-01", "1900-02-28"), ("2008-08-07", .day, "2008-08-07", "2008-08-07"),
            ("2008-08-07", .night, "2008-08-07", "2008-08-08"), ("2008-08-31", .night, "2008-08-31", "2008-09-01"),
            ("2008-12-31", .night, "2008-12-31", "2009-01-01"),
        ]
        for (value, precision, earliest, latest) in cases {
            let date = HistoricalDate(value: value, precision: precision)
            #expect(date.earliest == earliest && date.latest == latest, "\(value) \(precision)")
            #expect(date.boundsAreConsistent)
        }
        #expect(HistoricalDate(value: "2008", precision: .year, text: "2008").basis == .stated)
        #expect(HistoricalDate(value: "2008", precision: .year).basis == .inferred)
    }

    @Test func givenBoundsAreKeptAndAMissingOneIsThePeriods() {
        let narrowed = HistoricalDate(value: "2008-08", precision: .month, earliest: "2008-08-07", latest: "2008-08-28")
        #expect(narrowed.earliest == "2008-08-07" && narrowed.latest == "2008-08-28")
        let fromOnly = HistoricalDate(value: "2008-08", precision: .month, earliest: "2008-08-07")
        #expect(fromOnly.earliest == "2008-08-07" && fromOnly.latest == "2008-08-31")
        let toOnly = HistoricalDate(value: "2008-08", precision: .month, latest: "2008-08-28")
        #expect(toOnly.earliest == "2008-08-01" && toOnly.latest == "2008-08-28")
        // A malformed value keeps given bounds, and falls back on itself for missing ones.
        let malformed = HistoricalDate(value: "2008-13", precision: .month, earliest: "2008-12-01")
        #expect(malformed.earliest == "2008-12-01" && malformed.latest == "2008-13")
    }

    @Test func boundsMustBeDaysInOrderWithinTheValuesPeriod() {
        func consistent(_ earliest: String, _ latest: String, value: String = "2008-08", _ precision: DatePrecision = .month) -> Bool {
            HistoricalDate(value: value, precision: precision, earliest: earliest, latest: latest).boundsAreConsistent
        }
        #expect(consistent("2008-08-07", "2008-08-28"))
        #expect(!consistent("2008-08-28", "2008-08-07"), "out of order")
        #expect(!consistent("2008-07-31", "2008-08-28"), "before the month")
        #expect(!consistent("2008-08-07", "2008-09-01"), "after the month")
        #expect(!consistent("2008-08", "2008-08-28"), "not a day")
        #expect(!consistent("2008-08-32", "2008-08-28"), "not a real day")
        #expect(consistent("2008-08-08", "2008-08-08", value: "2008-08-07", .night))
        #expect(!consistent("2008-08-07", "2008-08-09", value: "2008-08-07", .night))
    }

    /// A format-1 date (no bounds, no basis) decodes with them derived; a format-2 one keeps its own.
    @Test func decodingDerivesWhatAnOlderFormatLacks() throws {
        let old = try JSONDecoder().decode(HistoricalDate.self, from: Data(#"{"value":"2008-08","precision":"month","text":"this month"}"#.utf8))
        #expect(old == HistoricalDate(value: "2008-08", precision: .month, text: "this month", earliest: "2008-08-01", latest: "2008-08-31", basis: .stated))
        let new = try JSONDecoder().decode(HistoricalDate.self, from: Data(
            #"{"value":"2008-08","precision":"month","earliest":"2008-08-07","latest":"2008-08-28","basis":"inferred"}"#.utf8))
        #expect(new.earliest == "2008-08-07" && new.latest == "2008-08-28" && new.basis == .inferred)
    }

    /// `from`'s floor on the earliest day: 366 days before its first day, more than a date's
    /// bounds can be apart (a leap year's first and last day are 365 days apart).
    @Test func theFromFloorIs366DaysBefore() {
        #expect(DateBounds.floor("2008-08") == "2007-08-01")
        #expect(DateBounds.floor("2008") == "2006-12-31")
        #expect(DateBounds.floor("2009-03-01") == "2008-02-29")
        #expect(DateBounds.floor("1970-01-01") == "1968-12-31")
        #expect(DateBounds.floor("0001") == "")
        #expect(DateBounds.floor("not-a-date") == "")
    }

    @Test func timelineOrderIsByDateThenId() {
        func event(_ id: String, _ value: String, _ precision: DatePrecision) -> TimelineEvent {
            TimelineEvent(id: id, date: HistoricalDate(value: value, precision: precision), kind: .military,
                          title: id, summary: id, sources: [SourceQuote(sourceId: "s", quote: "q")])
        }
        let events = [event("b", "2008-08-07", .night), event("a", "2008-08-07", .day), event("c", "2001", .year), event("d", "2008-08", .month)]
        #expect(events.sorted(by: TimelineEvent.timelineOrder).map(\.id) == ["c", "d", "a", "b"])
        var narrowed = events[3]
        narrowed.date.earliest = "2008-08-07"
        #expect((events.prefix(3) + [narrowed]).sorted(by: TimelineEvent.timelineOrder).map(\.id) == ["c", "a", "b", "d"],
                "a month narrowed to start on the 7th sorts with the 7th")
    }
}
