import Foundation
import Testing

@testable import SCOData

/// Every record of the bundled fixture traces to the article, quote for quote.
@Suite struct FixtureQuoteTests {
    /// Every `{sourceId, quote}` object anywhere in the fixture, with its path.
    private func allQuotes(in value: JSONValue, at path: String = "$") -> [(path: String, quote: String)] {
        switch value {
        case .object(let members):
            if let quote = value["quote"]?.stringValue, value["sourceId"] != nil {
                return [(path, quote)]
            }
            return members.flatMap { allQuotes(in: $0.value, at: path + "." + $0.key) }
        case .array(let elements):
            return elements.enumerated().flatMap { allQuotes(in: $1, at: path + "[\($0)]") }
        default:
            return []
        }
    }

    @Test func everySourceQuoteIsAnExactSubstringOfTheArticleFile() throws {
        let article = Array(try Repository.article().utf8)
        let quotes = allQuotes(in: try Bundled.tree())
        #expect(quotes.count > 150)
        for (path, quote) in quotes {
            #expect(!quote.isEmpty, "\(path) is empty")
            #expect(RecordChecker.bytes(article, contain: Array(quote.utf8)), "\(path): \(quote)")
        }
    }

    @Test func everyVerbatimFieldIsInTheArticleFile() throws {
        let article = Array(try Repository.article().utf8)
        let document = try Bundled.document()
        var verbatim = document.clauses.map { ("clause \($0.id)", $0.text) }
        verbatim += document.statements.map { ("statement \($0.id)", $0.quote) }
        let dates = [document.summit.date, document.declaration.adoptedOn] + document.events.map(\.date)
            + document.statements.map(\.date) + document.organizations.compactMap(\.founded)
        verbatim += dates.compactMap { date in date.text.map { ("date \(date.value)", $0) } }
        verbatim += document.people.compactMap { person in person.nameInSource.map { ("name of \(person.id)", $0) } }
        for (label, text) in verbatim {
            #expect(RecordChecker.bytes(article, contain: Array(text.utf8)), "\(label): \(text)")
        }
    }

    @Test func noRecordLacksSources() throws {
        let document = try Bundled.document()
        var records: [(String, [SourceQuote])] = [("summit", document.summit.sources), ("declaration", document.declaration.sources)]
        records += document.organizations.map { ("organization \($0.id)", $0.sources) }
        records += document.states.map { ("state \($0.code)", $0.sources) }
        records += document.people.map { ("person \($0.id)", $0.sources) }
        records += document.regions.map { ("region \($0.id)", $0.sources) }
        records += document.clauses.map { ("clause \($0.id)", $0.sources) }
        records += document.events.map { ("event \($0.id)", $0.sources) }
        records += document.statements.map { ("statement \($0.id)", $0.sources) }
        let notes = document.organizations.flatMap(\.notes) + document.states.flatMap(\.notes) + document.people.flatMap(\.notes)
            + document.regions.flatMap(\.notes) + document.summit.notes + document.declaration.notes
        records += notes.map { ("note \($0.text)", $0.sources) }
        #expect(records.count > 100)
        for (label, sources) in records {
            #expect(!sources.isEmpty, "\(label) has no sources")
            #expect(sources.allSatisfy { $0.sourceId == "article-2008-08-28-sco-dushanbe" }, "\(label)")
        }
    }

    @Test func theEmbeddedSourceTextIsTheArticleFileByteForByte() throws {
        let document = try Bundled.document()
        #expect(document.sources.count == 1)
        #expect(Data(try #require(document.sources.first).text.utf8) == (try Repository.data(Repository.articlePath)))
    }
}
