import HTTPServer
import Testing
@testable import SCOAPI

@Suite struct ListQueryParserTests {
    private let parser = ListQueryParser(spec: TimelineResource.table.querySpec)

    private func parse(_ query: String) throws -> ListQuery {
        try parser.parse(QueryParameters(decoding: query))
    }

    private func refusal(_ query: String) -> String? {
        do {
            _ = try parse(query)
            return nil
        } catch let APIError.badParameter(name, _) {
            return name
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func refusesUnknownParametersByName() {
        #expect(refusal("colour=red") == "colour")
        #expect(refusal("kind=military&offset=10") == "offset")
    }

    @Test func refusesBadValuesNamingTheParameter() {
        #expect(refusal("limit=abc") == "limit")
        #expect(refusal("limit=0") == "limit")
        #expect(refusal("limit=-5") == "limit")
        #expect(refusal("kind=party") == "kind")
        #expect(refusal("kind=military,") == "kind")
        #expect(refusal("sort=colour") == "sort")
        #expect(refusal("sort=date,-date") == "sort")
        #expect(refusal("fields=id,colour") == "fields")
        #expect(refusal("from=2008-13") == "from")
        #expect(refusal("to=2008-02-30") == "to")
        #expect(refusal("from=08-08-07") == "from")
        #expect(refusal("from=2008-09&to=2008-08") == "from")
        #expect(refusal("limit=5&limit=6") == "limit")
        #expect(refusal("cursor=") == "cursor")
    }

    @Test func capsTheLimitAt500AndDefaultsTo50() throws {
        #expect(try parse("").limit == 50)
        #expect(try parse("limit=10000").limit == 500)
        #expect(try parse("limit=7").limit == 7)
    }

    @Test func readsCommaListsAndRepeatedFiltersAsAlternatives() throws {
        let query = try parse("kind=military,diplomatic&actor=RU&actor=GE,RU")
        #expect(query.values("kind") == ["military", "diplomatic"])
        #expect(query.values("actor") == ["RU", "GE"])
    }

    @Test func parsesSortKeysWithDirections() throws {
        #expect(try parse("").sort == [SortKey(field: "date", isDescending: false), SortKey(field: "id", isDescending: false)])
        #expect(try parse("sort=-date,title").sort
            == [SortKey(field: "date", isDescending: true), SortKey(field: "title", isDescending: false)])
    }

    @Test func acceptsLeapDaysAndPartialDates() throws {
        let query = try parse("from=2008&to=2008-02-29")
        #expect(query.from == "2008")
        #expect(query.to == "2008-02-29")
        #expect(try parse("from=2008-08&to=2008-08-28").from == "2008-08")
    }
}
