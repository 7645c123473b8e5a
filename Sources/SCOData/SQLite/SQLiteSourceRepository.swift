import SQLiteStore

/// Sources over SQLite.
public struct SQLiteSourceRepository: SourceRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString =
        "src.id, src.title, src.publisher, src.agency, src.published_on, src.language, src.note, src.text"

    public func source(id: String) throws -> Source? {
        try reader.connection.queryFirst("SELECT \(Self.columns) FROM sources src WHERE src.id = ?", [.text(id)], Self.decode)
    }

    public func sources(_ query: SourceQuery) throws -> Page<Source> {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .id: .init("src.id", .text)
            case .publishedOn: .init("src.published_on", .text)
            }
            return column.descending(key.isDescending)
        }
        let sql = KeysetQuery(select: Self.columns, from: "sources src", order: order)
        var fingerprint = QueryFingerprint(list: "sources")
        fingerprint.add(sort: query.sort)
        return try reader.read {
            try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value, decode: Self.decode,
                key: { source in
                    query.sort.keys.map { $0.field == .id ? .text(source.id) : .text(source.publishedOn) }
                })
        }
    }

    static func decode(_ row: Row) throws -> Source {
        Source(
            id: try row.string(0), title: try row.string(1), publisher: try row.string(2),
            agency: try row.optionalString(3), publishedOn: try row.string(4), language: try row.string(5),
            note: try row.optionalString(6), text: try row.string(7))
    }
}
