import SQLiteStore

/// Statements over SQLite: filters and order in SQL (`statements_by_*` indexes), the `about`
/// lists of a page fetched with one query.
enum SQLiteStatements {
    static let columns: StaticString = """
        s.id, s.speaker_id, s.speaker_role, s.date_value, s.date_precision, s.date_text, s.date_note, \
        s.place, s.region_id, s.venue_id, s.reported_by_id, s.kind, s.quote, s.is_direct_quote, \
        s.responds_to, s.summary, s.note, s.sources, s.date_earliest, s.date_latest, s.date_basis
        """

    static let list = SQLiteList<Statement, StatementSortField>(
        name: "statements", select: columns, from: "statements s", byID: "s.id = ?1",
        filters: [
            ("speaker", "s.speaker_id {in}"), ("kind", "s.kind {in}"),
            ("about", "s.id IN (SELECT statement_id FROM statement_subjects WHERE subject_id {in})"),
        ],
        dateBounds: DateConditions(from: "s.date_latest >= ?", floor: "s.date_earliest >= ?", to: "s.date_earliest <= ?"),
        sortKeys: [
            .date: .text("s.date_earliest") { $0.date.earliest }, .id: .text("s.id") { $0.id },
            .speaker: .text("s.speaker_id") { $0.speakerId }, .kind: .text("s.kind") { $0.kind.rawValue },
        ],
        decode: decode, attach: attachSubjects)

    // MARK: Rows

    /// A statement from `columns`; `about` is attached afterwards.
    static func decode(_ row: Row) throws -> Statement {
        Statement(
            id: try row.string(0),
            speakerId: try row.string(1),
            speakerRole: try row.optionalString(2),
            date: try row.date(at: 3, bounds: 18, table: "statements"),
            place: try row.optionalString(7),
            regionId: try row.optionalString(8),
            venueId: try row.optionalString(9),
            reportedById: try row.optionalString(10),
            kind: try row.value(11, as: StatementKind.self, table: "statements"),
            quote: try row.string(12),
            isDirectQuote: try row.bool(13),
            respondsTo: try row.optionalString(14),
            summary: try row.string(15),
            note: try row.optionalString(16),
            sources: try row.quotes(17, table: "statements"))
    }

    static func attachSubjects(_ statements: [Statement], on reader: SQLiteDatasetReader) throws -> [Statement] {
        let about = try reader.relatedIDs(
            "SELECT statement_id, subject_id FROM statement_subjects WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY statement_id, position",
            for: statements.map(\.id))
        return statements.map { statement in
            var statement = statement
            statement.about = about[statement.id] ?? []
            return statement
        }
    }
}
