import SQLiteStore

/// Statements over SQLite: filters and order in SQL (`statements_by_*` indexes); the `about`,
/// `respondsTo` and `respondedBy` lists of a page fetched with one query each.
enum SQLiteStatements {
    static let columns: StaticString = """
        s.id, s.speaker_id, s.speaker_role, s.date_value, s.date_precision, s.date_text, s.date_note, \
        s.place, s.region_id, s.venue_id, s.reported_by_id, s.kind, s.quote, s.is_direct_quote, \
        s.summary, s.note, s.sources, s.date_earliest, s.date_latest, s.date_basis
        """

    static let list = SQLiteList<Statement, StatementSortField>(
        name: "statements", select: columns, from: "statements s", byID: "s.id = ?1",
        filters: [
            ("speaker", "s.speaker_id {in}"), ("kind", "s.kind {in}"),
            ("about", "s.id IN (SELECT statement_id FROM statement_subjects WHERE subject_id {in})"),
            ("respondsTo", "s.id IN (SELECT statement_id FROM statement_responses WHERE responds_to_id {in})"),
            ("disputed", """
                (CASE WHEN EXISTS (SELECT 1 FROM statement_responses r JOIN statements d ON d.id = r.statement_id \
                WHERE r.responds_to_id = s.id AND d.kind = 'denial') THEN 'true' ELSE 'false' END) {in}
                """),
        ],
        dateBounds: DateConditions(from: "s.date_latest >= ?", floor: "s.date_earliest >= ?", to: "s.date_earliest <= ?"),
        sortKeys: [
            .date: .text("s.date_earliest") { $0.date.earliest }, .id: .text("s.id") { $0.id },
            .speaker: .text("s.speaker_id") { $0.speakerId }, .kind: .text("s.kind") { $0.kind.rawValue },
        ],
        decode: decode, attach: attachRelated)

    // MARK: Rows

    /// A statement from `columns`; `about`, `respondsTo`, `respondedBy` and `isDisputed` are
    /// attached afterwards.
    static func decode(_ row: Row) throws -> Statement {
        Statement(
            id: try row.string(0),
            speakerId: try row.string(1),
            speakerRole: try row.optionalString(2),
            date: try row.date(at: 3, bounds: 17, table: "statements"),
            place: try row.optionalString(7),
            regionId: try row.optionalString(8),
            venueId: try row.optionalString(9),
            reportedById: try row.optionalString(10),
            kind: try row.value(11, as: StatementKind.self, table: "statements"),
            quote: try row.string(12),
            isDirectQuote: try row.bool(13),
            summary: try row.string(14),
            note: try row.optionalString(15),
            sources: try row.quotes(16, table: "statements"))
    }

    /// The statements with what they are about, what they answer, what answers them, and
    /// whether a denial is among those.
    static func attachRelated(_ statements: consuming [Statement], on reader: SQLiteDatasetReader) throws -> [Statement] {
        let ids = statements.map(\.id)
        let about = try reader.relatedIDs(
            "SELECT statement_id, subject_id FROM statement_subjects WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY statement_id, position",
            for: ids)
        let respondsTo = try reader.relatedIDs(
            "SELECT statement_id, responds_to_id FROM statement_responses WHERE statement_id IN (SELECT value FROM json_each(?)) ORDER BY statement_id, position",
            for: ids)
        // Who answers each statement, and whether a denial is among them, in one pass.
        var respondedBy: [String: [String]] = [:]
        var disputed: Set<String> = []
        try reader.connection.forEachRow(
            """
            SELECT r.responds_to_id, r.statement_id, d.kind = 'denial' FROM statement_responses r JOIN statements d ON d.id = r.statement_id
            WHERE r.responds_to_id IN (SELECT value FROM json_each(?)) ORDER BY r.responds_to_id, r.statement_id
            """,
            [.text(StoredJSON.text(strings: ids))]
        ) { row in
            let answered = try row.string(0)
            respondedBy[answered, default: []].append(try row.string(1))
            if try row.bool(2) { disputed.insert(answered) }
        }
        return statements.map { statement in
            var statement = statement
            statement.about = about[statement.id] ?? []
            statement.respondsTo = respondsTo[statement.id] ?? []
            statement.respondedBy = respondedBy[statement.id] ?? []
            statement.isDisputed = disputed.contains(statement.id)
            return statement
        }
    }
}
