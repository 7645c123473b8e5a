import Foundation
import SQLiteStore

@testable import SCOData

/// A store with a writer for tests: records logged as their sorted-key JSON.
extension SeededStore {
    /// Runs `body` with a writer in one write transaction.
    @discardableResult
    func edit<T>(token: String = "tester", _ body: (DatasetWriter) throws -> T) throws -> T {
        try database.write { connection in
            try body(DatasetWriter(connection: connection, tokenName: token, representation: WriteFixtures.json))
        }
    }

    /// Every change in the log, oldest first.
    func changes() throws -> [Change] {
        try ChangeLog.page(after: 0, limit: 10_000, on: reader.connection).changes
    }
}

enum WriteFixtures {
    static let article = "article-2008-08-28-sco-dushanbe"
    /// A sentence of the article, quoted by the test records.
    static let quote = "China and several Central Asian nations rebuffed Russia's hopes of international support for its actions in Georgia"

    static func json(_ record: WritableRecord) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return switch record {
        case .event(let event): Array(try! encoder.encode(event))
        case .statement(let statement): Array(try! encoder.encode(statement))
        case .clause(let clause): Array(try! encoder.encode(clause))
        case .source(let source): Array(try! encoder.encode(source))
        }
    }

    /// A valid event body, as a parsed tree.
    static func eventBody(id: String? = "sco-rebuffs-russia", _ changes: [String: String] = [:]) -> JSONValue {
        var text = """
            {\(id.map { "\"id\": \"\($0)\", " } ?? "")"date": {"value": "2008-08-28", "precision": "day"}, "kind": "diplomatic",
             "title": "The SCO rebuffs Russia", "summary": "No support for Russia's actions in Georgia.",
             "actors": ["CN", "sco"], "regions": [], "sources": [{"sourceId": "\(article)", "quote": "\(quote)"}]}
            """
        for (key, value) in changes { text = text.replacingOccurrences(of: key, with: value) }
        return try! JSONParser.parse(Array(text.utf8)).get()
    }

    static func event(id: String = "sco-rebuffs-russia") -> TimelineEvent {
        TimelineEvent(
            id: id, date: HistoricalDate(value: "2008-08-28", precision: .day), kind: .diplomatic,
            title: "The SCO rebuffs Russia", summary: "No support for Russia's actions in Georgia.",
            participants: [Participant(id: "CN"), Participant(id: "sco")], regions: [],
            sources: QuotePositions.filled([SourceQuote(sourceId: article, quote: quote)], texts: [article: Array(articleText.utf8)]))
    }

    /// The text of the bundled article.
    static var articleText: String {
        (try? Bundled.document().sources.first { $0.id == article }?.text) ?? ""
    }
}
