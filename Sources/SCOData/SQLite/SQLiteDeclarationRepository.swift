import SQLiteStore

/// The declaration and its clauses (`clauseList`) over SQLite.
public struct SQLiteDeclarationRepository: DeclarationRepository {
    let reader: SQLiteDatasetReader

    static let columns: StaticString = """
        id, title, organization_id, summit_id, adopted_on_value, adopted_on_precision, adopted_on_text, \
        adopted_on_note, place, endorsement, summary, notes, note, sources, adopted_on_earliest, adopted_on_latest, \
        adopted_on_basis
        """
    static let clauseColumns: StaticString = "c.id, c.declaration_id, c.position, c.text, c.addresses, c.summary, c.note, c.sources"

    public func declaration() throws -> Declaration? {
        guard var declaration = try reader.connection.queryFirst(
            "SELECT \(Self.columns) FROM declarations ORDER BY rowid LIMIT 1", [], Self.decode)
        else { return nil }
        declaration.events = try reader.eventsLinked(to: declaration.id)
        return declaration
    }

    static let clauseList = SQLiteList<Clause, ClauseSortField>(
        name: "clauses", select: clauseColumns, from: "clauses c", byID: "c.id = ?1",
        sortKeys: [.id: .text("c.id") { $0.id }, .position: .integer("c.position") { $0.position }], decode: decodeClause)

    static func decode(_ row: Row) throws -> Declaration {
        Declaration(
            id: try row.string(0), title: try row.string(1), organizationId: try row.string(2),
            summitId: try row.string(3), adoptedOn: try row.date(at: 4, bounds: 14, table: "declarations"),
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
