import SQLiteStore

/// Sources over SQLite.
enum SQLiteSources {
    static let columns: StaticString =
        "src.id, src.title, src.publisher, src.agency, src.published_on, src.language, src.note, src.text"

    static let list = SQLiteList<Source, SourceSortField>(
        name: "sources", select: columns, from: "sources src", byID: "src.id = ?1",
        sortKeys: [.id: .text("src.id") { $0.id }, .publishedOn: .text("src.published_on") { $0.publishedOn }], decode: decode)

    static func decode(_ row: Row) throws -> Source {
        Source(
            id: try row.string(0), title: try row.string(1), publisher: try row.string(2),
            agency: try row.optionalString(3), publishedOn: try row.string(4), language: try row.string(5),
            note: try row.optionalString(6), text: try row.string(7))
    }
}
