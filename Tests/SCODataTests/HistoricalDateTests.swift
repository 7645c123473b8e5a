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

    @Test func timelineOrderIsByDateThenId() {
        func event(_ id: String, _ value: String, _ precision: DatePrecision) -> TimelineEvent {
            TimelineEvent(id: id, date: HistoricalDate(value: value, precision: precision), kind: .military,
                          title: id, summary: id, sources: [SourceQuote(sourceId: "s", quote: "q")])
        }
        let events = [event("b", "2008-08-07", .night), event("a", "2008-08-07", .day), event("c", "2001", .year), event("d", "2008-08", .month)]
        #expect(events.sorted(by: TimelineEvent.timelineOrder).map(\.id) == ["c", "d", "a", "b"])
    }
}
