import SQLiteStore

/// The declaration and its clauses over SQLite.
public struct SQLiteDeclarationRepository: DeclarationRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = """
        id, title, organization_id, summit_id, adopted_on_value, adopted_on_precision, adopted_on_text, \
        adopted_on_note, place, endorsement, summary, notes, note, sources
        """
    static let clauseColumns: StaticString = "c.id, c.declaration_id, c.position, c.text, c.addresses, c.summary, c.note, c.sources"

    public func declaration() throws -> Declaration? {
        try reader.connection.queryFirst("SELECT \(Self.columns) FROM declarations ORDER BY rowid LIMIT 1", [], Self.decode)
    }

    public func clause(id: String) throws -> Clause? {
        try reader.connection.queryFirst("SELECT \(Self.clauseColumns) FROM clauses c WHERE c.id = ?", [.text(id)], Self.decodeClause)
    }

    public func clauses(_ query: ClauseQuery) throws -> Page<Clause> {
        let order = query.sort.keys.map { key in
            let column: KeysetQuery.OrderColumn = switch key.field {
            case .position: .init("c.position", .integer)
            case .id: .init("c.id", .text)
            }
            return column.descending(key.isDescending)
        }
        let sql = KeysetQuery(select: Self.clauseColumns, from: "clauses c", order: order)
        var fingerprint = QueryFingerprint(list: "clauses")
        fingerprint.add(sort: query.sort)
        return try reader.read {
            try reader.page(
                sql, limit: query.limit, position: query.position, fingerprint: fingerprint.value,
                decode: Self.decodeClause,
                key: { clause in
                    query.sort.keys.map { $0.field == .id ? .text(clause.id) : .integer(Int64(clause.position)) }
                })
        }
    }

    static func decode(_ row: Row) throws -> Declaration {
        Declaration(
            id: try row.string(0), title: try row.string(1), organizationId: try row.string(2),
            summitId: try row.string(3), adoptedOn: try row.date(at: 4, table: "declarations"),
            place: try row.string(8), endorsement: try row.string(9), summary: try row.string(10),
            notes: try row.notes(11, table: "declarations"), note: try row.optionalString(12),
            sources: try row.quotes(13, table: "declarations"))
    }

    static func decodeClause(_ row: Row) throws -> Clause {
        Clause(
            id: try row.string(0), declarationId: try row.string(1), position: try row.int(2), text: try row.string(3),
            addresses: try row.strings(4, table: "clauses"), summary: try row.string(5),
            note: try row.optionalString(6), sources: try row.quotes(7, table: "clauses"))
    }
}
